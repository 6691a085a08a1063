// The XML of a zip entry, read as a stream: inflated by zlib, decoded as UTF-8 across the cuts,
// and scanned with indexOf for tags and the text between them (namespace prefixes dropped). What
// roster-xlsx.ts reads the parts of a workbook with; no DOM, no object per tag.
import { pipeline } from "node:stream";
import { createInflateRaw } from "node:zlib";
import type { RosterSource } from "./roster-source.js";
import type { ZipEntry } from "./roster-zip.js";

const INFLATED_CHUNK = 256 * 1024;

/** The inflated bytes of one zip entry, never more than it declared (checked in roster-zip against the limits). */
async function* entryBytes(source: RosterSource, entry: ZipEntry): AsyncIterable<Buffer> {
  const header = await source.read(entry.offset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) {
    throw new Error(`zip entry ${entry.name}: no local header`);
  }
  const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return;
  const raw = source.stream({ start, end: start + entry.compressedSize });
  if (entry.method !== 0 && entry.method !== 8) {
    raw.destroy();
    throw new Error(`zip entry ${entry.name}: compression method ${entry.method}`);
  }
  const bytes =
    entry.method === 8
      ? pipeline(raw, createInflateRaw({ chunkSize: INFLATED_CHUNK }), () => undefined)
      : raw;
  let total = 0;
  try {
    for await (const chunk of bytes) {
      total += (chunk as Buffer).length;
      // A zip bomb may declare a small size and inflate to far more: stop at the declared size.
      if (total > entry.uncompressedSize) {
        throw new Error(`压缩炸弹：部件 ${entry.name} 解压后超过其声明的 ${entry.uncompressedSize} 字节`);
      }
      yield chunk as Buffer;
    }
  } finally {
    bytes.destroy();
    raw.destroy();
  }
}

/** The XML text of an entry in pieces, decoded as UTF-8 across the cuts. */
async function* entryText(source: RosterSource, entry: ZipEntry): AsyncIterable<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of entryBytes(source, entry)) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

// ---------------------------------------------------------------------------------------------
// A scanner of XML text cut anywhere: tags and the text between them, namespace prefixes dropped.

export interface XmlHandler {
  /** Whether text between tags is wanted now (it is passed to onText only then). */
  capturing: boolean;
  onOpen(name: string, xml: string, attrStart: number, attrEnd: number, isEmpty: boolean): void;
  onClose(name: string): void;
  onText(text: string): void;
}

export const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** The position of the `>` ending the tag whose content starts at `from`, or -1 when it is cut off. */
function tagEnd(xml: string, from: number): number {
  const n = xml.length;
  for (let i = from; i < n; i += 1) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const close = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML text with its entities and character references decoded. */
export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** An attribute's value (decoded) in a tag's attribute text, by its exact name. */
export function attrOf(xml: string, from: number, to: number, name: string): string | undefined {
  let i = from;
  while (i < to) {
    if (isSpace(xml.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const eq = xml.indexOf("=", i);
    if (eq < 0 || eq >= to) return undefined;
    let nameEnd = eq;
    while (nameEnd > i && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd -= 1;
    let q = eq + 1;
    while (q < to && isSpace(xml.charCodeAt(q))) q += 1;
    const quote = xml.charCodeAt(q);
    if (quote !== 34 && quote !== 39) return undefined;
    const close = xml.indexOf(quote === 34 ? '"' : "'", q + 1);
    if (close < 0 || close > to) return undefined;
    if (nameEnd - i === name.length && xml.startsWith(name, i)) return decodeXml(xml.slice(q + 1, close));
    i = close + 1;
  }
  return undefined;
}

/** One-letter tag names (c, v, f, t, r), shared rather than cut out of the text each time. */
const ONE_LETTER: (string | undefined)[] = Array.from({ length: 128 }, (_, code) =>
  /[a-z]/i.test(String.fromCharCode(code)) ? String.fromCharCode(code) : undefined,
);

/**
 * Scans `xml` from the start, calling the handler for each complete tag and the text before it;
 * returns where it stopped (the start of a tag or text cut off by the end of the piece).
 */
function scan(xml: string, handler: XmlHandler): number {
  let p = 0;
  for (;;) {
    const lt = xml.indexOf("<", p);
    if (lt < 0) return p;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 || next === 63) {
      // <!-- comment -->, <![CDATA[ text ]]>, <!DOCTYPE ...>, <?xml ... ?>
      const isCdata = xml.startsWith("<![CDATA[", lt);
      const isComment = xml.startsWith("<!--", lt);
      const endMark = isCdata ? "]]>" : isComment ? "-->" : next === 63 ? "?>" : ">";
      const end = xml.indexOf(endMark, lt + 2);
      if (end < 0) return p;
      if (handler.capturing) {
        if (lt > p) handler.onText(decodeXml(xml.slice(p, lt)));
        if (isCdata) handler.onText(xml.slice(lt + 9, end));
      }
      p = end + endMark.length;
      continue;
    }
    const gt = tagEnd(xml, lt + 1);
    if (gt < 0) return p;
    if (handler.capturing && lt > p) handler.onText(decodeXml(xml.slice(p, lt)));
    const isClose = next === 47;
    let nameStart = isClose ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < gt) {
      const c = xml.charCodeAt(nameEnd);
      if (isSpace(c) || c === 47) break;
      if (c === 58) nameStart = nameEnd + 1;
      nameEnd += 1;
    }
    const name =
      nameEnd - nameStart === 1
        ? (ONE_LETTER[xml.charCodeAt(nameStart)] ?? xml.slice(nameStart, nameEnd))
        : xml.slice(nameStart, nameEnd);
    if (isClose) handler.onClose(name);
    else {
      const isEmpty = xml.charCodeAt(gt - 1) === 47;
      handler.onOpen(name, xml, nameEnd, isEmpty ? gt - 1 : gt, isEmpty);
      if (isEmpty) handler.onClose(name);
    }
    p = gt + 1;
  }
}

/** Feeds a handler the pieces of an entry's text; `afterPiece` runs after each. */
export async function* scanEntry<T>(
  source: RosterSource,
  entry: ZipEntry,
  handler: XmlHandler,
  afterPiece: () => T[],
): AsyncIterable<T[]> {
  let rest = "";
  for await (const piece of entryText(source, entry)) {
    const xml = rest + piece;
    rest = xml.slice(scan(xml, handler));
    const out = afterPiece();
    if (out.length > 0) yield out;
  }
  if (rest.trim() !== "") throw new Error(`${entry.name}: XML cut off`);
}

export async function scanWhole(source: RosterSource, entry: ZipEntry, handler: XmlHandler): Promise<void> {
  for await (const _ of scanEntry(source, entry, handler, () => [])) {
    // Handlers of whole parts collect what they need.
  }
}
