import type { RosterImportView, RosterProblemView } from "../../../shared/api/roster.api.js";
import { codePrefix, countyCodeOf, isWithinScope } from "../../../shared/division-code.js";
import { escapeLike } from "../../db/like.js";
import { AppError } from "../../http/app-error.js";
import type { FileReply, ServiceContext } from "../../http/route.js";
import { authorize, can } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import { findHouseholds, type HouseholdFilter } from "../households/household-list.queries.js";
import type { HouseholdSnapshot } from "../households/household-present.js";
import {
  deleteImportFile,
  findCountyRegions,
  findErrorReport,
  findImport,
  findImports,
  findSnapshots,
  type ImportRecord,
  insertImport,
  insertImportFile,
  restoreImportFiles,
  updateImport,
} from "./roster.queries.js";
import { writeExportCsv, writeExportXlsx, writeTemplate } from "./roster-export.js";
import { commitRoster } from "./roster-import.js";
import type { ImportJobs, JobProgress } from "./roster-jobs.js";
import { type PlanResult, planBook } from "./roster-planner.js";
import { readRoster } from "./roster-read.js";
import { RegionIndex } from "./roster-regions.js";
import { reportTablesOf, writeErrorReport } from "./roster-report.js";
import { fileSource, sha256Of, sizeOf } from "./roster-source.js";
import { createWorkDir, type Upload, uploadSources } from "./roster-upload.js";

/** The largest roster upload accepted (a 350,000-person .xlsx is about 40 MB). */
export const ROSTER_UPLOAD_LIMIT = 100 * 1024 * 1024;
/** Problems kept on the import record for the page; the error report has them all. */
const PROBLEMS_SHOWN = 1_000;

function viewOf(record: ImportRecord, jobs: ImportJobs): RosterImportView {
  const progress = jobs.progressOf(record.id);
  return {
    id: record.id,
    countyCode: record.countyCode,
    fileName: record.fileName,
    fileSha256: record.fileSha256,
    fileSize: record.fileSize,
    status: record.status,
    isOnlyValid: record.isOnlyValid,
    createdBy: record.createdByUsername,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    committedAt: record.committedAt?.toISOString() ?? null,
    rowsTotal: record.rowsTotal,
    rowsProcessed: progress?.done ?? record.rowsProcessed,
    phase: progress?.phase ?? null,
    progressTotal: progress?.total ?? null,
    created: record.created,
    updated: record.updated,
    unchanged: record.unchanged,
    rejected: record.rejected,
    problems: record.problems,
    warnings: record.warnings,
    message: record.message,
    hasErrorReport: record.hasErrorReport,
  };
}

/** The county an actor imports into: their own, or one within their scope when they sit above county level. */
function importCounty(ctx: ServiceContext, requested: string | undefined): string {
  authorize(ctx.actor, "roster.import");
  const own = countyCodeOf(ctx.actor.regionCode);
  const county = requested ? countyCodeOf(requested) : own;
  if (!county) {
    throw new AppError("VALIDATION_FAILED", [{ path: "query.countyCode", message: "请指定导入到哪个县" }]);
  }
  if (own !== undefined && county !== own) throw new AppError("OUT_OF_SCOPE");
  authorize(ctx.actor, "roster.import", { regionCode: own ? ctx.actor.regionCode : county });
  return county;
}

const inScopeOf = (ctx: ServiceContext) => (regionCode: string) =>
  isWithinScope(regionCode, ctx.actor.regionCode);

/** An import the actor may see: started in their region or below it (404 otherwise). */
async function scopedImport(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "roster.import");
  const record = await findImport(ctx.db, id);
  if (!record || !isWithinScope(record.scopeCode, ctx.actor.regionCode)) throw new AppError("NOT_FOUND");
  return record;
}

function failureMessage(error: unknown): string {
  if (error instanceof AppError) return error.details?.[0]?.message ?? error.message;
  return `导入失败，数据库未被改动（${error instanceof Error ? error.message.slice(0, 200) : "未知错误"}）`;
}

