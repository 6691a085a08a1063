import type { RosterSource } from "./roster-source.js";
import type { Cell, RosterSheet, SheetRow } from "./roster-workbook.js";
import { attrOf, isSpace, scanEntry, scanWhole, type XmlHandler } from "./roster-xml.js";
import type { ZipEntry } from "./roster-zip.js";

// Reads the sheets of an .xlsx as rows of plain cell values, streaming, without exceljs. exceljs's
// streaming reader turns every tag into an object and every cell into a styled Cell: it spent 35 s
// and 650 MB on a county roster of 350,000 rows, more than the whole import may take. Here each
// part is found through the zip's central directory (so the order of the parts does not matter),
// inflated by zlib as a stream, and scanned with indexOf (roster-xml.ts) for the few tags a value
// needs (row, c, v, f, is/t); shared strings are held as one array of strings. What the importer
// reads is what exceljs gave it: a formula gives its cached result, an error cell { error },
// a number in a date format a Date (1900 or 1904 date system), rich text joined, phonetic runs
// (rPh) left out.

/** The most columns a row is read to; anything beyond is not a roster column. */
export const MAX_COLUMNS = 256;

// ---------------------------------------------------------------------------------------------
// The parts of a workbook: sheets and their names, shared strings, which styles are dates.

/** Handles only opening tags, with their attributes. */
function tagsHandler(onOpen: XmlHandler["onOpen"], onClose: (name: string) => void = () => undefined) {
  return { capturing: false, onOpen, onClose, onText: () => undefined } satisfies XmlHandler;
}

/** The text of `<t>` runs, outside phonetic runs, between an opening and a closing `until` tag. */
class TextRuns implements XmlHandler {
  capturing = false;
  private inPhonetic = false;
  private text = "";

  constructor(
    private readonly until: string,
    private readonly onDone: (text: string) => void,
  ) {}

  onOpen(name: string, _xml: string, _from: number, _to: number): void {
    if (name === "rPh") this.inPhonetic = true;
    else if (name === "t" && !this.inPhonetic) this.capturing = true;
    else if (name === this.until) this.text = "";
  }

  onClose(name: string): void {
    if (name === "t") this.capturing = false;
    else if (name === "rPh") this.inPhonetic = false;
    else if (name === this.until) this.onDone(this.text);
  }

  onText(text: string): void {
    this.text += text;
  }
}

/** Excel's built-in number formats that show dates or times (14–22, 45–47; 27–36 and 50–58 in Chinese Excel). */
function isBuiltInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** Whether a format code shows a date or time (as exceljs decides: y m d h s outside quotes and brackets). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

interface WorkbookParts {
  sheets: { name: string; entry: ZipEntry }[];
  sharedStrings: string[];
  /** Style (xf) indexes whose number format is a date. */
  dateStyles: Set<number>;
  isDate1904: boolean;
}

/** The part a relationship target names, relative to xl/. */
function partName(target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== "." && part !== "") resolved.push(part);
  }
  return resolved.join("/");
}

