import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Queryable } from "../../db/db.js";
import { AppError } from "../../http/app-error.js";
import type { PreparedHousehold } from "../households/household-save.js";
import { findActiveHoldersElsewhere, findCountyRegions, findHouseholdsByNumbers } from "./roster.queries.js";
import type { HouseholdEntry, RosterBook } from "./roster-book.js";
import type { ImportOptions } from "./roster-import.js";
import { findMoves, type Moves, noMoves } from "./roster-moves.js";
import {
  type ExistingHousehold,
  type HouseholdGroup,
  type PeopleIndex,
  type PlanContext,
  type PlannedHousehold,
  planHousehold,
  rejectLinked,
} from "./roster-plan.js";
import { RegionIndex } from "./roster-regions.js";
import type { RosterProblem, RosterRow } from "./roster-sheet.js";

// Planning a book against the registry: its households in batches of PLAN_BATCH (their rows read
// back from the spill, the stored households fetched in one query), each planned by roster-plan,
// counted, and handed to a sink that writes it (a commit) or not (a dry run). Households linked by
// moving members are planned last, together. While a commit is still reading a file in household
// order, complete households are planned as they come (planWhileReading).

export interface ImportCountsSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  warnings: number;
}

/** What planning a book found: the counts and the problems, row by row. */
export interface PlanResult extends ImportCountsSummary {
  /** Every problem, by sheet and row (up to MAX_PROBLEMS_KEPT). */
  problems: RosterProblem[];
  /** How many problems there are (more than `problems` holds when a file is wrong throughout). */
  problemCount: number;
}

/** A plan before any row: nothing counted, no problem. */
export function emptyPlanResult(): PlanResult {
  return {
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    warnings: 0,
    problems: [],
    problemCount: 0,
  };
}

/** Households planned per batch (one read of their rows, one query for the stored ones). */
export const PLAN_BATCH = 1_000;
/** Households planned between two turns of the event loop (see finishBatch). */
const YIELD_EVERY = 20;
/** Problems kept in memory; beyond this a file is wrong throughout, and only counted. */
export const MAX_PROBLEMS_KEPT = 100_000;

type BatchRows = { household: RosterRow | undefined; people: { row: RosterRow; index: number }[] }[];

/** Sets some of a batch aside while the file is read: sends its lookup, then decides. */
type Hold = (
  batch: HouseholdEntry[],
  rows: BatchRows,
) => {
  lookup: Promise<unknown>;
  waiting: (existing: Map<string, ExistingHousehold>) => Promise<Set<HouseholdEntry>>;
};

/** A batch whose rows are read and whose lookups are sent, to be planned next. */
interface StartedBatch {
  batch: HouseholdEntry[];
  rows: BatchRows;
  moves: Moves;
  holding: ReturnType<Hold> | undefined;
  lookups: Promise<[Map<string, ExistingHousehold>, unknown]>;
}

/** Where planned households go: counted, and (when committing) written in chunks as they come. */
export interface PlanSink {
  /** Takes a household to write. */
  write(household: PreparedHousehold): Promise<void>;
  /** Sends the households it holds to the database, without waiting for them to be written. */
  flush(): Promise<void>;
  /** Gives up writing: the transaction will be rolled back. */
  abandon(): void;
}

export type PlanOptions = Pick<
  ImportOptions,
  "countyCode" | "fileName" | "isInScope" | "today" | "isOnlyValid" | "onProgress"
>;

/**
 * Plans the households of a book against the registry as `q` sees it, batch by batch, counting
 * them and handing each created and updated household to `sink` as soon as it is planned.
 * Households linked by moving members wait for `finish`, which plans them together.
 */
export class Planner {
  readonly result: PlanResult;
  private readonly linked: PlannedHousehold[] = [];
  private readonly planned = new Set<HouseholdEntry>();
  /** Households rejected while the file was read: a household planned later may be linked to one. */
  private readonly rejectedWhileReading = new Set<string>();
  private isReading = false;
  /** The batch started last while the file was read, planned with the next one or by `finish`. */
  private waiting: StartedBatch | undefined;

  private constructor(
    private readonly q: Queryable,
    private readonly book: RosterBook,
    private readonly options: PlanOptions,
    private readonly context: PlanContext,
    private readonly sink: PlanSink | undefined,
    private readonly lookup: Queryable,
  ) {
    this.result = emptyPlanResult();
  }

