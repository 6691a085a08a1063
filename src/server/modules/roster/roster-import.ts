import type { Db, Queryable } from "../../db/db.js";
import type { RequestOrigin } from "../../http/actor.js";
import { AppError } from "../../http/app-error.js";
import { recordAudit } from "../audit/audit.service.js";
import { type PreparedHousehold, writeHouseholds } from "../households/household-save.js";
import { lockImport } from "./roster.queries.js";
import type { RosterBook } from "./roster-book.js";
import {
  emptyPlanResult,
  PLAN_BATCH,
  Planner,
  type PlanResult,
  type PlanSink,
  planBook,
} from "./roster-planner.js";
import { readRoster } from "./roster-read.js";
import { bufferSource, type RosterSource, sha256Of } from "./roster-source.js";

// An import from file to database: read (roster-read: the rows to a spill file, an index in
// memory), plan household by household in batches against the registry (roster-planner), and
// (unless a dry run) write every created and updated household as it is planned, inside ONE
// transaction, so that an import is all or nothing — a refusal, a failure or a killed process
// leaves the registry exactly as it was. A commit plans and writes while it still reads a file in
// household order (commitRoster). Memory holds a batch of households, the index, and the problems.

export interface ImportOptions {
  countyCode: string;
  /** The file name recorded on each version written (two files: both names). */
  fileName: string;
  /** Import the valid households of a file with errors (a household with a bad member is skipped whole). */
  isOnlyValid: boolean;
  actor: { id: string; username: string } | null;
  origin: RequestOrigin;
  /** Whether the importer may write households in a region (the CLI may write anywhere). */
  isInScope: (regionCode: string) => boolean;
  today?: Date;
  /** The import's record, named by the audit entry (default: the file's hash). */
  importId?: string;
  /** Where the rows are parked while planning (default: the system's temporary directory). */
  workDir?: string;
  /** Households per write inside the one transaction (default WRITE_CHUNK). */
  writeChunk?: number;
  /**
   * Whether a commit plans and writes while it still reads the file (default: on PostgreSQL; see
   * commitRoster), and how many households it plans at a time then (default PLAN_BATCH).
   */
  isStreaming?: boolean;
  streamBatch?: number;
  /** Hears progress: rows read, then households checked (a dry run) or written (a commit). */
  onProgress?: (progress: {
    phase: "reading" | "checking" | "writing";
    done: number;
    total?: number;
  }) => void | Promise<void>;
  /** For tests: runs inside the transaction after each chunk is written (throw to inject a failure). */
  afterChunk?: (written: number) => Promise<void>;
}

/** What an import did or would do; `message` says why a whole file was refused. */
export interface ImportSummary extends PlanResult {
  fileName: string;
  sha256: string;
  status: "dry-run" | "committed" | "rejected";
  message: string | null;
  format: "xlsx" | "csv" | null;
  encoding: string | null;
  /** The person sheet, and the household sheet when the roster came as two. */
  sheet: string | null;
  householdSheet: string | null;
  headerRow: number | null;
  ignoredColumns: string[];
}

/** A file's summary before anything is known of it: rejected until read and planned. */
export function emptySummary(fileName: string, sha256: string): ImportSummary {
  return {
    fileName,
    sha256,
    status: "rejected",
    message: null,
    format: null,
    encoding: null,
    sheet: null,
    householdSheet: null,
    headerRow: null,
    ignoredColumns: [],
    ...emptyPlanResult(),
  };
}

/** Households written per statement batch inside the one transaction. */
export const WRITE_CHUNK = 1_000;
/** Why a plan must not be written as asked, or undefined when it may be. */
export function refusalOf(plan: PlanResult, isOnlyValid: boolean): string | undefined {
  if (plan.problemCount > 0 && !isOnlyValid) {
    return `文件有 ${plan.problemCount} 处错误，未导入任何数据；请按错误报告修改后重新上传，或选择“只导入无误的户”`;
  }
  if (plan.created + plan.updated + plan.unchanged === 0) return "文件中没有可以导入的户：每一户都有错误";
  return undefined;
}

/**
 * Writes households in chunks inside a transaction, one chunk in flight while the next is planned.
 * The planner flushes it after sending each batch's lookups (see Planner.plan); it sends by itself
 * only when twice a chunk is waiting.
 */
class ChunkWriter implements PlanSink {
  private pending: PreparedHousehold[] = [];
  private inFlight: Promise<void> | undefined;
  private written = 0;
  private isAbandoned = false;

  constructor(
    private readonly tx: Queryable,
    private readonly options: Pick<ImportOptions, "actor" | "afterChunk" | "today"> & { chunk: number },
  ) {}

