import iconv from "iconv-lite";
import type { RosterSource } from "./roster-source.js";

// CSV as Excel and WPS save it in China: UTF-8 with or without a BOM, or the system code page
// (GBK, a subset of GB18030) when saved as plain "CSV (逗号分隔)"; "Unicode text" is UTF-16 with
// tabs. The encoding is detected, not asked for: valid UTF-8 is taken as UTF-8, anything else as
// GB18030, which decodes every GBK file. The file is read as a stream, twice at most (once to
// check that it is valid UTF-8, once to read it), never whole into memory.

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

/** The encoding of a text file, by its BOM, else by whether it is valid UTF-8. */
export async function detectEncoding(source: RosterSource): Promise<TextEncoding> {
  const head = await source.read(0, 3);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8-bom";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of source.stream()) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

/** The file's text, decoded by `encoding` chunk by chunk, without a BOM. */
export async function* decodedText(source: RosterSource, encoding: TextEncoding): AsyncIterable<string> {
  const decode =
    encoding === "utf-8" || encoding === "utf-8-bom"
      ? (() => {
          const decoder = new TextDecoder("utf-8");
          return { write: (b: Buffer) => decoder.decode(b, { stream: true }), end: () => decoder.decode() };
        })()
      : iconv.getDecoder(encoding === "gb18030" ? "gb18030" : encoding);
  let first = true;
  for await (const chunk of source.stream()) {
    let text = decode.write(chunk as Buffer);
    if (first && text !== "") {
      text = text.replace(/^\ufeff/, "");
      first = false;
    }
    if (text !== "") yield text;
  }
  const rest = decode.end();
  if (rest) yield first ? rest.replace(/^\ufeff/, "") : rest;
}

/** Whether decoded text looks like a table rather than a binary file renamed .csv. */
export function isPlainText(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters mark a binary file
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls <= sample.length / 1000;
}

/** The separator used in the first lines: comma, tab or semicolon, whichever is most frequent. */
export function detectDelimiter(text: string): string {
  const head = text
    .slice(0, 16 * 1024)
    .split(/\r?\n/, 10)
    .join("\n");
  const counts = [",", "\t", ";"].map((d) => [d, head.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export interface CsvRow {
  rowNumber: number;
  cells: string[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * The rows of CSV text arriving in pieces (RFC 4180: quoted fields may hold separators, quotes
 * doubled, line breaks), each as its cells; rows are numbered from 1 as a spreadsheet would show
 * them. A row split between two pieces is completed when the next piece arrives.
 */
export class CsvReader {
  private pending = "";
  private rowNumber = 1;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The rows completed by this piece of text. */
  push(text: string): CsvRow[] {
    this.pending += text;
    return this.parse(false);
  }

  /** The last row, when the text did not end with a line break. */
  end(): CsvRow[] {
    return this.parse(true);
  }

  private parse(isFinal: boolean): CsvRow[] {
    const text = this.pending;
    const length = text.length;
    const rows: CsvRow[] = [];
    let rowStart = 0;
    let i = 0;
    let cells: string[] = [];
    while (i < length) {
      // One field.
      let field: string;
      if (text.charCodeAt(i) === QUOTE) {
        let value = "";
        let from = i + 1;
        let closed = -1;
        for (let j = from; j < length; j += 1) {
          if (text.charCodeAt(j) !== QUOTE) continue;
          if (j + 1 < length && text.charCodeAt(j + 1) === QUOTE) {
            value += text.slice(from, j + 1);
            from = j + 2;
            j += 1;
            continue;
          }
          if (j + 1 === length && !isFinal) break;
          closed = j;
          break;
        }
        if (closed < 0) {
          if (!isFinal) break;
          // An unclosed quote runs to the end of the file.
          value += text.slice(from);
          i = length;
        } else {
          value += text.slice(from, closed);
          i = closed + 1;
        }
        // Anything between the closing quote and the separator belongs to the field, as Excel reads it.
        let end = i;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === this.delimiter || c === CR || c === LF) break;
          end += 1;
        }
        if (end === length && !isFinal) break;
        field = value + text.slice(i, end);
        i = end;
      } else {
        let end = i;
        while (end < length) {
          const c = text.charCodeAt(end);
          if (c === this.delimiter || c === CR || c === LF) break;
          end += 1;
        }
        if (end === length && !isFinal) break;
        field = text.slice(i, end);
        i = end;
      }
      cells.push(field);
      if (i >= length) {
        // The file's last row, without a line break.
        rows.push({ rowNumber: this.rowNumber, cells });
        this.rowNumber += 1;
        cells = [];
        rowStart = length;
        break;
      }
      const c = text.charCodeAt(i);
      if (c === this.delimiter) {
        i += 1;
        if (i === length) {
          if (!isFinal) break;
          cells.push("");
          rows.push({ rowNumber: this.rowNumber, cells });
          this.rowNumber += 1;
          cells = [];
          rowStart = length;
        }
        continue;
      }
      // A line break: \r\n, \n or \r. A \r at the end of a piece may be half of a \r\n.
      if (c === CR && i + 1 === length && !isFinal) break;
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      rows.push({ rowNumber: this.rowNumber, cells });
      this.rowNumber += 1;
      cells = [];
      rowStart = i;
    }
    this.pending = text.slice(rowStart);
    return rows;
  }
}