async function readParts(source: RosterSource, entries: readonly ZipEntry[]): Promise<WorkbookParts> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const workbook = byName.get("xl/workbook.xml");
  if (!workbook) throw new Error("xl/workbook.xml missing");
  const sheetRefs: { name: string; id: string }[] = [];
  let isDate1904 = false;
  await scanWhole(
    source,
    workbook,
    tagsHandler((name, xml, from, to) => {
      if (name === "sheet") {
        const id = attrOf(xml, from, to, "r:id") ?? attrOf(xml, from, to, "id") ?? "";
        sheetRefs.push({ name: attrOf(xml, from, to, "name") ?? "Sheet", id });
      } else if (name === "workbookPr") {
        const value = attrOf(xml, from, to, "date1904");
        isDate1904 = value === "1" || value === "true";
      }
    }),
  );
  const targets = new Map<string, string>();
  let sharedStringsPart = "xl/sharedStrings.xml";
  let stylesPart = "xl/styles.xml";
  const rels = byName.get("xl/_rels/workbook.xml.rels");
  if (rels) {
    await scanWhole(
      source,
      rels,
      tagsHandler((name, xml, from, to) => {
        if (name !== "Relationship") return;
        const target = partName(attrOf(xml, from, to, "Target") ?? "");
        const type = attrOf(xml, from, to, "Type") ?? "";
        targets.set(attrOf(xml, from, to, "Id") ?? "", target);
        if (type.endsWith("/sharedStrings")) sharedStringsPart = target;
        if (type.endsWith("/styles")) stylesPart = target;
      }),
    );
  }
  const sheets: WorkbookParts["sheets"] = [];
  sheetRefs.forEach((ref, i) => {
    const entry =
      byName.get(targets.get(ref.id) ?? "") ??
      (rels ? undefined : byName.get(`xl/worksheets/sheet${i + 1}.xml`));
    if (entry) sheets.push({ name: ref.name, entry });
  });
  const sharedStrings: string[] = [];
  const strings = byName.get(sharedStringsPart);
  if (strings) await scanWhole(source, strings, new TextRuns("si", (text) => sharedStrings.push(text)));
  const dateStyles = new Set<number>();
  const styles = byName.get(stylesPart);
  if (styles) {
    const formats = new Map<number, string>();
    let inCellXfs = false;
    let xf = 0;
    await scanWhole(
      source,
      styles,
      tagsHandler(
        (name, xml, from, to) => {
          if (name === "numFmt") {
            formats.set(Number(attrOf(xml, from, to, "numFmtId")), attrOf(xml, from, to, "formatCode") ?? "");
          } else if (name === "cellXfs") inCellXfs = true;
          else if (name === "xf" && inCellXfs) {
            const id = Number(attrOf(xml, from, to, "numFmtId") ?? 0);
            const code = formats.get(id);
            if (code === undefined ? isBuiltInDate(id) : isDateFormat(code)) dateStyles.add(xf);
            xf += 1;
          }
        },
        (name) => {
          if (name === "cellXfs") inCellXfs = false;
        },
      ),
    );
  }
  return { sheets, sharedStrings, dateStyles, isDate1904 };
}

// ---------------------------------------------------------------------------------------------
// Sheet rows.

