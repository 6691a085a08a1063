import { createHash } from "node:crypto";
import { normaliseText } from "../../../shared/roster/roster-values.js";
import type { Db } from "../../db/db.js";
import type { RequestOrigin } from "../../http/actor.js";
import { AppError } from "../../http/app-error.js";
import { recordAudit } from "../audit/audit.service.js";
import { writeHouseholds } from "../households/household-save.js";
import { findActiveHolders, findCountyRegions, findHouseholdsByNumbers } from "./roster.queries.js";
import { planRoster, type RosterPlan } from "./roster-plan.js";
import { type RosterFile, readRosterFile } from "./roster-read.js";
import { RegionIndex } from "./roster-regions.js";
import type { RosterProblem } from "./roster-sheet.js";

// An import from file to database: read, plan against the registry, and (unless a dry run) write
// every created and updated household in ONE transaction, so that an import is all or nothing —
// a failure, or a killed process, leaves the registry exactly as it was.

export interface ImportOptions {
  countyCode: string;
  fileName: string;
  /** Import the valid households of a file with errors (a household with a bad member is skipped whole). */
  isOnlyValid: boolean;
  actor: { id: string; username: string } | null;
  origin: RequestOrigin;
  /** Whether the importer may write households in a region (the CLI may write anywhere). */
  isInScope: (regionCode: string) => boolean;
  today?: Date;
  /** Hears progress: rows read, then households written. */
  onProgress?: (progress: {
    phase: "reading" | "writing";
    done: number;
    total?: number;
  }) => void | Promise<void>;
  /** For tests: runs inside the transaction after each chunk is written (throw to inject a failure). */
  afterChunk?: (written: number) => Promise<void>;
}

export interface ImportCountsSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
}

/** What an import did or would do; `message` says why a whole file was refused. */
export interface ImportSummary extends ImportCountsSummary {
  fileName: string;
  sha256: string;
  status: "dry-run" | "committed" | "rejected";
  message: string | null;
  format: "xlsx" | "csv" | null;
  encoding: string | null;
  sheet: string | null;
  headerRow: number | null;
  ignoredColumns: string[];
  problems: RosterProblem[];
}

/** Households written per statement batch inside the one transaction. */
const WRITE_CHUNK = 500;

export function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** How many households a plan creates, updates, leaves and rejects. */
export function countPlan(plan: RosterPlan): ImportCountsSummary {
  const count = (outcome: string) => plan.households.filter((h) => h.outcome === outcome).length;
  return {
    rows: plan.rows,
    created: count("create"),
    updated: count("update"),
    unchanged: count("unchanged"),
    rejected: count("rejected"),
    warnings: plan.warnings,
  };
}

/** Plans a read file against the registry as it is now. */
export async function planImport(
  db: Db,
  file: Extract<RosterFile, { ok: true }>,
  options: Pick<ImportOptions, "countyCode" | "fileName" | "isInScope" | "today">,
): Promise<RosterPlan> {
  const regions = await findCountyRegions(db, options.countyCode);
  const county = regions.find((r) => r.code === options.countyCode);
  if (!county) throw new AppError("NOT_FOUND", [{ path: "countyCode", message: "没有这个县" }]);
  const numbers = [
    ...new Set(file.rows.flatMap((r) => (r.text.householdNumber ? [r.text.householdNumber] : []))),
  ];
  const existing = await findHouseholdsByNumbers(db, options.countyCode, numbers.map(normaliseText));
  const ids = [
    ...new Set(file.rows.flatMap((r) => (r.text.idNumber ? [normaliseText(r.text.idNumber)] : []))),
  ];
  const holders = await findActiveHolders(db, ids);
  return planRoster({
    fileName: options.fileName,
    layout: file.layout,
    rows: file.rows,
    regions: new RegionIndex(options.countyCode, county.name, regions),
    existing,
    holders,
    isInScope: options.isInScope,
    today: options.today ?? new Date(),
  });
}