  /**
   * `lookup` answers the lookups of households not yet planned (stored households by number,
   * people active elsewhere): by default `q`. A commit on PostgreSQL passes another connection,
   * so that they do not queue behind the writes on the transaction's one connection; they need
   * not see the transaction's own writes, which never hold those households nor (each person
   * being planned once per file) those people.
   */
  static async create(
    q: Queryable,
    book: RosterBook,
    options: PlanOptions,
    sink?: PlanSink,
    lookup: Queryable = q,
  ): Promise<Planner> {
    const regions = await findCountyRegions(q, options.countyCode);
    const county = regions.find((r) => r.code === options.countyCode);
    if (!county) throw new AppError("NOT_FOUND", [{ path: "countyCode", message: "没有这个县" }]);
    const context: PlanContext = {
      fileName: options.fileName,
      tables: book.tables,
      regions: new RegionIndex(options.countyCode, county.name, regions),
      isInScope: options.isInScope,
      today: options.today ?? new Date(),
    };
    return new Planner(q, book, options, context, sink, lookup);
  }

  /**
   * Plans households handed over while the file is still being read. Those whose people live in
   * another household now (moves, clashes) or who lose a stored member the file does not list
   * (perhaps to a household further down the file) wait for `finish`.
   */
  async planWhileReading(entries: HouseholdEntry[]): Promise<void> {
    this.isReading = true;
    await this.plan(entries, noMoves(), (batch, rows) => {
      const pairs = { ids: [] as string[], numbers: [] as string[] };
      const owns = batch.map((entry, i) => {
        const own = new Set<string>();
        for (const row of rows[i]!.people) {
          const raw = row.row.text.idNumber;
          if (!raw) continue;
          const idNumber = this.book.idNumberOf(raw);
          own.add(idNumber);
          pairs.ids.push(idNumber);
          pairs.numbers.push(entry.number);
        }
        return own;
      });
      const holders = findActiveHoldersElsewhere(
        this.lookup,
        this.options.countyCode,
        pairs.ids,
        pairs.numbers,
      );
      const waiting = async (existing: Map<string, ExistingHousehold>) => {
        const holding = await holders;
        const held = new Set<HouseholdEntry>();
        for (const [i, entry] of batch.entries()) {
          const own = owns[i]!;
          const stored = existing.get(entry.number)?.snapshot.household.members ?? [];
          if (
            [...own].some((id) => holding.has(id)) ||
            stored.some((m) => m.status === "active" && !own.has(m.idNumber))
          ) {
            held.add(entry);
          }
        }
        return held;
      };
      return { lookup: holders, waiting };
    });
  }

