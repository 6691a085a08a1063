import {
  CsvReader,
  decodedText,
  detectDelimiter,
  detectEncoding,
  isPlainText,
  type TextEncoding,
} from "./roster-csv.js";
import type { RosterSource } from "./roster-source.js";
import { MAX_COLUMNS, xlsxSheets } from "./roster-xlsx.js";
import { inspectZipSource, isZip } from "./roster-zip.js";

// Opens an uploaded roster file, whatever it really is, as sheets of rows of plain cell values.
// Workbooks are read as a stream by roster-xlsx and CSV text is decoded as a stream, so memory
// stays bounded by a row, not a sheet (plus a workbook's shared-string table).

/** A cell's value as the importer sees it: formulas give their cached result, errors stay errors. */
export type Cell = string | number | boolean | Date | { error: string } | null;

export interface SheetRow {
  /** 1-based, as Excel shows it. */
  rowNumber: number;
  cells: Cell[];
}

export interface RosterSheet {
  name: string;
  rows: AsyncIterable<SheetRow>;
  /** The same rows a batch at a time, where the reader has them so (one promise per batch, not per row). */
  batches?: AsyncIterable<SheetRow[]>;
}

/** A sheet's rows in batches: its own, or one row at a time. */
export async function* batchesOf(sheet: RosterSheet): AsyncIterable<SheetRow[]> {
  if (sheet.batches) {
    yield* sheet.batches;
    return;
  }
  for await (const row of sheet.rows) yield [row];
}

export type OpenedRoster =
  | {
      ok: true;
      format: "xlsx" | "csv";
      encoding: TextEncoding | null;
      sheets: () => AsyncIterable<RosterSheet>;
    }
  | { ok: false; reason: string };

function csvSheets(
  source: RosterSource,
  encoding: TextEncoding,
  delimiter: string,
): AsyncIterable<RosterSheet> {
  async function* rows(): AsyncIterable<SheetRow> {
    const reader = new CsvReader(delimiter);
    for await (const text of decodedText(source, encoding)) {
      for (const row of reader.push(text))
        yield { rowNumber: row.rowNumber, cells: row.cells.slice(0, MAX_COLUMNS) };
    }
    for (const row of reader.end())
      yield { rowNumber: row.rowNumber, cells: row.cells.slice(0, MAX_COLUMNS) };
  }
  const name = source.name.replace(/\.[^.]*$/, "") || "CSV";
  return (async function* () {
    yield { name, rows: rows() };
  })();
}

const KNOWN_BINARY: [number[], string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0], "这是旧版Excel（.xls）或WPS（.et）文件，请在Excel或WPS中“另存为”.xlsx后再上传"],
  [[0x25, 0x50, 0x44, 0x46], "这是PDF文件，不是表格；请上传.xlsx或.csv文件"],
  [[0x52, 0x61, 0x72, 0x21], "这是RAR压缩包，不是表格；请解压后上传其中的.xlsx或.csv文件"],
  [[0x89, 0x50, 0x4e, 0x47], "这是PNG图片，不是表格"],
  [[0xff, 0xd8, 0xff], "这是JPEG图片，不是表格"],
];

/** The first characters of a text file, decoded, for telling a table from something else. */
async function textHead(source: RosterSource, encoding: TextEncoding): Promise<string> {
  let head = "";
  for await (const text of decodedText(source, encoding)) {
    head += text;
    if (head.length >= 64 * 1024) break;
  }
  return head;
}

/** Opens a roster file by its content (the name's extension is only a hint): .xlsx or CSV text. */
export async function openRoster(source: RosterSource): Promise<OpenedRoster> {
  if ((await source.size()) === 0) return { ok: false, reason: "文件是空的（0字节）" };
  const magic = await source.read(0, 8);
  for (const [bytes, reason] of KNOWN_BINARY) {
    if (bytes.every((byte, i) => magic[i] === byte)) return { ok: false, reason };
  }
  if (isZip(magic)) {
    const zip = await inspectZipSource(source);
    if (!zip.ok) return zip;
    const names = new Set(zip.entries.map((e) => e.name));
    if (!names.has("xl/workbook.xml")) {
      const kind = names.has("word/document.xml")
        ? "Word文档"
        : names.has("content.xml")
          ? "OpenDocument文件（请另存为.xlsx）"
          : "压缩包";
      return { ok: false, reason: `这是${kind}，不是Excel工作簿（.xlsx）` };
    }
    return { ok: true, format: "xlsx", encoding: null, sheets: () => xlsxSheets(source, zip.entries) };
  }
  if (/\.xlsx$/i.test(source.name)) {
    return {
      ok: false,
      reason: "文件扩展名是.xlsx，但内容不是Excel工作簿（可能是改了扩展名的其他文件，或文件已损坏）",
    };
  }
  const encoding = await detectEncoding(source);
  const head = await textHead(source, encoding);
  if (!isPlainText(head)) return { ok: false, reason: "文件不是表格：既不是.xlsx工作簿，也不是CSV文本" };
  const delimiter = detectDelimiter(head);
  return { ok: true, format: "csv", encoding, sheets: () => csvSheets(source, encoding, delimiter) };
}
