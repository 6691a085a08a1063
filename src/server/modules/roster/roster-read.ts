import { normaliseText } from "../../../shared/roster/roster-values.js";
import { type ReadOptions, RosterBook } from "./roster-book.js";
import {
  findHeader,
  HEADER_SEARCH_ROWS,
  missingColumns,
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
// go to a spill file on disk as they are read (or, while households come in order and are planned
// as they come, stay in memory until planned); what stays for good is an index (each household's
// rows, each person's first row), so a county's roster of 350,000 people reads in bounded memory.
// Anything that makes the whole import unusable comes back as one Chinese reason; the server never
// falls over on a bad file.

/** The most data rows one sheet may hold (Excel's own sheet limit). */
export const MAX_ROWS = 1_048_576;

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
