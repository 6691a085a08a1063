import {
  headerOf,
  matchHeader,
  REQUIRED_COLUMNS,
  type RosterColumnKey,
} from "../../../shared/roster/roster-columns.js";
import type { RosterProblemCode } from "../../../shared/roster/roster-problems.js";
import { normaliseText } from "../../../shared/roster/roster-values.js";
import type { Cell, SheetRow } from "./roster-workbook.js";

// A sheet's header row, found among its first rows (title rows and merged captions sit above it),
// and each data row read as the text of every recognised column. Typed reading happens later,
// per column, so that one bad cell names itself and spoils nothing else.

/** How far down the header row may sit. */
export const HEADER_SEARCH_ROWS = 10;
/** The longest cell the importer reads; longer text is reported, not parsed. */
export const MAX_CELL_LENGTH = 500;

/** One problem, as the clerk sees it: where (sheet, row and column as in the file), the value, and why. */
export interface RosterProblem {
  /** The sheet (or, for an import of two files, the file) the row is in. */
  sheet: string;
  row: number;
  column: string;
  value: string;
  reason: string;
  /**
   * What kind of problem it is, for wording it in another language: a household check's code
   * (household-findings.ts) or a roster_* code (ROSTER_PROBLEM_CODES). The reason stays Chinese.
   */
  code?: string;
}

export interface SheetLayout {
  headerRow: number;
  /** Column index (0-based) of each recognised column. */
  columns: Partial<Record<RosterColumnKey, number>>;
  /** The header text as written in the file, per recognised column. */
  headers: Partial<Record<RosterColumnKey, string>>;
  /** Header cells that name nothing Bangfu keeps, or repeat a column already found. */
  ignored: string[];
}

/**
 * What a sheet holds: people, one row per person with the household's fields repeated (the
 * national layout), or households, one row per household (a 户表 beside a 人表).
 */
export type TableKind = "person" | "household";

/** A sheet of an import that holds roster rows. */
export interface RosterTable {
  /** Position among the import's tables (0: the person sheet, 1: the household sheet when there is one). */
  index: number;
  kind: TableKind;
  /** How problems name it: the sheet's name, or the file's name when two files were uploaded. */
  label: string;
  fileName: string;
  /** 0-based position of the file among the uploaded ones, and of the sheet in its workbook. */
  fileIndex: number;
  sheetIndex: number;
  sheetName: string;
  layout: SheetLayout;
}

/** A data row: the text of each recognised column (cleaned, empty cells left out), and cell-level problems. */
export interface RosterRow {
  table: RosterTable;
  row: number;
  text: Partial<Record<RosterColumnKey, string>>;
  problems: RosterProblem[];
}

const MAX_SAFE_DIGITS = String(Number.MAX_SAFE_INTEGER).length;

function dateText(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A cell as text for display (problem lists, error report). */
export function displayOf(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return dateText(cell);
  if (typeof cell === "object") return cell.error;
  if (typeof cell === "boolean") return cell ? "是" : "否";
  return String(cell);
}

/** Where long digit strings must survive exactly: Excel keeps only 15 significant digits of a number. */
const DIGIT_COLUMNS = new Set<RosterColumnKey>(["idNumber", "householdNumber", "personNumber", "phone"]);

type CellText = { text: string } | { problem: string; code: RosterProblemCode } | null;

const PADDING = /[\s\u3000\u00a0\ufeff]/;
/** Whether text starts or ends with a space of any kind (most cells do not: no regex replace for them). */
function isPadded(text: string): boolean {
  return text !== "" && (PADDING.test(text[0]!) || PADDING.test(text[text.length - 1]!));
}

function textOfCell(key: RosterColumnKey, cell: Cell): CellText {
  if (cell === null) return null;
  if (typeof cell === "object" && !(cell instanceof Date)) {
    return { problem: `单元格是错误值 ${cell.error}（公式出错），请改为实际内容`, code: "roster_cell_error" };
  }
  if (typeof cell === "number") {
    if (DIGIT_COLUMNS.has(key) && (!Number.isSafeInteger(cell) || String(cell).length > MAX_SAFE_DIGITS)) {
      return {
        problem: `${headerOf(key)}被存成了数字，Excel只保留15位有效数字，末几位已丢失；请把该列设为“文本”后重新录入`,
        code: "roster_digits_lost",
      };
    }
    return { text: Number.isInteger(cell) ? cell.toFixed(0) : String(cell) };
  }
  let text = cell instanceof Date ? dateText(cell) : typeof cell === "boolean" ? (cell ? "是" : "否") : cell;
  if (isPadded(text)) text = text.replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, "");
  if (text === "") return null;
  if (text.length > MAX_CELL_LENGTH) {
    return {
      problem: `内容过长（${text.length}个字符），最多${MAX_CELL_LENGTH}个字符`,
      code: "roster_cell_too_long",
    };
  }
  if (DIGIT_COLUMNS.has(key) && /^\d(\.\d+)?E\+\d+$/i.test(normaliseText(text))) {
    return {
      problem: `${headerOf(key)}被Excel改成了科学计数法（${text}），位数已丢失；请把该列设为“文本”后重新录入`,
      code: "roster_digits_lost",
    };
  }
  return { text };
}

