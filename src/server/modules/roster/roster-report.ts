import { PassThrough } from "node:stream";
import type { CellValue } from "exceljs";
import ExcelJS from "./exceljs.js";
import type { RosterProblem, RosterTable } from "./roster-sheet.js";
import type { RosterSource } from "./roster-source.js";
import { type Cell, openRoster } from "./roster-workbook.js";

// The error report a clerk downloads: the original rows, at their original row numbers, with an
// added 错误说明 column saying what is wrong with each bad row, and a second sheet listing every
// problem. The clerk fixes the cells and uploads the same sheet again (the added column is ignored).

/** The header of the added column. */
export const ERROR_COLUMN_HEADER = "错误说明";
/** Excel refuses cells longer than this. */
const EXCEL_CELL_LIMIT = 32_767;

const RED_FONT = { color: { argb: "FFC00000" }, bold: true };

/** A sheet of the import, as the report copies it (see RosterTable). */
export type ReportTable = Pick<RosterTable, "kind" | "label" | "fileIndex" | "sheetIndex"> & {
  headerRow: number;
};

/** The tables of a read roster, as the report needs them (kept with the import for later). */
export function reportTablesOf(tables: readonly RosterTable[]): ReportTable[] {
  return tables.map((t) => ({
    kind: t.kind,
    label: t.label,
    fileIndex: t.fileIndex,
    sheetIndex: t.sheetIndex,
    headerRow: t.layout.headerRow,
  }));
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

/** Excel's rules for sheet names: at most 31 characters, none of : \\ / ? * [ ]. */
function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, "_").slice(0, 31) || "Sheet";
}

/**
 * The error report of an import: the rows of each of its sheets with the error column (one sheet
 * in the report per sheet imported: re-uploaded, the report imports like the original), then the
 * problem list. `problemCount` above `problems.length` is said on the list (a file wrong throughout).
 */
export async function writeErrorReport(
  sources: readonly RosterSource[],
  tables: readonly ReportTable[],
  problems: readonly RosterProblem[],
  problemCount = problems.length,
): Promise<Buffer> {
  const isSeveral = tables.length > 1;
  const byRow = new Map<string, string[]>();
  for (const problem of problems) {
    const key = `${problem.sheet}\u0000${problem.row}`;
    const list = byRow.get(key) ?? [];
    list.push(`【${problem.column}】${problem.value ? `“${problem.value}”` : ""}${problem.reason}`);
    byRow.set(key, list);
  }
  const { workbook, done } = workbookToBuffer();
  for (const [fileIndex, source] of sources.entries()) {
    const opened = await openRoster(source);
    if (!opened.ok) continue;
    let index = -1;
    for await (const sourceSheet of opened.sheets()) {
      index += 1;
      const table = tables.find((t) => t.fileIndex === fileIndex && t.sheetIndex === index);
      if (!table) {
        for await (const _row of sourceSheet.rows) {
          // Read through: the workbook streams sheet by sheet.
        }
        continue;
      }
      const sheet = workbook.addWorksheet(
        isSeveral ? sheetName(`${table.kind === "household" ? "户表" : "人表"}-${table.label}`) : "错误报告",
      );
      let errorColumn = 0;
      for await (const row of sourceSheet.rows) {
        if (row.rowNumber === table.headerRow) errorColumn = row.cells.length + 1;
        const target = sheet.getRow(row.rowNumber);
        row.cells.forEach((cell, c) => {
          if (cell !== null) target.getCell(c + 1).value = writable(cell) as CellValue;
        });
        const column = errorColumn || row.cells.length + 1;
        const messages = byRow.get(`${table.label}\u0000${row.rowNumber}`);
        if (row.rowNumber === table.headerRow) {
          target.getCell(column).value = ERROR_COLUMN_HEADER;
          target.getCell(column).font = RED_FONT;
        } else if (messages && row.rowNumber > table.headerRow) {
          target.getCell(column).value = writable(messages.join("；")) as CellValue;
          target.getCell(column).font = RED_FONT;
        }
        target.commit();
      }
      sheet.commit();
    }
  }
  const list = workbook.addWorksheet("问题清单");
  list.addRow(isSeveral ? ["工作表", "行号", "列", "内容", "问题"] : ["行号", "列", "内容", "问题"]).commit();
  for (const p of problems) {
    const cells = [p.row, p.column, p.value, p.reason];
    list.addRow(isSeveral ? [p.sheet, ...cells] : cells).commit();
  }
  if (problemCount > problems.length) {
    list
      .addRow([`……共 ${problemCount} 处问题，此处只列出前 ${problems.length} 处；请先按这些修改后重新上传`])
      .commit();
  }
  list.commit();
  await workbook.commit();
  return done;
}