/** Uploads a roster (one file, or a household file and a person file) and validates it in the background; the page polls getImport. */
export async function startImport(
  ctx: ServiceContext,
  jobs: ImportJobs,
  input: { fileName?: string | undefined; countyCode?: string | undefined; receive: () => Promise<Upload> },
) {
  const countyCode = importCounty(ctx, input.countyCode);
  const upload = await input.receive();
  let isClaimed = false;
  try {
    if (upload.files.length === 0 || upload.files.every((f) => f.size === 0)) {
      throw new AppError("VALIDATION_FAILED", [
        { path: "body", message: "请上传.xlsx或.csv文件（文件内容为空）" },
      ]);
    }
    const fileName = (input.fileName ?? upload.files.map((f) => f.name).join(" + ")).slice(0, 200);
    const sources = uploadSources(upload);
    const sha256 = await sha256Of(sources);
    const fileSize = await sizeOf(sources);
    const id = await ctx.db.transaction(async (tx) => {
      const inserted = await insertImport(tx, {
        countyCode,
        scopeCode: ctx.actor.regionCode,
        createdBy: ctx.actor.id,
        createdByUsername: ctx.actor.username,
        fileName,
        fileSha256: sha256,
        fileSize,
        status: "validating",
      });
      for (const [position, source] of sources.entries()) {
        await insertImportFile(tx, inserted, countyCode, position, source);
      }
      return inserted;
    });
    const isInScope = inScopeOf(ctx);
    isClaimed = true;
    jobs.run(
      id,
      async (report) => {
        try {
          await validateImport(ctx, id, { countyCode, fileName, isInScope, upload, report });
        } finally {
          await upload.discard();
        }
      },
      async (error) => {
        await updateImport(ctx.db, id, { status: "failed", message: failureMessage(error) });
      },
    );
    return viewOf((await findImport(ctx.db, id))!, jobs);
  } finally {
    if (!isClaimed) await upload.discard();
  }
}

/** The validation job: reads the upload, plans it against the registry, keeps counts, problems and the error report. */
async function validateImport(
  ctx: ServiceContext,
  id: string,
  job: {
    countyCode: string;
    fileName: string;
    isInScope: (regionCode: string) => boolean;
    upload: Upload;
    report: (progress: JobProgress) => void;
  },
) {
  const sources = uploadSources(job.upload);
  let lastSaved = Date.now();
  const read = await readRoster(sources, {
    workDir: job.upload.dir,
    onRows: async (rows) => {
      job.report({ phase: "reading", done: rows });
      if (Date.now() - lastSaved > 1_000) {
        lastSaved = Date.now();
        await updateImport(ctx.db, id, { rowsProcessed: rows });
      }
    },
  });
  if (!read.ok) {
    await updateImport(ctx.db, id, { status: "rejected", message: read.reason });
    await deleteImportFile(ctx.db, id);
    return;
  }
  const book = read.book;
  try {
    await updateImport(ctx.db, id, { rowsTotal: book.rows, rowsProcessed: 0 });
    const plan = await planBook(ctx.db, book, {
      countyCode: job.countyCode,
      fileName: job.fileName,
      isInScope: job.isInScope,
      isOnlyValid: false,
      onProgress: (progress) => job.report(progress),
    });
    await updateImport(ctx.db, id, {
      ...countsOf(plan),
      status: "validated",
      rowsTotal: plan.rows,
      rowsProcessed: plan.rows,
      problemList: plan.problems.slice(0, PROBLEMS_SHOWN),
      errorReport:
        plan.problemCount > 0
          ? await writeErrorReport(sources, reportTablesOf(book.tables), plan.problems, plan.problemCount)
          : null,
    });
  } finally {
    await book.close();
  }
}

const countsOf = (plan: PlanResult) => ({
  created: plan.created,
  updated: plan.updated,
  unchanged: plan.unchanged,
  rejected: plan.rejected,
  warnings: plan.warnings,
  problems: plan.problemCount,
});

/**
 * Writes a validated import in the background, re-planned against the registry as it is by then,
 * in one transaction. A file with errors goes back to "validated" with the reason unless isOnlyValid.
 */
export async function commitImport(ctx: ServiceContext, jobs: ImportJobs, id: string, isOnlyValid: boolean) {
  const record = await scopedImport(ctx, id);
  if (record.status !== "validated") {
    throw new AppError("CONFLICT", [
      { path: "params.id", message: "只有校验完成、尚未导入的文件可以确认导入" },
    ]);
  }
  await updateImport(ctx.db, id, { status: "committing", isOnlyValid, message: null });
  const isInScope = inScopeOf(ctx);
  jobs.run(
    id,
    async (report) => {
      const work = await createWorkDir();
      try {
        const files = await restoreImportFiles(ctx.db, id, work.dir);
        if (files.length === 0)
          throw new AppError("NOT_FOUND", [{ path: "file", message: "上传的文件已不在，请重新上传" }]);
        const outcome = await commitRoster(
          ctx.db,
          files.map((f) => fileSource(f.name, f.path)),
          {
            countyCode: record.countyCode,
            fileName: record.fileName,
            isInScope,
            isOnlyValid,
            actor: ctx.actor,
            origin: ctx.origin,
            sha256: record.fileSha256,
            importId: id,
            workDir: work.dir,
            onProgress: (progress) => report(progress),
          },
        );
        if (!outcome.ok) throw new AppError("VALIDATION_FAILED", [{ path: "file", message: outcome.reason }]);
        try {
          const { plan, refusal } = outcome;
          if (refusal) {
            await updateImport(ctx.db, id, {
              ...countsOf(plan),
              status: "validated",
              message: refusal,
              problemList: plan.problems.slice(0, PROBLEMS_SHOWN),
            });
            return;
          }
          await updateImport(ctx.db, id, { ...countsOf(plan), status: "committed", isCommitted: true });
          await deleteImportFile(ctx.db, id);
        } finally {
          await outcome.book.close();
        }
      } finally {
        await work.discard();
      }
    },
    async (error) => {
      await updateImport(ctx.db, id, { status: "failed", message: failureMessage(error) });
    },
  );
  return viewOf((await findImport(ctx.db, id))!, jobs);
}