/** The layout of a header row: which recognised column sits where. */
export function layoutOf(headerRow: SheetRow): SheetLayout {
  const columns: SheetLayout["columns"] = {};
  const headers: SheetLayout["headers"] = {};
  const ignored: string[] = [];
  headerRow.cells.forEach((cell, index) => {
    const header = displayOf(cell).trim();
    if (header === "") return;
    const key = matchHeader(header);
    if (key === undefined || columns[key] !== undefined) {
      ignored.push(header);
      return;
    }
    columns[key] = index;
    headers[key] = header;
  });
  return { headerRow: headerRow.rowNumber, columns, headers, ignored };
}

/** Whether a row can be the header: at least three recognised columns, one of them identifying people. */
function headerScore(row: SheetRow): number {
  const layout = layoutOf(row);
  const found = Object.keys(layout.columns).length;
  const identifies = ["householdNumber", "idNumber", "name"].some((k) => k in layout.columns);
  return found >= 3 && identifies ? found : 0;
}

/** The best header among the first rows (the one naming the most columns), or undefined. */
export function findHeader(firstRows: readonly SheetRow[]): SheetLayout | undefined {
  let best: SheetRow | undefined;
  let bestScore = 0;
  for (const row of firstRows.slice(0, HEADER_SEARCH_ROWS)) {
    const score = headerScore(row);
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best ? layoutOf(best) : undefined;
}

/** A household sheet names households but no people: 户编号 without 姓名 and 证件号码 (户主姓名 is a household field). */
export function tableKindOf(layout: SheetLayout): TableKind {
  const has = (key: RosterColumnKey) => layout.columns[key] !== undefined;
  return has("householdNumber") && !has("name") && !has("idNumber") ? "household" : "person";
}

/**
 * Required columns the layout lacks, by their national header names. 行政村 may sit in either
 * sheet of a two-sheet import: `hasVillageElsewhere` says the household sheet has it.
 */
export function missingColumns(layout: SheetLayout, kind: TableKind, hasVillageElsewhere = false): string[] {
  const required =
    kind === "household"
      ? (["householdNumber"] as const)
      : REQUIRED_COLUMNS.filter((key) => key !== "village" || !hasVillageElsewhere);
  return required.filter((key) => layout.columns[key] === undefined).map(headerOf);
}

/** Chinese personal names are often padded with spaces to align two-character names (张 三). */
function cleanName(text: string): string {
  return /[\u4e00-\u9fff]/.test(text) ? text.replace(/[\s\u3000]+/g, "") : text.replace(/\s+/g, " ");
}

const columnLists = new WeakMap<SheetLayout, [RosterColumnKey, number][]>();
/** The recognised columns of a layout with their positions (worked out once per sheet, not per row). */
function columnsOf(layout: SheetLayout): [RosterColumnKey, number][] {
  let columns = columnLists.get(layout);
  if (!columns) {
    columns = Object.entries(layout.columns) as [RosterColumnKey, number][];
    columnLists.set(layout, columns);
  }
  return columns;
}

/** A data row's recognised cells as text, or undefined for a blank (or footer) row with no one in it. */
export function readRow(table: RosterTable, row: SheetRow): RosterRow | undefined {
  const layout = table.layout;
  const text: RosterRow["text"] = {};
  const problems: RosterProblem[] = [];
  for (const [key, index] of columnsOf(layout)) {
    const cell = row.cells[index] ?? null;
    const read = textOfCell(key, cell);
    if (read === null) continue;
    if ("problem" in read) {
      const shown = displayOf(cell);
      problems.push({
        sheet: table.label,
        row: row.rowNumber,
        column: layout.headers[key]!,
        value: shown.length > 50 ? `${shown.slice(0, 50)}…` : shown,
        reason: read.problem,
        code: read.code,
      });
      // Keep a marker so the row is not mistaken for a blank one.
      text[key] = "";
      continue;
    }
    text[key] = key === "name" || key === "headName" ? cleanName(read.text) : read.text;
  }
  if (text.householdNumber === undefined && text.name === undefined && text.idNumber === undefined) {
    return undefined;
  }
  return { table, row: row.rowNumber, text, problems };
}