/** The 0-based column of the cell reference in text[from, to) (AB12 → 27), or -1. */
function columnAt(text: string, from: number, to: number): number {
  let column = 0;
  let i = from;
  for (; i < to; i += 1) {
    const c = text.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  return i === from ? -1 : column - 1;
}

const columnOf = (ref: string) => columnAt(ref, 0, ref.length);

const MS_PER_DAY = 24 * 3600 * 1000;

class SheetRows implements XmlHandler {
  capturing = false;
  readonly rows: SheetRow[] = [];
  private inSheetData = false;
  private cells: Cell[] | undefined;
  private rowNumber = 0;
  private nextColumn = 0;
  // The cell being read.
  private column = -1;
  private type: string | undefined;
  private style = 0;
  private hasFormula = false;
  private value: string | undefined;
  private inline: string | undefined;
  private inInline = false;
  private inPhonetic = false;
  private text = "";

  constructor(private readonly parts: WorkbookParts) {}

  onOpen(name: string, xml: string, from: number, to: number): void {
    if (name === "c") {
      if (!this.cells) return;
      this.readCellAttributes(xml, from, to);
      this.hasFormula = false;
      this.value = undefined;
      this.inline = undefined;
    } else if (name === "v") {
      this.capturing = true;
      this.text = "";
    } else if (name === "f") this.hasFormula = true;
    else if (name === "row") {
      if (!this.inSheetData) return;
      const r = attrOf(xml, from, to, "r");
      this.rowNumber = r ? Number(r) : this.rowNumber + 1;
      this.cells = [];
      this.nextColumn = 0;
    } else if (name === "is") {
      this.inInline = true;
      this.inline = "";
    } else if (name === "t" && this.inInline && !this.inPhonetic) {
      this.capturing = true;
      this.text = "";
    } else if (name === "rPh") this.inPhonetic = true;
    else if (name === "sheetData") this.inSheetData = true;
  }

  /**
   * The r, t and s attributes of a cell, in one pass (the hottest loop of an import: every cell of
   * a county's roster comes through here).
   */
  private readCellAttributes(xml: string, from: number, to: number): void {
    let column = -1;
    this.type = undefined;
    this.style = 0;
    let i = from;
    while (i < to) {
      const c = xml.charCodeAt(i);
      if (isSpace(c)) {
        i += 1;
        continue;
      }
      const eq = xml.indexOf("=", i);
      if (eq < 0 || eq >= to) break;
      const quote = xml.charCodeAt(eq + 1);
      if (quote !== 34 && quote !== 39) {
        // Spaces around "=": rare, read the slow way.
        const ref = attrOf(xml, from, to, "r");
        column = ref ? columnOf(ref) : -1;
        this.type = attrOf(xml, from, to, "t");
        this.style = Number(attrOf(xml, from, to, "s") ?? 0);
        break;
      }
      const close = xml.indexOf(quote === 34 ? '"' : "'", eq + 2);
      if (close < 0 || close > to) break;
      if (eq === i + 1) {
        if (c === 114) column = columnAt(xml, eq + 2, close);
        else if (c === 116) this.type = xml.slice(eq + 2, close);
        else if (c === 115) this.style = Number(xml.slice(eq + 2, close));
      }
      i = close + 1;
    }
    this.column = column >= 0 ? column : this.nextColumn;
  }

  onClose(name: string): void {
    if (name === "c") {
      const cells = this.cells;
      if (!cells || this.column >= MAX_COLUMNS) return;
      while (cells.length < this.column) cells.push(null);
      cells[this.column] = this.cellValue();
      this.nextColumn = this.column + 1;
    } else if (name === "v") {
      this.capturing = false;
      this.value = this.text;
    } else if (name === "row") {
      if (!this.cells) return;
      // Trailing empty cells (styled, no value) are not part of the row's width.
      while (this.cells.length > 0 && this.cells[this.cells.length - 1] === null) this.cells.pop();
      this.rows.push({ rowNumber: this.rowNumber, cells: this.cells });
      this.cells = undefined;
    } else if (name === "t") {
      if (this.capturing && this.inInline) this.inline += this.text;
      this.capturing = false;
    } else if (name === "is") this.inInline = false;
    else if (name === "rPh") this.inPhonetic = false;
    else if (name === "sheetData") this.inSheetData = false;
  }

  onText(text: string): void {
    this.text += text;
  }

  private cellValue(): Cell {
    const { type, value } = this;
    if (type === "inlineStr") return this.inline ?? value ?? null;
    if (value === undefined) return this.hasFormula ? { error: "公式无计算结果" } : null;
    switch (type) {
      case "s":
        return this.parts.sharedStrings[Number(value)] ?? null;
      case "str":
        return value;
      case "b":
        return value === "1" || value === "true";
      case "e":
        return { error: value };
      case "d": {
        const date = new Date(value);
        return Number.isNaN(date.getTime()) ? value : date;
      }
      default: {
        if (value === "") return null;
        const number = Number(value);
        if (Number.isNaN(number)) return value;
        if (!this.parts.dateStyles.has(this.style)) return number;
        const days = number - 25569 + (this.parts.isDate1904 ? 1462 : 0);
        return new Date(Math.round(days * MS_PER_DAY));
      }
    }
  }
}

/** The sheets of a workbook, in the workbook's order, each a stream of its rows. */
export async function* xlsxSheets(
  source: RosterSource,
  entries: readonly ZipEntry[],
): AsyncIterable<RosterSheet> {
  const parts = await readParts(source, entries);
  for (const sheet of parts.sheets) {
    async function* batches(): AsyncIterable<SheetRow[]> {
      const handler = new SheetRows(parts);
      const drain = () => handler.rows.splice(0);
      yield* scanEntry(source, sheet.entry, handler, drain);
    }
    async function* rows(): AsyncIterable<SheetRow> {
      for await (const batch of batches()) yield* batch;
    }
    yield { name: sheet.name, rows: rows(), batches: batches() };
  }
}
