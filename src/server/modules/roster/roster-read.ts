import { parseIdNumber } from "../../../shared/id-number.js";
import type { RosterColumnKey } from "../../../shared/roster/roster-columns.js";
import { normaliseText } from "../../../shared/roster/roster-values.js";
import type { TextEncoding } from "./roster-csv.js";
import {
  findHeader,
  HEADER_SEARCH_ROWS,
  missingColumns,
  type RosterProblem,
  type RosterRow,
  type RosterTable,
  readRow,
  type SheetLayout,
  tableKindOf,
} from "./roster-sheet.js";
import type { RosterSource } from "./roster-source.js";
import { RowSpill } from "./roster-spill.js";
import { batchesOf, openRoster, type SheetRow } from "./roster-workbook.js";

// Reads the roster in one or two files into a RosterBook: the person sheet (人表, one row per
// person: the national layout) and, when there is one, the household sheet (户表, one row per
// household), each told apart by its header; other sheets (notes, summaries) are skipped. The rows
// go to a spill file on disk as they are read; what stays in memory is an index (each household's
// rows, each person's first row), so a county's roster of 350,000 people reads in bounded memory.
// Anything that makes the whole import unusable comes back as one Chinese reason; the server never
// falls over on a bad file.

/** The most data rows one sheet may hold (Excel's own sheet limit). */
export const MAX_ROWS = 1_048_576;

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

export type RosterRead = { ok: true; book: RosterBook } | { ok: false; reason: string };

/** Reads and lays out the roster in one file, or in two (a 户表 and a 人表). */
export async function readRoster(
  sources: readonly RosterSource[],
  options: ReadOptions = {},
): Promise<RosterRead> {
  const tables: RosterTable[] = [];
  const book = new RosterBook(tables, await RowSpill.create(options.workDir), options.today ?? new Date());
  try {
    const reason = await readInto(book, sources, options);
    if (reason) {
      await book.close();
      return { ok: false, reason };
    }
    await book.finish();
    return { ok: true, book };
  } catch (error) {
    await book.close();
    throw error;
  }
}

