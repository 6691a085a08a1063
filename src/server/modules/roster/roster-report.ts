import { PassThrough } from "node:stream";
import type { CellValue } from "exceljs";
import ExcelJS from "./exceljs.js";
import type { RosterProblem } from "./roster-sheet.js";
import { type Cell, openRoster } from "./roster-workbook.js";

// The error report a clerk downloads: the original rows, at their original row numbers, with an
// added 错误说明 column saying what is wrong with each bad row, and a second sheet listing every
// problem. The clerk fixes the cells and uploads the same sheet again (the added column is ignored).

/** The header of the added column. */
export const ERROR_COLUMN_HEADER = "错误说明";
/** Excel refuses cells longer than this. */
const EXCEL_CELL_LIMIT = 32_767;

const RED_FONT = { color: { argb: "FFC00000" }, bold: true };

/** Where the roster sits in its file, as readRosterFile found it. */
export interface ReportPlace {
  sheetIndex: number;
  headerRow: number;
}

function writable(cell: Cell): unknown {
  if (typeof cell === "string" && cell.length > EXCEL_CELL_LIMIT)
    return `${cell.slice(0, EXCEL_CELL_LIMIT - 1)}…`;
  return cell;
}

/** Collects a streaming workbook into one buffer. */
function workbookToBuffer() {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  return { workbook, done };
}

/** The error report of a file: its rows with the error column, then the problem list. */
export async function writeErrorReport(
  bytes: Buffer,
  fileName: string,
  problems: readonly RosterProblem[],
  place: ReportPlace = { sheetIndex: 0, headerRow: 1 },
): Promise<Buffer> {
  const byRow = new Map<number, string[]>();
  for (const problem of problems) {
    const list = byRow.get(problem.row) ?? [];
    list.push(`【${problem.column}】${problem.value ? `“${problem.value}”` : ""}${problem.reason}`);
    byRow.set(problem.row, list);
  }
  const { workbook, done } = workbookToBuffer();
  const sheet = workbook.addWorksheet("错误报告");
  const opened = openRoster(bytes, fileName);
  if (opened.ok) {
    let index = -1;
    for await (const source of opened.sheets()) {
      index += 1;
      let errorColumn = 0;
      for await (const row of source.rows) {
        if (index !== place.sheetIndex) continue;
        if (row.rowNumber === place.headerRow) errorColumn = row.cells.length + 1;
        const target = sheet.getRow(row.rowNumber);
        row.cells.forEach((cell, c) => {
          if (cell !== null) target.getCell(c + 1).value = writable(cell) as CellValue;
        });
        const column = errorColumn || row.cells.length + 1;
        if (row.rowNumber === place.headerRow) {
          target.getCell(column).value = ERROR_COLUMN_HEADER;
          target.getCell(column).font = RED_FONT;
        } else if (byRow.has(row.rowNumber)) {
          target.getCell(column).value = byRow.get(row.rowNumber)!.join("；");
          target.getCell(column).font = RED_FONT;
        }
        target.commit();
      }
    }
  }
  sheet.commit();
  const list = workbook.addWorksheet("问题清单");
  list.addRow(["行号", "列", "内容", "问题"]).commit();
  for (const p of problems) list.addRow([p.row, p.column, p.value, p.reason]).commit();
  list.commit();
  await workbook.commit();
  return done;
}