/**
 * Writes a plan's created and updated households in one transaction, with one audit entry for the
 * import. Throws when the registry changed under the plan (the transaction then rolls back whole).
 */
export async function writePlan(
  db: Db,
  plan: RosterPlan,
  options: Omit<ImportOptions, "isInScope"> & { sha256: string; importId?: string },
): Promise<void> {
  const writes = plan.households.flatMap((h) => (h.write ? [h.write] : []));
  const today = options.today ?? new Date();
  try {
    await db.transaction(async (tx) => {
      for (let i = 0; i < writes.length; i += WRITE_CHUNK) {
        await writeHouseholds(tx, options.actor, writes.slice(i, i + WRITE_CHUNK), today);
        const done = Math.min(i + WRITE_CHUNK, writes.length);
        await options.afterChunk?.(done);
        await options.onProgress?.({ phase: "writing", done, total: writes.length });
      }
      const counts = countPlan(plan);
      await recordAudit(tx, options.actor, options.origin, {
        action: "roster.import",
        entityType: "roster_import",
        entityId: options.importId ?? options.sha256,
        regionCode: options.countyCode,
        after: {
          fileName: options.fileName,
          sha256: options.sha256,
          created: counts.created,
          updated: counts.updated,
          unchanged: counts.unchanged,
          rejected: counts.rejected,
          isOnlyValid: options.isOnlyValid,
        },
      });
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof AppError && error.code === "STALE_VERSION") {
      throw new AppError("STALE_VERSION", [
        { path: "file", message: "导入期间有户被他人修改，本次导入未写入任何数据；请重新导入" },
      ]);
    }
    if (code === "23505") {
      throw new AppError("CONFLICT", [
        {
          path: "file",
          message: "导入期间有人登记了相同的户编号或证件号码，本次导入未写入任何数据；请重新导入",
        },
      ]);
    }
    throw error;
  }
}

/** Why a plan must not be written as asked, or undefined when it may be. */
export function refusalOf(plan: RosterPlan, isOnlyValid: boolean): string | undefined {
  if (plan.problems.length > 0 && !isOnlyValid) {
    return `文件有 ${plan.problems.length} 处错误，未导入任何数据；请按错误报告修改后重新上传，或选择“只导入无误的户”`;
  }
  if (!plan.households.some((h) => h.outcome !== "rejected")) return "文件中没有可以导入的户：每一户都有错误";
  return undefined;
}

/** Reads, plans and (unless `isDryRun`) writes a roster file: the whole import in one call (CLI, tests). */
export async function importRoster(
  db: Db,
  bytes: Buffer,
  options: ImportOptions & { isDryRun: boolean },
): Promise<ImportSummary & { plan?: RosterPlan }> {
  const sha256 = sha256Of(bytes);
  const base = {
    fileName: options.fileName,
    sha256,
    message: null,
    format: null,
    encoding: null,
    sheet: null,
    headerRow: null,
    ignoredColumns: [],
    problems: [],
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    warnings: 0,
  };
  const file = await readRosterFile(bytes, options.fileName, (done) =>
    options.onProgress?.({ phase: "reading", done }),
  );
  if (!file.ok) return { ...base, status: "rejected", message: file.reason };
  const plan = await planImport(db, file, options);
  const summary = {
    ...base,
    ...countPlan(plan),
    format: file.format,
    encoding: file.encoding,
    sheet: file.sheet,
    headerRow: file.layout.headerRow,
    ignoredColumns: file.layout.ignored,
    problems: plan.problems,
    plan,
  };
  if (options.isDryRun) return { ...summary, status: "dry-run" };
  const refusal = refusalOf(plan, options.isOnlyValid);
  if (refusal) return { ...summary, status: "rejected", message: refusal };
  await writePlan(db, plan, { ...options, sha256 });
  return { ...summary, status: "committed" };
}
