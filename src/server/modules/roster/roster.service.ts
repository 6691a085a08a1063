import type { RosterImportView, RosterProblemView } from "../../../shared/api/roster.api.js";
import { codePrefix, countyCodeOf, isWithinScope } from "../../../shared/division-code.js";
import type { Db } from "../../db/db.js";
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
  findImportFile,
  findImports,
  findSnapshots,
  type ImportRecord,
  insertImport,
  updateImport,
} from "./roster.queries.js";
import { writeExportCsv, writeExportXlsx, writeTemplate } from "./roster-export.js";
import {
  countPlan,
  type ImportSummary,
  planImport,
  refusalOf,
  sha256Of,
  writePlan,
} from "./roster-import.js";
import type { ImportJobs } from "./roster-jobs.js";
import { readRosterFile } from "./roster-read.js";
import { RegionIndex } from "./roster-regions.js";
import { writeErrorReport } from "./roster-report.js";

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

/** Uploads a roster and validates it in the background; the page polls getImport. */
export async function startImport(
  ctx: ServiceContext,
  jobs: ImportJobs,
  input: { fileName: string; countyCode?: string | undefined; content: unknown },
) {
  const countyCode = importCounty(ctx, input.countyCode);
  if (!Buffer.isBuffer(input.content) || input.content.length === 0) {
    throw new AppError("VALIDATION_FAILED", [
      { path: "body", message: "请上传.xlsx或.csv文件（文件内容为空）" },
    ]);
  }
  const bytes = input.content;
  const id = await insertImport(ctx.db, {
    countyCode,
    scopeCode: ctx.actor.regionCode,
    createdBy: ctx.actor.id,
    createdByUsername: ctx.actor.username,
    fileName: input.fileName,
    fileSha256: sha256Of(bytes),
    fileSize: bytes.length,
    status: "validating",
    content: bytes,
  });
  const isInScope = inScopeOf(ctx);
  jobs.run(
    id,
    async (report) => {
      let lastSaved = Date.now();
      const file = await readRosterFile(bytes, input.fileName, async (rows) => {
        report({ phase: "reading", done: rows });
        if (Date.now() - lastSaved > 1_000) {
          lastSaved = Date.now();
          await updateImport(ctx.db, id, { rowsProcessed: rows });
        }
      });
      if (!file.ok) {
        await updateImport(ctx.db, id, { status: "rejected", message: file.reason });
        await deleteImportFile(ctx.db, id);
        return;
      }
      const plan = await planImport(ctx.db, file, { countyCode, fileName: input.fileName, isInScope });
      const place = { sheetIndex: file.sheetIndex, headerRow: file.layout.headerRow };
      await updateImport(ctx.db, id, {
        ...countPlan(plan),
        status: "validated",
        rowsTotal: plan.rows,
        rowsProcessed: plan.rows,
        problems: plan.problems.length,
        problemList: plan.problems.slice(0, PROBLEMS_SHOWN),
        errorReport:
          plan.problems.length > 0
            ? await writeErrorReport(bytes, input.fileName, plan.problems, place)
            : null,
      });
    },
    async (error) => {
      await updateImport(ctx.db, id, { status: "failed", message: failureMessage(error) });
    },
  );
  return viewOf((await findImport(ctx.db, id))!, jobs);
}

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
      const bytes = await findImportFile(ctx.db, id);
      if (!bytes)
        throw new AppError("NOT_FOUND", [{ path: "file", message: "上传的文件已不在，请重新上传" }]);
      const file = await readRosterFile(bytes, record.fileName, (rows) =>
        report({ phase: "reading", done: rows }),
      );
      if (!file.ok) throw new AppError("VALIDATION_FAILED", [{ path: "file", message: file.reason }]);
      const options = { countyCode: record.countyCode, fileName: record.fileName, isInScope };
      const plan = await planImport(ctx.db, file, options);
      const counts = { ...countPlan(plan), problems: plan.problems.length };
      const refusal = refusalOf(plan, isOnlyValid);
      if (refusal) {
        await updateImport(ctx.db, id, {
          ...counts,
          status: "validated",
          message: refusal,
          problemList: plan.problems.slice(0, PROBLEMS_SHOWN),
        });
        return;
      }
      await writePlan(ctx.db, plan, {
        ...options,
        isOnlyValid,
        actor: ctx.actor,
        origin: ctx.origin,
        sha256: record.fileSha256,
        importId: id,
        onProgress: (progress) => report(progress),
      });
      await updateImport(ctx.db, id, { ...counts, status: "committed", isCommitted: true });
      await deleteImportFile(ctx.db, id);
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

/** Records an import made outside the web app (the CLI), for the history. */
export async function recordImport(
  db: Db,
  bytes: Buffer,
  input: {
    countyCode: string;
    fileName: string;
    summary: ImportSummary;
    actorId: string | null;
    actorUsername: string;
  },
) {
  const { summary } = input;
  const id = await insertImport(db, {
    countyCode: input.countyCode,
    scopeCode: input.countyCode,
    createdBy: input.actorId,
    createdByUsername: input.actorUsername,
    fileName: input.fileName,
    fileSha256: summary.sha256,
    fileSize: bytes.length,
    status: summary.status === "dry-run" ? "validated" : summary.status,
  });
  await updateImport(db, id, {
    rowsTotal: summary.rows,
    rowsProcessed: summary.rows,
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    rejected: summary.rejected,
    problems: summary.problems.length,
    warnings: summary.warnings,
    message: summary.message,
    problemList: summary.problems.slice(0, PROBLEMS_SHOWN),
    isCommitted: summary.status === "committed",
  });
  return id;
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
