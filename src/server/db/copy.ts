import type pg from "pg";

// COPY ... FROM STDIN for both engines: rows turned into PostgreSQL's COPY text format here, sent
// by node-postgres through a "submittable" (pg hands any object with submit() the copy messages of
// the protocol; pg-copy-streams is not needed for a whole chunk of rows) or by PGlite as a blob.

/** A column loaded by COPY: its name, and its type as the value is written (see copyText). */
export interface CopyColumn {
  name: string;
  type: string;
}

/** A text value escaped for COPY's text format (backslash, tab, newline, carriage return). */
function escaped(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (c) =>
        c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
      )
    : text;
}

/** An array literal ({"a","b"}) of text elements. */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values
    .map((v) =>
      v === null || v === undefined ? "NULL" : `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`,
    )
    .join(",")}}`;
}

/** A value (not null) in COPY text format. */
type Field = (value: unknown) => string;

/** JSON text never holds a raw tab or line break (JSON.stringify escapes them): only backslashes double. */
const jsonField: Field = (value) => {
  const json = JSON.stringify(value);
  return json.includes("\\") ? json.replaceAll("\\", "\\\\") : json;
};
/** Numbers, uuids and dates hold nothing to escape. */
const plainField: Field = (value) => (value instanceof Date ? value.toISOString() : String(value));
const textField: Field = (value) =>
  Array.isArray(value)
    ? escaped(arrayLiteral(value))
    : typeof value === "boolean"
      ? value
        ? "t"
        : "f"
      : escaped(String(value));

/** How a column's values are written, chosen once per column rather than per value. */
function fieldOf(type: string): Field {
  if (type === "jsonb" || type === "json") return jsonField;
  if (type === "boolean") return (value) => (value ? "t" : "f");
  if (["uuid", "integer", "bigint", "smallint", "numeric", "date", "timestamptz"].includes(type)) {
    return plainField;
  }
  return textField;
}

/** Rows in COPY text format (one line each, fields separated by tabs; null as \N). */
export function copyText(columns: readonly CopyColumn[], rows: readonly (readonly unknown[])[]): string {
  const fields = columns.map((column) => fieldOf(column.type));
  // One string appended to (V8 joins the pieces once, when the text is encoded): about half the
  // time of a string per line joined at the end, on a county's 350,000 members.
  let text = "";
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r]!;
    for (let c = 0; c < fields.length; c += 1) {
      const value = row[c];
      if (c > 0) text += "\t";
      text += value === null || value === undefined ? "\\N" : fields[c]!(value);
    }
    text += "\n";
  }
  return text;
}

/** The COPY statement for a table and its columns; `source` is STDIN (PostgreSQL) or '/dev/blob' (PGlite). */
export function copyStatement(table: string, columns: readonly CopyColumn[], source: string): string {
  const identifier = (name: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
    return name;
  };
  return `copy ${identifier(table)} (${columns.map((c) => identifier(c.name)).join(", ")}) from ${source}`;
}

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** Largest CopyData message sent at once. */
const COPY_CHUNK = 256 * 1024;

/** One COPY ... FROM STDIN as a node-postgres submittable. */
class CopyIn {
  readonly done: Promise<void>;
  private error: Error | undefined;
  private settle!: (error?: Error) => void;

  constructor(
    private readonly statement: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve());
    });
  }

  /**
   * Sends the statement and its data at once, without waiting for the server's CopyInResponse: the
   * server reads the data once it has started the COPY, so a COPY costs no extra round trip (nor
   * a wait for this thread to hear the response while it plans the next households). Should the
   * statement fail before the COPY starts, the server ignores the CopyData and CopyDone that
   * follow (the protocol says so; PostgreSQL's postgres.c accepts and drops them).
   */
  submit(connection: CopyConnection): void {
    connection.query(this.statement);
    for (let at = 0; at < this.data.length; at += COPY_CHUNK) {
      connection.sendCopyFromChunk(this.data.subarray(at, at + COPY_CHUNK));
    }
    connection.endCopyFrom();
  }

  handleCopyInResponse(): void {}

  handleError(error: Error): void {
    // pg drops the statement on an error: no ReadyForQuery reaches it afterwards.
    this.error = error;
    this.settle(error);
  }

  handleReadyForQuery(): void {
    this.settle(this.error);
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Runs COPY ... FROM STDIN with `text` (COPY text format) on a node-postgres client. */
export async function copyIntoPostgres(
  client: pg.ClientBase,
  table: string,
  columns: readonly CopyColumn[],
  text: string,
): Promise<void> {
  if (text === "") return;
  const copy = new CopyIn(copyStatement(table, columns, "stdin"), Buffer.from(text, "utf8"));
  client.query(copy as unknown as pg.QueryConfig);
  await copy.done;
}