  /** Plans every household not planned yet, then those linked by moves, and sorts the problems. */
  async finish(): Promise<PlanResult> {
    if (this.waiting) {
      const last = this.waiting;
      this.waiting = undefined;
      await this.finishBatch(last);
    }
    this.isReading = false;
    const remaining = this.book.households.filter((e) => !this.planned.has(e));
    this.report(this.book.problems);
    const moves = await findMoves(this.q, this.book, this.options.countyCode, remaining);
    await this.plan(remaining, moves);
    rejectLinked(this.linked, this.rejectedWhileReading);
    for (const planned of this.linked) await this.count(planned);
    const result = this.result;
    result.rows = this.book.rows;
    const order = new Map(this.book.tables.map((t) => [t.label, t.index]));
    result.problems.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.row - b.row);
    return result;
  }

  private report(problems: readonly RosterProblem[]): void {
    const result = this.result;
    result.problemCount += problems.length;
    const room = MAX_PROBLEMS_KEPT - result.problems.length;
    if (room > 0) result.problems.push(...problems.slice(0, room));
    if (result.problemCount > 0 && !this.options.isOnlyValid) this.sink?.abandon();
  }

  private async count(planned: PlannedHousehold): Promise<void> {
    const result = this.result;
    this.report(planned.problems);
    if (planned.outcome === "create") result.created += 1;
    else if (planned.outcome === "update") result.updated += 1;
    else if (planned.outcome === "unchanged") result.unchanged += 1;
    else result.rejected += 1;
    if (planned.write) {
      result.warnings += planned.write.warnings.length;
      await this.sink?.write(planned.write);
    }
  }

  /**
   * Plans `entries` in batches; `hold` may set some of a batch aside (they are not planned now): it
   * sends its lookup at once, and decides once the batch's stored households are known. A batch's
   * lookups are sent as soon as its rows are at hand, and it is planned when the next batch has
   * sent its own (or at the end): the lookups then never wait behind the write of the batch just
   * before, so the database writes while this thread plans. While the file is read (`hold` given),
   * the last batch waits for the next call or for `finish`.
   */
  private async plan(entries: readonly HouseholdEntry[], moves: Moves, hold?: Hold): Promise<void> {
    let previous = this.waiting;
    this.waiting = undefined;
    for (let start = 0; start < entries.length; start += PLAN_BATCH) {
      const started = await this.startBatch(entries.slice(start, start + PLAN_BATCH), moves, hold);
      if (previous) await this.finishBatch(previous);
      previous = started;
    }
    if (hold) this.waiting = previous;
    else if (previous) await this.finishBatch(previous);
  }

  /** Reads a batch's rows and sends its lookups (not waiting for them). */
  private async startBatch(batch: HouseholdEntry[], moves: Moves, hold?: Hold): Promise<StartedBatch> {
    const indexes = batch.flatMap((e) => (e.householdRow >= 0 ? [e.householdRow, ...e.people] : e.people));
    const spilled = await this.book.rowsAt(indexes);
    let at = 0;
    const rows = batch.map((entry) => ({
      household: entry.householdRow >= 0 ? spilled[at++]! : undefined,
      people: entry.people.map((index) => ({ row: spilled[at++]!, index })),
    }));
    const holding = hold?.(batch, rows);
    const lookups = Promise.all([
      findHouseholdsByNumbers(
        this.lookup,
        this.options.countyCode,
        batch.map((e) => e.number),
      ),
      holding?.lookup,
    ]);
    // Awaited in finishBatch; until then a failure must not count as unhandled.
    lookups.catch(() => undefined);
    return { batch, rows, moves, holding, lookups };
  }

  /** Sends the households planned so far to be written, then plans a started batch. */
  private async finishBatch({ batch, rows, moves, holding, lookups }: StartedBatch): Promise<void> {
    const people: PeopleIndex = {
      claim: (idNumber, index) => {
        const first = this.book.firstById.get(idNumber);
        if (first !== undefined) return first;
        this.book.firstById.set(idNumber, index);
        return index;
      },
      rowNumberOf: (index) => this.book.rowNumberOf(index),
      moveOf: (index) => moves.moves.get(index),
      clashOf: (index) => moves.clashes.get(index),
    };
    const [[existing]] = await Promise.all([lookups, this.sink?.flush()]);
    const held = holding ? await holding.waiting(existing) : undefined;
    for (const [i, entry] of batch.entries()) {
      if (held?.has(entry)) {
        // Planned by `finish`: its rows, taken from memory, must be read again then.
        this.book.park(rows[i]!.people);
        continue;
      }
      this.planned.add(entry);
      const { household, people: personRows } = rows[i]!;
      const group: HouseholdGroup = {
        householdNumber: entry.number,
        rows: household ? [household, ...personRows.map((p) => p.row)] : personRows.map((p) => p.row),
        people: personRows,
        problems: [
          ...(entry.problems ?? []),
          ...(household?.problems ?? []),
          ...personRows.flatMap((p) => p.row.problems),
        ],
        existing: existing.get(entry.number),
        movedOut: moves.movedOut.get(entry.number) ?? new Set(),
        movedIn: moves.movedIn.get(entry.number) ?? [],
        links: [...(moves.links.get(entry.number) ?? [])],
      };
      const planned = planHousehold(group, people, this.context);
      if (this.isReading && planned.outcome === "rejected") this.rejectedWhileReading.add(entry.number);
      if (planned.links.length > 0) this.linked.push(planned);
      else await this.count(planned);
      // Let the write in flight send its next statement: the database idles until this thread
      // hears that the one before is done (planning 20 households takes a few milliseconds).
      if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
    }
    // Progress as the web app shows it: households checked against those in the file (a dry
    // run), households written (a commit, once the file is read; while it is still being read,
    // its rows read are the progress).
    if (!this.sink) {
      await this.options.onProgress?.({
        phase: "checking",
        done: this.planned.size,
        total: this.book.households.length,
      });
    } else if (!this.isReading) {
      await this.options.onProgress?.({
        phase: "writing",
        done: this.result.created + this.result.updated,
      });
    }
  }
}

/**
 * Plans every household of the book against the registry as `q` sees it, batch by batch, handing
 * each created and updated household to `sink` as soon as it is planned.
 */
export async function planBook(
  q: Queryable,
  book: RosterBook,
  options: PlanOptions,
  sink?: PlanSink,
  lookup: Queryable = q,
) {
  const planner = await Planner.create(q, book, options, sink, lookup);
  return planner.finish();
}
