import iconv from "iconv-lite";

// CSV as Excel and WPS save it in China: UTF-8 with or without a BOM, or the system code page
// (GBK, a subset of GB18030) when saved as plain "CSV (逗号分隔)"; "Unicode text" is UTF-16 with
// tabs. The encoding is detected, not asked for: valid UTF-8 is taken as UTF-8, anything else as
// GB18030, which decodes every GBK file.

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

/** The encoding of a text file, by its BOM, else by whether it is valid UTF-8. */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8-bom";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

/** The file's text, decoded by its detected encoding, without a BOM. */
export function decodeText(bytes: Buffer): { text: string; encoding: TextEncoding } {
  const encoding = detectEncoding(bytes);
  const text =
    encoding === "utf-8" || encoding === "utf-8-bom"
      ? new TextDecoder("utf-8").decode(bytes)
      : iconv.decode(bytes, encoding === "gb18030" ? "gb18030" : encoding);
  return { text: text.replace(/^\ufeff/, ""), encoding };
}

/** Whether decoded text looks like a table rather than a binary file renamed .csv. */
export function isPlainText(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters mark a binary file
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls <= sample.length / 1000;
}

/** The separator used in the first lines: comma, tab or semicolon, whichever is most frequent. */
function detectDelimiter(text: string): string {
  const head = text
    .slice(0, 16 * 1024)
    .split(/\r?\n/, 10)
    .join("\n");
  const counts = [",", "\t", ";"].map((d) => [d, head.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * The rows of CSV text (RFC 4180: quoted fields may hold separators, quotes doubled, line breaks),
 * each as its cells; rows are numbered from 1 as a spreadsheet would show them.
 */
export function* csvRows(text: string): Generator<{ rowNumber: number; cells: string[] }> {
  const delimiter = detectDelimiter(text);
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let rowNumber = 1;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && field === "") {
      quoted = true;
    } else if (char === delimiter) {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      row.push(field);
      yield { rowNumber, cells: row };
      rowNumber += 1;
      row = [];
      field = "";
      if (char === "\r" && text[i + 1] === "\n") i += 1;
    } else {
      field += char;
    }
    i += 1;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    yield { rowNumber, cells: row };
  }
}
