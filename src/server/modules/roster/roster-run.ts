import { basename } from "node:path";
import { setFlagsFromString } from "node:v8";
import type { Db } from "../../db/db.js";
import { AppError } from "../../http/app-error.js";
import { findCounties, insertImport, updateImport } from "./roster.queries.js";
import type { RosterBook } from "./roster-book.js";
import {
  commitBook,
  commitRoster,
  describeBook,
  emptySummary,
  type ImportOptions,
  type ImportSummary,
} from "./roster-import.js";
import { planBook } from "./roster-planner.js";
import { readRoster } from "./roster-read.js";
import { reportTablesOf, writeErrorReport } from "./roster-report.js";
import { fileSource, type RosterSource, sha256Of, sizeOf } from "./roster-source.js";

// An import run from the command line (npm run import) and by the benchmark: one file or two (a
// household sheet and a person sheet), read once, the county taken from the file when not given,
// recorded in the import history BEFORE anything is written (status committing), so that a
// process killed mid-import leaves a record the next server start marks interrupted.

/** Problems kept on the import record for the page (as the web app's imports keep them). */
const PROBLEMS_SHOWN = 1_000;
const CLI_ORIGIN = { ip: null, userAgent: "bangfu-cli" };

export interface FileImportOptions {
  /** The county imported into; without it, the county the file's 县(市、区、旗) column names. */
  countyCode?: string | undefined;
  isDryRun: boolean;
  isOnlyValid: boolean;
  onProgress?: ImportOptions["onProgress"];
  afterChunk?: ImportOptions["afterChunk"];
  /** Also make the error report (.xlsx) when there are problems. */
  wantsReport?: boolean;
}

export interface ImportedRoster {
  countyCode: string | null;
  importId: string | null;
  summary: ImportSummary;
  /** The error report, when asked for and there were problems. */
  report?: Buffer;
}

/**
 * Keeps a one-shot import process's heap close to what it holds. V8 lets the old generation grow
 * to several times the live data before a full collection; reading 350,000 rows allocates so fast
 * that the heap reached ~1 GB for ~350 MB live. Growing it by at most 100% each time keeps the
 * peak near 600 MB for the same CPU time (measured on the 100,000-household benchmark). Process-
 * wide: set by the CLI, the benchmark and the server (which runs imports as jobs); a V8 without the
 * flag ignores it.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString("--heap-growing-percent=100");
}

/** Thrown when the county is neither given nor named unambiguously by the file. */
export class CountyUnknownError extends Error {}

/** Imports files from disk as the operator's command does. */
export async function importRosterFiles(
  db: Db,
  paths: readonly string[],
  options: FileImportOptions,
): Promise<ImportedRoster> {
  const sources = paths.map((path) => fileSource(basename(path), path));
  const fileName = sources.map((s) => s.name).join(" + ");
  const sha256 = await sha256Of(sources);
  const summary = emptySummary(fileName, sha256);
  const record = (countyCode: string, status: "validating" | "committing") =>
    sizeOf(sources).then((fileSize) =>
      insertImport(db, {
        countyCode,
        scopeCode: countyCode,
        createdBy: null,
        createdByUsername: "cli",
        fileName,
        fileSha256: sha256,
        fileSize,
        status,
      }),
    );
  const fail = async (importId: string, error: unknown) => {
    const message =
      error instanceof AppError ? (error.details?.[0]?.message ?? error.message) : String(error);
    await updateImport(db, importId, { status: "failed", message: message.slice(0, 500) });
  };
  if (options.countyCode && !options.isDryRun) {
    // The county is known: the import is planned and written while the file is read.
    const countyCode = options.countyCode;
    const importId = await record(countyCode, "committing");
    const outcome = await commitRoster(db, sources, {
      countyCode,
      fileName,
      isOnlyValid: options.isOnlyValid,
      isInScope: () => true,
      actor: null,
      origin: CLI_ORIGIN,
      sha256,
      importId,
      onProgress: options.onProgress,
      afterChunk: options.afterChunk,
    }).catch(async (error: unknown) => {
      await fail(importId, error);
      throw error;
    });
    if (!outcome.ok) {
      await updateImport(db, importId, { status: "rejected", message: outcome.reason });
      return { countyCode, importId, summary: { ...summary, message: outcome.reason } };
    }
    try {
      const described = { ...summary, ...describeBook(outcome.book), ...outcome.plan };
      const result: ImportSummary = outcome.refusal
        ? { ...described, status: "rejected", message: outcome.refusal }
        : { ...described, status: "committed" };
      return await finishRun(db, importId, countyCode, result, outcome.book, sources, options);
    } finally {
      await outcome.book.close();
    }
  }
  const read = await readRoster(sources, {
    onRows: (done) => options.onProgress?.({ phase: "reading", done }),
  });
  if (!read.ok)
    return {
      countyCode: options.countyCode ?? null,
      importId: null,
      summary: { ...summary, message: read.reason },
    };
  const book = read.book;
  try {
    let countyCode = options.countyCode;
    if (!countyCode) {
      const counties = book.countyName ? await findCounties(db, book.countyName) : [];
      if (counties.length !== 1) {
        throw new CountyUnknownError(
          book.countyName
            ? `The file names county “${book.countyName}”, which matches ${counties.length} counties: give --county`
            : "The file has no 县(市、区、旗) column: give --county",
        );
      }
      countyCode = counties[0]!.code;
    }
    const importId = await record(countyCode, options.isDryRun ? "validating" : "committing");
    const planOptions = {
      countyCode,
      fileName,
      isOnlyValid: options.isOnlyValid,
      isInScope: () => true,
      onProgress: options.onProgress,
    };
    const described = { ...summary, ...describeBook(book) };
    let result: ImportSummary;
    try {
      if (options.isDryRun) {
        const plan = await planBook(db, book, planOptions);
        result = { ...described, ...plan, status: "dry-run" };
      } else {
        const { plan, refusal } = await commitBook(db, book, {
          ...planOptions,
          actor: null,
          origin: CLI_ORIGIN,
          sha256,
          importId,
          afterChunk: options.afterChunk,
        });
        result = refusal
          ? { ...described, ...plan, status: "rejected", message: refusal }
          : { ...described, ...plan, status: "committed" };
      }
    } catch (error) {
      await fail(importId, error);
      throw error;
    }
    return await finishRun(db, importId, countyCode, result, book, sources, options);
  } finally {
    await book.close();
  }
}

/** Records how a run ended, and makes the error report when asked. */
async function finishRun(
  db: Db,
  importId: string,
  countyCode: string,
  result: ImportSummary,
  book: RosterBook,
  sources: readonly RosterSource[],
  options: FileImportOptions,
): Promise<ImportedRoster> {
  await updateImport(db, importId, {
    status: result.status === "dry-run" ? "validated" : result.status,
    message: result.message,
    rowsTotal: result.rows,
    rowsProcessed: result.rows,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
    rejected: result.rejected,
    problems: result.problemCount,
    warnings: result.warnings,
    problemList: result.problems.slice(0, PROBLEMS_SHOWN),
    isCommitted: result.status === "committed",
  });
  const report =
    options.wantsReport && result.problemCount > 0
      ? await writeErrorReport(sources, reportTablesOf(book.tables), result.problems, result.problemCount)
      : undefined;
  return { countyCode, importId, summary: result, ...(report ? { report } : {}) };
}
