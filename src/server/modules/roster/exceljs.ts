import { createRequire } from "node:module";
import type ExcelJSModule from "exceljs";

// exceljs 4.4.0 turns each inflated chunk of a sheet's XML into text on its own
// (lib/utils/parse-sax.js), so a Chinese character whose three UTF-8 bytes straddle two chunks
// comes out as U+FFFD: about one name in a thousand of a real roster is silently corrupted.
// Until that is fixed upstream, its SAX helper is replaced, before exceljs is first loaded, by the
// same generator decoding the stream as a stream. Every roster module takes exceljs from here.

const require = createRequire(import.meta.url);
const fromExceljs = createRequire(require.resolve("exceljs"));

interface SaxEvent {
  eventType: "opentag" | "text" | "closetag";
  value: unknown;
}

async function* parseSax(input: AsyncIterable<Uint8Array | string> & { pipe?: unknown }) {
  const { SaxesParser } = fromExceljs("saxes") as {
    SaxesParser: new () => {
      on(event: string, listener: (value: unknown) => void): void;
      write(text: string): void;
    };
  };
  let iterable = input;
  if (typeof input.pipe === "function" && !(Symbol.asyncIterator in input)) {
    const { PassThrough } = fromExceljs("readable-stream") as {
      PassThrough: new () => AsyncIterable<Uint8Array>;
    };
    iterable = (input as unknown as { pipe(to: unknown): AsyncIterable<Uint8Array> }).pipe(new PassThrough());
  }
  const parser = new SaxesParser();
  const decoder = new TextDecoder("utf-8");
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on("error", (err) => {
    error = err;
  });
  parser.on("opentag", (value) => events.push({ eventType: "opentag", value }));
  parser.on("text", (value) => events.push({ eventType: "text", value }));
  parser.on("closetag", (value) => events.push({ eventType: "closetag", value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

const parseSaxPath = fromExceljs.resolve("./lib/utils/parse-sax.js");
if (require.cache[parseSaxPath] && require.cache[parseSaxPath].exports !== parseSax) {
  throw new Error(
    "exceljs was loaded before roster/exceljs.ts could fix its text decoding; import it from there",
  );
}
if (!require.cache[parseSaxPath]) {
  require.cache[parseSaxPath] = {
    id: parseSaxPath,
    filename: parseSaxPath,
    loaded: true,
    exports: parseSax,
  } as unknown as NodeJS.Module;
}

/** exceljs, with its streaming text decoding and sheet order fixed (see above and below). */
const ExcelJS: typeof ExcelJSModule = require("exceljs");
export default ExcelJS;

// Its streaming reader parses a sheet at once when the shared strings and the workbook's
// relationships have been read, and defers it to the end otherwise. It forgets the workbook part
// itself (the sheet names): in a file whose zip holds a sheet before xl/workbook.xml but after the
// other two (as exceljs's own writer sometimes orders them), reading fails with "Cannot read
// properties of undefined (reading 'sheets')". The relationships count as read only once the
// workbook part is too, so such a sheet is deferred like the others.
const readerPrototype = (ExcelJS.stream.xlsx.WorkbookReader as unknown as { prototype: object }).prototype;
const relsKey = Symbol("workbookRels");
Object.defineProperty(readerPrototype, "workbookRels", {
  configurable: true,
  get(this: { model?: unknown; [relsKey]?: unknown }) {
    return this.model ? this[relsKey] : undefined;
  },
  set(this: { [relsKey]?: unknown }, value: unknown) {
    this[relsKey] = value;
  },
});