  async write(household: PreparedHousehold): Promise<void> {
    if (this.isAbandoned) return;
    this.pending.push(household);
    if (this.pending.length >= this.options.chunk * 2) await this.send();
  }

  async flush(): Promise<void> {
    if (!this.isAbandoned && this.pending.length >= this.options.chunk) await this.send();
  }

  abandon(): void {
    this.isAbandoned = true;
    this.pending = [];
  }

  /** Sends what is pending and waits for every write to finish. */
  async finish(): Promise<number> {
    if (!this.isAbandoned && this.pending.length > 0) await this.send();
    await this.inFlight;
    return this.written;
  }

  private async send(): Promise<void> {
    const chunk = this.pending;
    this.pending = [];
    await this.inFlight;
    const running = (async () => {
      await writeHouseholds(this.tx, this.options.actor, chunk, this.options.today ?? new Date());
      this.written += chunk.length;
      await this.options.afterChunk?.(this.written);
    })();
    // Awaited by the next send or by finish; a failure there rolls the transaction back.
    running.catch(() => undefined);
    this.inFlight = running;
  }
}

/**
 * Where a commit looks up households not yet planned: another connection of the pool on PostgreSQL
 * (see Planner.create), the transaction itself on the embedded database (one connection).
 */
function lookupsOf(db: Db, tx: Queryable): Queryable {
  return db.engine === "postgres" ? db : tx;
}

