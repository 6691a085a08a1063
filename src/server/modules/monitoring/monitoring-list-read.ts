import { parseIdNumber } from "../../../shared/id-number.js";
import { displayOf } from "../roster/roster-sheet.js";
import type { RosterSource } from "../roster/roster-source.js";
import { type Cell, openRoster } from "../roster/roster-workbook.js";

// Reads a department's screening list (.xlsx or CSV, any encoding the roster reader knows): the
// first sheet, a header row within the first rows, then one person a row. Every problem is named
// by its row; a list with problems is refused whole by the caller.

/** One person named by the list. */
export interface ListRow {
  row: number;
  idNumber: string;
  name: string;
  reason: string;
}

/** A problem with the file, a column or a row (row 0: the file as a whole). */
export interface ListProblem {
  row: number;
  column: string;
  message: string;
}

export type ReadList = { ok: true; rows: ListRow[] } | { ok: false; problems: ListProblem[] };

/** The most rows a list may hold. */
export const MAX_LIST_ROWS = 100_000;
const HEADER_SEARCH_ROWS = 10;
const MAX_PROBLEMS = 1_000;

type ListColumn = "idNumber" | "name" | "reason" | "serial";
const HEADERS: Record<string, ListColumn> = {
  证件号码: "idNumber",
  身份证号: "idNumber",
  身份证号码: "idNumber",
  公民身份号码: "idNumber",
  身份证: "idNumber",
  姓名: "name",
  原因: "reason",
  预警原因: "reason",
  筛查原因: "reason",
  事由: "reason",
  情况说明: "reason",
  序号: "serial",
};
const COLUMN_NAMES: Record<ListColumn, string> = {
  idNumber: "证件号码",
  name: "姓名",
  reason: "原因",
  serial: "序号",
};

const normaliseHeader = (text: string) => text.replace(/[\s\u3000（）()*＊]/g, "");

/** The header's columns, when the row names an ID-number column. */
function headerOf(
  cells: readonly Cell[],
): { columns: Map<number, ListColumn>; unknown: string[] } | undefined {
  const columns = new Map<number, ListColumn>();
  const unknown: string[] = [];
  cells.forEach((cell, index) => {
    const text = normaliseHeader(displayOf(cell));
    if (text === "") return;
    const column = HEADERS[text];
    if (column) columns.set(index, column);
    else unknown.push(displayOf(cell).trim());
  });
  return [...columns.values()].includes("idNumber") ? { columns, unknown } : undefined;
}

function idNumberOf(cell: Cell): { idNumber: string } | { problem: string } {
  if (typeof cell === "number") {
    return { problem: "证件号码被存成了数字，Excel只保留15位有效数字；请把该列设为“文本”后重新录入" };
  }
  const text = displayOf(cell).trim();
  if (text === "") return { problem: "证件号码为空" };
  const parsed = parseIdNumber(text);
  if (!parsed.ok) {
    const why = { format: "不是18位或15位身份证号码", checksum: "校验位错误", birth_date: "出生日期无效" };
    return { problem: `证件号码“${text}”${why[parsed.reason]}` };
  }
  return { idNumber: parsed.idNumber };
}

/** Reads and checks a list file; `ok: false` with every problem (up to 1,000) when anything is wrong. */
export async function readDepartmentList(source: RosterSource): Promise<ReadList> {
  const opened = await openRoster(source);
  if (!opened.ok) return { ok: false, problems: [{ row: 0, column: "", message: opened.reason }] };
  const problems: ListProblem[] = [];
  const rows: ListRow[] = [];
  const firstRowOf = new Map<string, number>();
  let header: { columns: Map<number, ListColumn>; unknown: string[] } | undefined;
  for await (const sheet of opened.sheets()) {
    for await (const sheetRow of sheet.rows) {
      if (!header) {
        header = headerOf(sheetRow.cells);
        if (header) {
          for (const name of header.unknown) {
            problems.push({
              row: sheetRow.rowNumber,
              column: name,
              message: `未知的列“${name}”：名单只能有证件号码、姓名、原因（和序号）`,
            });
          }
          if (![...header.columns.values()].includes("reason")) {
            problems.push({ row: sheetRow.rowNumber, column: "原因", message: "缺少“原因”列" });
          }
        } else if (sheetRow.rowNumber >= HEADER_SEARCH_ROWS) {
          break;
        }
        continue;
      }
      const text: Partial<Record<ListColumn, Cell>> = {};
      for (const [index, column] of header.columns) text[column] = sheetRow.cells[index] ?? null;
      const isBlank = [...header.columns.keys()].every(
        (i) => displayOf(sheetRow.cells[i] ?? null).trim() === "",
      );
      if (isBlank) continue;
      if (rows.length + problems.length >= MAX_LIST_ROWS) {
        problems.push({
          row: sheetRow.rowNumber,
          column: "",
          message: `名单超过 ${MAX_LIST_ROWS} 行，请分批上传`,
        });
        break;
      }
      const row = sheetRow.rowNumber;
      const id = idNumberOf(text.idNumber ?? null);
      const reason = displayOf(text.reason ?? null).trim();
      const name = displayOf(text.name ?? null).trim();
      if ("problem" in id) problems.push({ row, column: COLUMN_NAMES.idNumber, message: id.problem });
      if (header.columns.size > 0 && reason === "" && [...header.columns.values()].includes("reason")) {
        problems.push({ row, column: COLUMN_NAMES.reason, message: "原因为空" });
      }
      if (reason.length > 500 || name.length > 50) {
        problems.push({ row, column: reason.length > 500 ? "原因" : "姓名", message: "内容过长" });
      }
      if ("idNumber" in id) {
        const first = firstRowOf.get(id.idNumber);
        if (first !== undefined) {
          problems.push({
            row,
            column: COLUMN_NAMES.idNumber,
            message: `与第 ${first} 行是同一人（证件号码重复）`,
          });
        } else {
          firstRowOf.set(id.idNumber, row);
          rows.push({ row, idNumber: id.idNumber, name, reason });
        }
      }
      if (problems.length >= MAX_PROBLEMS) break;
    }
    // Only the first sheet is a list.
    break;
  }
  if (!header) {
    return {
      ok: false,
      problems: [{ row: 0, column: "证件号码", message: "前10行中没有找到“证件号码”（或“身份证号”）列" }],
    };
  }
  if (problems.length > 0) return { ok: false, problems };
  if (rows.length === 0) return { ok: false, problems: [{ row: 0, column: "", message: "名单中没有人员" }] };
  return { ok: true, rows };
}