/** One import with the problems kept for display. */
export async function getImport(ctx: ServiceContext, jobs: ImportJobs, id: string) {
  const record = await scopedImport(ctx, id);
  return { ...viewOf(record, jobs), problemList: record.problemList as RosterProblemView[] };
}

/** The import history of the actor's region. */
export async function listImports(ctx: ServiceContext, jobs: ImportJobs, page: number, pageSize: number) {
  authorize(ctx.actor, "roster.import");
  const result = await findImports(ctx.db, codePrefix(ctx.actor.regionCode), pageSize, (page - 1) * pageSize);
  return { rows: result.rows.map((r) => viewOf(r, jobs)), total: result.total, page, pageSize };
}

/** The error report of an import. */
export async function downloadErrorReport(ctx: ServiceContext, id: string): Promise<FileReply> {
  const record = await scopedImport(ctx, id);
  const content = await findErrorReport(ctx.db, id);
  if (!content) throw new AppError("NOT_FOUND", [{ path: "params.id", message: "该导入没有错误报告" }]);
  return { fileName: `${record.fileName.replace(/\.[^.]*$/, "")}-错误报告.xlsx`, content };
}

/** The empty template in the national layout. */
export async function downloadTemplate(ctx: ServiceContext): Promise<FileReply> {
  authorize(ctx.actor, "roster.import");
  return { fileName: "贫困人口信息-导入模板.xlsx", content: await writeTemplate() };
}

export type ExportQuery = Omit<
  HouseholdFilter,
  | "scopePrefix"
  | "assignedTo"
  | "text"
  | "regionPrefix"
  | "limit"
  | "offset"
  | "hasWarnings"
  | "sort"
  | "order"
> & {
  q: string;
  regionCode?: string | undefined;
  hasWarnings?: "true" | "false" | undefined;
  format: "xlsx" | "csv";
};

const EXPORT_PAGE = 1_000;

/**
 * The household list, filtered as GET /api/households filters it, as a file in the national
 * layout. Masked unless the actor may reveal personal data; the export itself is audited.
 */
export async function exportHouseholds(ctx: ServiceContext, query: ExportQuery): Promise<FileReply> {
  authorize(ctx.actor, "roster.export");
  authorize(ctx.actor, "household.read");
  if (query.regionCode) authorize(ctx.actor, "household.read", { regionCode: query.regionCode });
  const { q, regionCode, hasWarnings, format, ...filters } = query;
  const filter: HouseholdFilter = {
    ...filters,
    scopePrefix: codePrefix(ctx.actor.regionCode),
    assignedTo: ctx.actor.role === "caseworker" ? ctx.actor.id : undefined,
    text: escapeLike(q),
    regionPrefix: regionCode ? codePrefix(regionCode) : undefined,
    hasWarnings: hasWarnings === undefined ? undefined : hasWarnings === "true",
    sort: "householdNumber",
    order: "asc",
    limit: EXPORT_PAGE,
    offset: 0,
  };
  const isMasked = !can(ctx.actor, "household.reveal");
  const indexes = new Map<string, RegionIndex>();
  let households = 0;
  async function* pages(): AsyncIterable<HouseholdSnapshot[]> {
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const page = await findHouseholds(ctx.db, { ...filter, offset });
      const snapshots = await findSnapshots(
        ctx.db,
        page.rows.map((row) => row.id),
      );
      for (const county of new Set(snapshots.map((s) => s.countyCode))) {
        if (indexes.has(county)) continue;
        const regions = await findCountyRegions(ctx.db, county);
        indexes.set(
          county,
          new RegionIndex(county, regions.find((r) => r.code === county)?.name ?? "", regions),
        );
      }
      households += snapshots.length;
      yield snapshots;
      if (page.rows.length < EXPORT_PAGE) return;
    }
  }
  const regionsOf = (county: string) => indexes.get(county)!;
  const written =
    format === "csv"
      ? await writeExportCsv(pages(), regionsOf, isMasked)
      : await writeExportXlsx(pages(), regionsOf, isMasked);
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, ctx.origin, {
      action: "roster.export",
      entityType: "household",
      entityId: "export",
      regionCode: regionCode ?? ctx.actor.regionCode,
      after: {
        format,
        households,
        rows: written.rows,
        isMasked,
        filters: { ...filters, regionCode, hasWarnings, hasSearchText: q !== "" },
      },
    }),
  );
  const date = new Date().toISOString().slice(0, 10);
  return {
    fileName: `贫困人口信息-${date}.${format}`,
    content: written.content,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : undefined,
  };
}