/** Reads every sheet of every file into the book; returns why the import cannot go on, if it cannot. */
async function readInto(book: RosterBook, sources: readonly RosterSource[], options: ReadOptions) {
  const tables = book.tables;
  const isTwoFiles = sources.length > 1;
  let sawRows = false;
  let headerless = false;
  const rowCounts: number[] = [];
  /** Reads one row; a promise only when the row made something to wait for (most make none). */
  const readOne = (table: RosterTable, sheetRow: SheetRow): string | Promise<void> | undefined => {
    const row = readRow(table, sheetRow);
    if (!row) return undefined;
    rowCounts[table.index] = (rowCounts[table.index] ?? 0) + 1;
    if (rowCounts[table.index]! > MAX_ROWS) return `数据行超过 ${MAX_ROWS} 行，请分成几个文件导入`;
    const parking = park(book, row, options);
    book.rows += 1;
    if (options.onRows && book.rows % 2_000 === 0) {
      const onRows = options.onRows;
      const rows = book.rows;
      return (async () => {
        await parking;
        await onRows(rows);
      })();
    }
    return parking;
  };
  const readRows = async (table: RosterTable, rows: readonly SheetRow[]) => {
    for (const sheetRow of rows) {
      const read = readOne(table, sheetRow);
      if (typeof read === "string") return read;
      if (read) await read;
    }
    return undefined;
  };
  for (const [fileIndex, source] of sources.entries()) {
    const opened = await openRoster(source);
    if (!opened.ok) return isTwoFiles ? `文件“${source.name}”：${opened.reason}` : opened.reason;
    if (fileIndex === 0) {
      book.format = opened.format;
      book.encoding = opened.encoding;
    }
    let sheetIndex = -1;
    try {
      for await (const sheet of opened.sheets()) {
        sheetIndex += 1;
        const first: SheetRow[] = [];
        let table: RosterTable | undefined;
        let isSkipped = false;
        const place = (layout: SheetLayout): RosterTable | undefined => {
          const kind = tableKindOf(layout);
          // The first person sheet and the first household sheet are the roster; any other is skipped.
          if (tables.some((t) => t.kind === kind)) return undefined;
          // 行政村 may still come from a household sheet; any other missing column stops the reading here.
          const missing = missingColumns(layout, kind, true);
          if (missing.length > 0) {
            throw new MissingColumns(
              `工作表“${isTwoFiles ? source.name : sheet.name}”第${layout.headerRow}行是表头，但缺少必需的列：${missing.join("、")}`,
            );
          }
          const placed: RosterTable = {
            index: tables.length,
            kind,
            label: isTwoFiles ? source.name : sheet.name,
            fileName: source.name,
            fileIndex,
            sheetIndex,
            sheetName: sheet.name,
            layout,
          };
          tables.push(placed);
          return placed;
        };
        for await (const batch of batchesOf(sheet)) {
          for (const row of batch) {
            // A sheet that is not read is read to its end all the same: the workbook streams sheet by sheet.
            if (isSkipped) continue;
            if (!table) {
              if (row.cells.some((c) => c !== null && c !== "")) first.push(row);
              if (first.length < HEADER_SEARCH_ROWS) continue;
              const layout = findHeader(first);
              table = layout && place(layout);
              if (!table) {
                if (!layout) headerless = true;
                isSkipped = true;
                continue;
              }
              const failed = await readRows(
                table,
                first.filter((r) => r.rowNumber > table!.layout.headerRow),
              );
              if (failed) return failed;
              continue;
            }
            const read = readOne(table, row);
            if (typeof read === "string") return read;
            if (read) await read;
          }
        }
        if (first.length > 0) sawRows = true;
        if (!table && !isSkipped && first.length > 0) {
          const layout = findHeader(first);
          table = layout && place(layout);
          if (table) {
            const failed = await readRows(
              table,
              first.filter((r) => r.rowNumber > table!.layout.headerRow),
            );
            if (failed) return failed;
          } else if (!layout) headerless = true;
        }
      }
    } catch (error) {
      if (error instanceof MissingColumns) return error.message;
      const name = isTwoFiles ? `“${source.name}”` : "";
      return `文件${name}已损坏，无法读取（${describe(error)}）；请在Excel或WPS中重新保存后再上传`;
    }
  }
  const people = tables.find((t) => t.kind === "person");
  const households = tables.find((t) => t.kind === "household");
  if (!people) {
    if (households) {
      return `只找到户表（“${households.label}”，一户一行），没有人表：请同时上传含“姓名”“证件号码”“与户主关系”列的人员表`;
    }
    if (headerless) {
      return `在前${HEADER_SEARCH_ROWS}行中找不到表头行：表头应含“户编号”“姓名”“证件号码”“与户主关系”等列名`;
    }
    return sawRows ? "文件中没有可导入的数据" : "文件是空的：工作表中没有任何内容";
  }
  for (const table of tables) {
    const hasVillageElsewhere = tables.some((t) => t !== table && t.layout.columns.village !== undefined);
    const missing = missingColumns(table.layout, table.kind, hasVillageElsewhere);
    if (missing.length > 0) {
      return `工作表“${table.label}”第${table.layout.headerRow}行是表头，但缺少必需的列：${missing.join("、")}`;
    }
    if (!rowCounts[table.index]) {
      return `工作表“${table.label}”只有表头（第${table.layout.headerRow}行），没有数据行`;
    }
  }
  // A household listed in the household sheet with nobody in the person sheet.
  if (households) {
    const lonely = book.households.filter((h) => h.people.length === 0 && h.householdRow >= 0);
    const rows = await book.rowsAt(lonely.map((h) => h.householdRow));
    lonely.forEach((entry, i) => {
      const row = rows[i]!;
      entry.problems = entry.problems ?? [];
      entry.problems.push({
        sheet: households.label,
        row: row.row,
        column: households.layout.headers.householdNumber!,
        value: row.text.householdNumber ?? "",
        reason: `户表中有该户，人表（“${people.label}”）中却没有该户的成员`,
        code: "roster_household_without_members",
      });
    });
  }
  await options.onRows?.(book.rows);
  return undefined;
}

/**
 * Files a row under its household and remembers each person's first row. Returns a promise only
 * when there is something to wait for (a batch of households handed over, a row read back).
 */
function park(book: RosterBook, row: RosterRow, options: ReadOptions): Promise<void> | undefined {
  if (book.countyName === undefined && row.text.county) book.countyName = row.text.county;
  const raw = row.text.householdNumber;
  if (raw === undefined || raw === "") {
    book.add(row, undefined);
    if (raw === undefined) {
      book.problems.push({
        sheet: row.table.label,
        row: row.row,
        column: row.table.layout.headers.householdNumber!,
        value: "",
        reason: "户编号为空",
        code: "roster_household_number_empty",
      });
    }
    // An unreadable 户编号 (or any other cell of a row no household can take) is reported as read.
    book.problems.push(...row.problems);
    return;
  }
  const position = book.entry(normaliseText(raw));
  const entry = book.households[position]!;
  const index = book.add(row, position);
  const handing = book.follow(entry, row.table.kind, options);
  if (row.table.kind === "household") {
    if (entry.householdRow < 0) {
      entry.householdRow = index;
      return handing;
    }
    return (async () => {
      await handing;
      const [earlier] = await book.rowsAt([entry.householdRow]);
      entry.problems = entry.problems ?? [];
      entry.problems.push({
        sheet: row.table.label,
        row: row.row,
        column: row.table.layout.headers.householdNumber!,
        value: raw,
        reason: `户编号与户表第${earlier!.row}行相同：一户在户表中只能有一行`,
        code: "roster_household_row_repeated",
      });
    })();
  }
  entry.people.push(index);
  const id = row.text.idNumber;
  if (id !== undefined && id !== "") {
    const idNumber = book.idNumberOf(id);
    if (!idNumber.includes("*") && !book.firstById.has(idNumber)) book.firstById.set(idNumber, index);
  }
  return handing;
}

class MissingColumns extends Error {}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 100 ? `${message.slice(0, 100)}…` : message;
}