/** Thrown inside the transaction to roll it back when the plan turns out to be refused. */
class Refused extends Error {
  constructor(
    readonly plan: PlanResult,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Plans and writes a book in one transaction, with one audit entry for the import. Returns the
 * plan and, when it was refused (errors, and not isOnlyValid), the reason: nothing was written.
 * Throws when the registry changed under the plan (the transaction then rolls back whole).
 */
export async function commitBook(
  db: Db,
  book: RosterBook,
  options: Omit<ImportOptions, "importId"> & { sha256: string; importId?: string },
): Promise<{ plan: PlanResult; refusal?: string }> {
  try {
    return await db.transaction(async (tx) => {
      if (options.importId) await lockImport(tx, options.importId);
      const writer = new ChunkWriter(tx, { ...options, chunk: options.writeChunk ?? WRITE_CHUNK });
      const plan = await planBook(tx, book, options, writer, lookupsOf(db, tx));
      await writer.finish();
      return closeCommit(tx, plan, options);
    });
  } catch (error) {
    if (error instanceof Refused) return { plan: error.plan, refusal: error.reason };
    throw translated(error);
  }
}

/** The end of a commit's transaction: refused (rolled back) or audited. */
async function closeCommit(
  tx: Queryable,
  plan: PlanResult,
  options: Omit<ImportOptions, "importId"> & { sha256: string; importId?: string },
): Promise<{ plan: PlanResult }> {
  const refusal = refusalOf(plan, options.isOnlyValid);
  if (refusal) throw new Refused(plan, refusal);
  await recordAudit(tx, options.actor, options.origin, {
    action: "roster.import",
    entityType: "roster_import",
    entityId: options.importId ?? options.sha256,
    regionCode: options.countyCode,
    after: {
      fileName: options.fileName,
      sha256: options.sha256,
      created: plan.created,
      updated: plan.updated,
      unchanged: plan.unchanged,
      rejected: plan.rejected,
      isOnlyValid: options.isOnlyValid,
    },
  });
  return { plan };
}

/** A failed commit's error as the clerk should read it: someone changed the registry meanwhile. */
function translated(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (error instanceof AppError && error.code === "STALE_VERSION") {
    return new AppError("STALE_VERSION", [
      { path: "file", message: "导入期间有户被他人修改，本次导入未写入任何数据；请重新导入" },
    ]);
  }
  if (code === "23505") {
    return new AppError("CONFLICT", [
      {
        path: "file",
        message: "导入期间有人登记了相同的户编号或证件号码，本次导入未写入任何数据；请重新导入",
      },
    ]);
  }
  return error;
}

/** Thrown inside the transaction when the file's rows turn out not to come household by household. */
class OutOfOrder extends Error {}
/** Thrown inside the transaction when the file turns out unreadable part way. */
class Unreadable extends Error {}

export type CommitOutcome =
  | { ok: false; reason: string }
  | { ok: true; book: RosterBook; plan: PlanResult; refusal?: string };

/**
 * Reads, plans and writes files in ONE transaction. On PostgreSQL it plans and writes while the
 * file is still being read: in a file whose rows come household by household (every export, every
 * national-system sheet) a household is planned and written as soon as the next one starts, so the
 * database server works while the file is parsed. A file in another order is read to its end, the
 * transaction rolled back, and the import done again from the files read whole (readAndCommit). The
 * caller closes the book.
 */
export async function commitRoster(
  db: Db,
  sources: readonly RosterSource[],
  options: Omit<ImportOptions, "importId"> & { sha256: string; importId?: string },
): Promise<CommitOutcome> {
  if (!(options.isStreaming ?? db.engine === "postgres")) {
    // The embedded database runs in this thread: nothing would overlap, and its open transaction
    // holds off every other request (the page's polls among them). Read first, then write.
    return readAndCommit(db, sources, options);
  }
  let book: RosterBook | undefined;
  try {
    return await db.transaction(async (tx) => {
      if (options.importId) await lockImport(tx, options.importId);
      const writer = new ChunkWriter(tx, { ...options, chunk: options.writeChunk ?? WRITE_CHUNK });
      let planner: Planner | undefined;
      const read = await readRoster(sources, {
        workDir: options.workDir,
        today: options.today,
        onRows: (done) => options.onProgress?.({ phase: "reading", done }),
        batchSize: options.streamBatch ?? PLAN_BATCH,
        onHouseholds: async (households, reading) => {
          planner ??= await Planner.create(tx, reading, options, writer, lookupsOf(db, tx));
          await planner.planWhileReading(households);
        },
      });
      if (!read.ok) throw new Unreadable(read.reason);
      book = read.book;
      if (!book.isInOrder && planner) throw new OutOfOrder();
      planner ??= await Planner.create(tx, book, options, writer, lookupsOf(db, tx));
      const plan = await planner.finish();
      await writer.finish();
      return { ok: true as const, book, ...(await closeCommit(tx, plan, options)) };
    });
  } catch (error) {
    if (error instanceof Unreadable) return { ok: false, reason: error.message };
    if (error instanceof OutOfOrder && book) {
      // The rows planned while reading were let go (see RosterBook.rowsAt): read the files again,
      // this time parking every row, and import from the complete book.
      await book.close();
      return readAndCommit(db, sources, options);
    }
    if (error instanceof Refused && book) return { ok: true, book, plan: error.plan, refusal: error.reason };
    await book?.close();
    throw translated(error);
  }
}

/** Reads the files whole, then plans and writes the book in one transaction (commitBook). */
async function readAndCommit(
  db: Db,
  sources: readonly RosterSource[],
  options: Omit<ImportOptions, "importId"> & { sha256: string; importId?: string },
): Promise<CommitOutcome> {
  const read = await readRoster(sources, {
    workDir: options.workDir,
    today: options.today,
    onRows: (done) => options.onProgress?.({ phase: "reading", done }),
  });
  if (!read.ok) return read;
  try {
    return { ok: true, book: read.book, ...(await commitBook(db, read.book, options)) };
  } catch (error) {
    await read.book.close();
    throw error;
  }
}

/** The files of an import as sources: buffers (tests) are wrapped. */
export function sourcesOf(input: Buffer | readonly RosterSource[], fileName: string): RosterSource[] {
  return Buffer.isBuffer(input) ? [bufferSource(fileName, input)] : [...input];
}

/** Reads, plans and (unless `isDryRun`) writes a roster: the whole import in one call (CLI, tests). */
export async function importRoster(
  db: Db,
  input: Buffer | readonly RosterSource[],
  options: ImportOptions & { isDryRun: boolean; sha256?: string },
): Promise<ImportSummary> {
  const sources = sourcesOf(input, options.fileName);
  const sha256 = options.sha256 ?? (await sha256Of(sources));
  const base = emptySummary(options.fileName, sha256);
  if (!options.isDryRun) {
    const outcome = await commitRoster(db, sources, { ...options, sha256 });
    if (!outcome.ok) return { ...base, message: outcome.reason };
    try {
      const described = { ...base, ...describeBook(outcome.book), ...outcome.plan };
      return outcome.refusal
        ? { ...described, status: "rejected", message: outcome.refusal }
        : { ...described, status: "committed" };
    } finally {
      await outcome.book.close();
    }
  }
  const read = await readRoster(sources, {
    workDir: options.workDir,
    today: options.today,
    onRows: (done) => options.onProgress?.({ phase: "reading", done }),
  });
  if (!read.ok) return { ...base, message: read.reason };
  try {
    const plan = await planBook(db, read.book, options);
    return { ...base, ...describeBook(read.book), ...plan, status: "dry-run" };
  } finally {
    await read.book.close();
  }
}

/** How the summary names what was read. */
export function describeBook(book: RosterBook) {
  const people = book.personTable;
  return {
    format: book.format,
    encoding: book.encoding,
    sheet: people.label,
    householdSheet: book.householdTable?.label ?? null,
    headerRow: people.layout.headerRow,
    ignoredColumns: book.tables.flatMap((t) => t.layout.ignored),
  };
}
