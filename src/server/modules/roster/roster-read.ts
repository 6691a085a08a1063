import type { TextEncoding } from "./roster-csv.js";
import {
  findHeader,
  HEADER_SEARCH_ROWS,
  missingColumns,
  type RosterRow,
  readRow,
  type SheetLayout,
} from "./roster-sheet.js";
import { openRoster, type SheetRow } from "./roster-workbook.js";

// Reads a roster file into rows: the first sheet with a recognisable header is the roster (other
// sheets, such as notes or a summary, are skipped). Anything that makes the whole file unusable
// comes back as one Chinese reason; the server never falls over on a bad file.

export type RosterFile =
  | {
      ok: true;
      format: "xlsx" | "csv";
      encoding: TextEncoding | null;
      sheet: string;
      /** 0-based position of the sheet in the workbook. */
      sheetIndex: number;
      layout: SheetLayout;
      rows: RosterRow[];
    }
  | { ok: false; reason: string };

/** The most data rows one file may hold (Excel's own sheet limit). */
export const MAX_ROWS = 1_048_576;

/** Reads and lays out the roster in a file; `onRows` hears how many data rows have been read. */
export async function readRosterFile(
  bytes: Buffer,
  fileName: string,
  onRows?: (rowsRead: number) => void | Promise<void>,
): Promise<RosterFile> {
  const opened = openRoster(bytes, fileName);
  if (!opened.ok) return opened;
  let sawRows = false;
  let headerless = false;
  let sheetIndex = -1;
  try {
    for await (const sheet of opened.sheets()) {
      sheetIndex += 1;
      const first: SheetRow[] = [];
      let layout: SheetLayout | undefined;
      const rows: RosterRow[] = [];
      let isSkipped = false;
      for await (const row of sheet.rows) {
        // A sheet without a header is read to its end all the same: the workbook streams sheet by sheet.
        if (isSkipped) continue;
        if (!layout) {
          if (row.cells.some((c) => c !== null && c !== "")) first.push(row);
          if (first.length < HEADER_SEARCH_ROWS) continue;
          layout = findHeader(first);
          if (!layout) {
            isSkipped = true;
            continue;
          }
          for (const early of first.filter((r) => r.rowNumber > layout!.headerRow)) {
            const read = readRow(layout, early);
            if (read) rows.push(read);
          }
          continue;
        }
        const read = readRow(layout, row);
        if (!read) continue;
        rows.push(read);
        if (rows.length > MAX_ROWS)
          return { ok: false, reason: `数据行超过 ${MAX_ROWS} 行，请分成几个文件导入` };
        if (onRows && rows.length % 2_000 === 0) await onRows(rows.length);
      }
      if (first.length > 0) sawRows = true;
      if (!layout && first.length > 0 && first.length < HEADER_SEARCH_ROWS) {
        layout = findHeader(first);
        if (layout) {
          for (const early of first.filter((r) => r.rowNumber > layout!.headerRow)) {
            const read = readRow(layout, early);
            if (read) rows.push(read);
          }
        }
      }
      if (!layout) {
        if (first.length > 0) headerless = true;
        continue;
      }
      const missing = missingColumns(layout);
      if (missing.length > 0) {
        return {
          ok: false,
          reason: `工作表“${sheet.name}”第${layout.headerRow}行是表头，但缺少必需的列：${missing.join("、")}`,
        };
      }
      if (rows.length === 0) {
        return { ok: false, reason: `工作表“${sheet.name}”只有表头（第${layout.headerRow}行），没有数据行` };
      }
      await onRows?.(rows.length);
      return {
        ok: true,
        format: opened.format,
        encoding: opened.encoding,
        sheet: sheet.name,
        sheetIndex,
        layout,
        rows,
      };
    }
  } catch (error) {
    return {
      ok: false,
      reason: `文件已损坏，无法读取（${describe(error)}）；请在Excel或WPS中重新保存后再上传`,
    };
  }
  if (headerless) {
    return {
      ok: false,
      reason: `在前${HEADER_SEARCH_ROWS}行中找不到表头行：表头应含“户编号”“姓名”“证件号码”“与户主关系”等列名`,
    };
  }
  return { ok: false, reason: sawRows ? "文件中没有可导入的数据" : "文件是空的：工作表中没有任何内容" };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 100 ? `${message.slice(0, 100)}…` : message;
}
