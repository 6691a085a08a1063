import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type CopyColumn, copyIntoPostgres, copyStatement, copyText } from "./copy.js";

export type { CopyColumn } from "./copy.js";

/** Anything that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Bulk-loads rows into a table with COPY: many times faster than INSERT for thousands of rows.
   * Each row has a value per column: strings, numbers, booleans, null, arrays (text[]) and, for
   * json/jsonb columns, any JSON value. Absent on wrappers that do not offer it (callers INSERT).
   */
  copyFrom?(
    table: string,
    columns: readonly CopyColumn[],
    rows: readonly (readonly unknown[])[],
  ): Promise<void>;
}

const preparedNames = new Map<string, string>();

/**
 * Marks a hot statement of fixed text to be prepared once per connection on PostgreSQL: later
 * runs send only its parameters (neither its text nor a new parse). For statements run many
 * times a second with one text (the visit endpoint's); a text built per call must not be marked.
 */
export function prepared(sql: string): string {
  if (!preparedNames.has(sql)) preparedNames.set(sql, `bangfu_${preparedNames.size + 1}`);
  return sql;
}

/** The one database handle the application passes around. */
export interface Db extends Queryable {
  readonly engine: "pglite" | "postgres";
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// Both engines return the same JS types: int8 as number (counts and ids stay below 2^53),
// date as 'YYYY-MM-DD' text (no time-zone shift), numeric as exact text.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
const parseInt8 = (value: string) => Number(value);
const keepText = (value: string) => value;

/** Opens the embedded PGlite database persisted in `dataDir` (or in memory when undefined). */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  const parsers = { [INT8]: parseInt8, [DATE]: keepText, [NUMERIC]: keepText };
  const lite = new PGlite(dataDir, { parsers });
  await lite.waitReady;
  // Passed with every query too: PGlite (0.5) ignores the constructor's parser for dates.
  const run = async <Row>(q: Pick<PGlite, "query">, sql: string, params?: readonly unknown[]) =>
    (await q.query<Row>(sql, params ? [...params] : undefined, { parsers })).rows;
  const copy = async (
    q: Pick<PGlite, "query">,
    table: string,
    columns: readonly CopyColumn[],
    rows: readonly (readonly unknown[])[],
  ) => {
    if (rows.length === 0) return;
    const blob = new Blob([copyText(columns, rows)]);
    await q.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob });
  };
  return {
    engine: "pglite",
    query: (sql, params) => run(lite, sql, params),
    copyFrom: (table, columns, rows) => copy(lite, table, columns, rows),
    transaction: (work) =>
      lite.transaction((tx) =>
        work({
          query: (sql, params) => run(tx, sql, params),
          copyFrom: (table, columns, rows) => copy(tx, table, columns, rows),
          exec: async (script) => {
            await tx.exec(script);
          },
        }),
      ),
    exec: async (script) => {
      await lite.exec(script);
    },
    close: () => lite.close(),
  };
}

/** Opens a pool on a PostgreSQL server (15+) named by a connection string. */
export async function openPostgres(connectionString: string): Promise<Db> {
  const types = {
    getTypeParser: (oid: number, format?: string) => {
      if (oid === INT8) return parseInt8;
      if (oid === DATE || oid === NUMERIC) return keepText;
      return pg.types.getTypeParser(oid, format as "text");
    },
  };
  const pool = new pg.Pool({ connectionString, types, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  // An idle client losing its connection must not crash the process.
  pool.on("error", () => undefined);
  const run = async <Row>(q: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    const values = params ? [...params] : undefined;
    const name = preparedNames.get(sql);
    return (await (name ? q.query({ name, text: sql, values }) : q.query(sql, values))).rows as Row[];
  };
  const copy = (
    client: pg.PoolClient,
    table: string,
    columns: readonly CopyColumn[],
    rows: readonly (readonly unknown[])[],
  ) => copyIntoPostgres(client, table, columns, copyText(columns, rows));
  await run(pool, "select 1");
  return {
    engine: "postgres",
    query: (sql, params) => run(pool, sql, params),
    copyFrom: async (table, columns, rows) => {
      if (rows.length === 0) return;
      const client = await pool.connect();
      try {
        await copy(client, table, columns, rows);
      } finally {
        client.release();
      }
    },
    transaction: async (work) => {
      const client = await pool.connect();
      // Statements sent while one is running wait their turn here (a roster import sends its next
      // lookups while a write is running; pg's own queue for that is deprecated). Commit and
      // rollback wait their turn too, and nothing is sent after them: a statement still queued
      // when the work fails must not run outside the transaction.
      let tail: Promise<unknown> = Promise.resolve();
      let isEnded = false;
      const inTurn = <T>(statement: () => Promise<T>, isEnd = false): Promise<T> => {
        if (isEnded) return Promise.reject(new Error("the transaction has ended"));
        if (isEnd) isEnded = true;
        const next = tail.then(statement, statement);
        tail = next.catch(() => undefined);
        return next;
      };
      try {
        await inTurn(() => client.query("begin"));
        const result = await work({
          query: (sql, params) => inTurn(() => run(client, sql, params)),
          copyFrom: (table, columns, rows) => {
            // The text is made now, so that it is ready when the statements before it are done.
            const text = copyText(columns, rows);
            return inTurn(() => copyIntoPostgres(client, table, columns, text));
          },
          exec: async (script) => {
            await inTurn(() => client.query(script));
          },
        });
        await inTurn(() => client.query("commit"), true);
        return result;
      } catch (error) {
        if (!isEnded) await inTurn(() => client.query("rollback"), true).catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (script) => {
      await pool.query(script);
    },
    close: () => pool.end(),
  };
}

/** Opens PostgreSQL when `databaseUrl` is set, else the embedded database under `dataDir`. */
export function openDb(options: {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
}): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}
