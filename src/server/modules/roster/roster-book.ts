import { parseIdNumber } from "../../../shared/id-number.js";
import type { RosterColumnKey } from "../../../shared/roster/roster-columns.js";
import { normaliseText } from "../../../shared/roster/roster-values.js";
import type { TextEncoding } from "./roster-csv.js";
import type { RosterProblem, RosterRow, RosterTable } from "./roster-sheet.js";
import type { RowSpill } from "./roster-spill.js";

// The rows of an import as the planner works from them: each household's rows (held in memory while
// the file comes household by household, parked in the spill file otherwise), each person's first
// row, and the problems of rows that name no household. roster-read.ts fills it.

/** One household named by the file: where its rows are. */
export interface HouseholdEntry {
  /** The household number as compared (normaliseText). */
  number: string;
  /** Spill indexes of its person rows, in file order. */
  people: number[];
  /** Spill index of its household-sheet row, or -1. */
  householdRow: number;
  /** Problems that concern the household as a whole, found while reading (a repeated household row). */
  problems?: RosterProblem[];
  /** Reading has moved past its person rows (see ReadOptions.onHouseholds). */
  isClosed?: boolean;
  /** Handed to ReadOptions.onHouseholds. */
  isHandedOver?: boolean;
}

export interface ReadOptions {
  /** Where the spill file goes (default: the system's temporary directory). */
  workDir?: string;
  today?: Date;
  /** Hears how many data rows have been read. */
  onRows?: (rowsRead: number) => void | Promise<void>;
  /**
   * Hears of households whose rows are all read, while the file is still being read: in a file
   * whose rows come household by household (as every export does), a household is complete when
   * the next one starts. Called with batches of `batchSize`; stops being called for good once the
   * file turns out not to be in that order (book.isInOrder false): a household's rows apart, or the
   * household sheet after the person sheet. The last household is never handed over.
   */
  onHouseholds?: (households: HouseholdEntry[], book: RosterBook) => Promise<void>;
  batchSize?: number;
}

type SpilledRow = [
  table: number,
  row: number,
  values: (string | null)[],
  problems?: [column: string, value: string, reason: string, code?: string][],
];

/** The rows of an import, parked on disk, and the index the planner works from. */
export class RosterBook {
  readonly households: HouseholdEntry[] = [];
  private readonly byNumber = new Map<string, number>();
  /** Each person's first row (spill index), by ID number as stored (masked numbers left out). */
  readonly firstById = new Map<string, number>();
  /** Household (position in `households`) and row number of each spilled row. */
  private householdOf = new Int32Array(1024);
  private rowNumbers = new Int32Array(1024);
  /** Problems of rows that belong to no household (户编号 empty or unreadable). */
  readonly problems: RosterProblem[] = [];
  /** Data rows read, in all sheets. */
  rows = 0;
  /** The first 县(市、区、旗) named, if any (the CLI imports into it when no county is given). */
  countyName: string | undefined;
  format: "xlsx" | "csv" = "xlsx";
  encoding: TextEncoding | null = null;
  /** Whether every household's person rows came together (and its household row before them). */
  isInOrder = true;
  /** The household whose person rows are being read, and those complete but not yet handed over. */
  private current: HouseholdEntry | undefined;
  private complete: HouseholdEntry[] = [];
  /**
   * Person rows of households not yet planned, kept in memory (and not parked on disk) while the
   * file comes household by household: planning them needs no round trip through the spill. A
   * row leaves when it is planned; one that must wait longer is parked then (`park`).
   */
  private readonly held = new Map<number, RosterRow>();
  private isHolding = false;
  /** Rows read (each row's index, in the order read). */
  private count = 0;

  constructor(
    readonly tables: RosterTable[],
    private readonly spill: RowSpill,
    private readonly today: Date,
  ) {}

  /** The person sheet: always there in a book that was read. */
  get personTable(): RosterTable {
    return this.tables.find((t) => t.kind === "person")!;
  }

  get householdTable(): RosterTable | undefined {
    return this.tables.find((t) => t.kind === "household");
  }

  /** The household with this number (normalised), if the file names it. */
  household(number: string): HouseholdEntry | undefined {
    const position = this.byNumber.get(number);
    return position === undefined ? undefined : this.households[position];
  }

  /** The household a spilled row belongs to. */
  householdOfRow(index: number): HouseholdEntry | undefined {
    const position = this.householdOf[index];
    return position === undefined || position < 0 ? undefined : this.households[position];
  }

  /** A spilled row's number in its sheet. */
  rowNumberOf(index: number): number {
    return this.rowNumbers[index] ?? 0;
  }

  /** The ID number of a person row as stored: the 18-character form when it parses, else as typed. */
  idNumberOf(raw: string): string {
    const parsed = parseIdNumber(raw, this.today);
    return parsed.ok ? parsed.idNumber : normaliseText(raw);
  }

  /**
   * The rows at these indexes, in the order asked. Rows held from reading (households handed over
   * while reading) are taken from memory, once: the caller parks those it will ask for again
   * (`park`); the rest are read back from the spill.
   */
  async rowsAt(indexes: readonly number[]): Promise<RosterRow[]> {
    const held = indexes.map((index) => this.held.get(index));
    const missing = indexes.filter((_, i) => held[i] === undefined);
    const texts = missing.length > 0 ? await this.spill.read(missing) : [];
    let next = 0;
    return indexes.map((index, i) => {
      const row = held[i];
      if (row) {
        this.held.delete(index);
        return row;
      }
      return this.decode(JSON.parse(texts[next++]!) as SpilledRow);
    });
  }

  /** Every row, in the order read (tests, small files). */
  async allRows(): Promise<RosterRow[]> {
    return this.rowsAt(Array.from({ length: this.count }, (_, i) => i));
  }

  /** Deletes the spill file. */
  async close(): Promise<void> {
    await this.spill.close();
  }

  /** Parks rows taken from memory by `rowsAt` that will be asked for again. */
  park(rows: readonly { row: RosterRow; index: number }[]): void {
    for (const { row, index } of rows) if (!this.spill.has(index)) this.spill.append(index, spilledText(row));
  }

  /**
   * Files a row: held in memory while households come in order (a person row of a household),
   * parked on disk otherwise. `entry` is its household (undefined for a row that names none).
   */
  add(row: RosterRow, entry: number | undefined): number {
    const index = this.count;
    this.count += 1;
    if (this.isHolding && entry !== undefined && row.table.kind === "person") this.held.set(index, row);
    else this.spill.append(index, spilledText(row));
    if (index >= this.householdOf.length) {
      const grow = (from: Int32Array) => {
        const grown = new Int32Array(from.length * 2);
        grown.set(from);
        return grown;
      };
      this.householdOf = grow(this.householdOf);
      this.rowNumbers = grow(this.rowNumbers);
    }
    this.householdOf[index] = entry ?? -1;
    this.rowNumbers[index] = row.row;
    return index;
  }

  /** The household entry with this number, added when new; returns its position. */
  entry(number: string): number {
    let position = this.byNumber.get(number);
    if (position === undefined) {
      position = this.households.length;
      this.households.push({ number, people: [], householdRow: -1 });
      this.byNumber.set(number, position);
    }
    return position;
  }

  async finish(): Promise<void> {
    await this.spill.flush();
  }

  /**
   * Notes where a row of `entry` came; hands over a batch of complete households when there is one
   * (the only time it returns a promise: most rows cost none).
   */
  follow(entry: HouseholdEntry, kind: RosterTable["kind"], options: ReadOptions): Promise<void> | undefined {
    if (!options.onHouseholds || !this.isInOrder) return;
    if (entry.isClosed) {
      this.isInOrder = false;
      this.isHolding = false;
      this.complete = [];
      for (const [index, row] of this.held) this.spill.append(index, spilledText(row));
      this.held.clear();
      return;
    }
    if (kind === "household" || entry === this.current) return;
    this.isHolding = true;
    if (this.current) {
      this.current.isClosed = true;
      this.complete.push(this.current);
    }
    this.current = entry;
    if (this.complete.length >= (options.batchSize ?? 1_000)) {
      const batch = this.complete;
      this.complete = [];
      for (const handed of batch) handed.isHandedOver = true;
      return options.onHouseholds(batch, this);
    }
    return undefined;
  }

  private decode([table, row, values, problems]: SpilledRow): RosterRow {
    const rosterTable = this.tables[table]!;
    const text: RosterRow["text"] = {};
    const keys = keysOf(rosterTable);
    for (let i = 0; i < keys.length; i += 1) {
      const value = values[i];
      if (value !== null && value !== undefined) text[keys[i]!] = value;
    }
    return {
      table: rosterTable,
      row,
      text,
      problems: (problems ?? []).map(([column, value, reason, code]) => ({
        sheet: rosterTable.label,
        row,
        column,
        value,
        reason,
        ...(code ? { code } : {}),
      })),
    };
  }
}

/** A row as one line of the spill. */
function spilledText(row: RosterRow): string {
  const keys = keysOf(row.table);
  const spilled: SpilledRow = [row.table.index, row.row, keys.map((k) => row.text[k] ?? null)];
  if (row.problems.length > 0) {
    spilled.push(
      row.problems.map((p) =>
        p.code ? [p.column, p.value, p.reason, p.code] : [p.column, p.value, p.reason],
      ),
    );
  }
  return JSON.stringify(spilled);
}

const tableKeys = new WeakMap<RosterTable, RosterColumnKey[]>();
function keysOf(table: RosterTable): RosterColumnKey[] {
  let keys = tableKeys.get(table);
  if (!keys) {
    keys = Object.keys(table.layout.columns) as RosterColumnKey[];
    tableKeys.set(table, keys);
  }
  return keys;
}
