import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** Anything that runs parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
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
  return {
    engine: "pglite",
    query: (sql, params) => run(lite, sql, params),
    transaction: (work) =>
      lite.transaction((tx) =>
        work({
          query: (sql, params) => run(tx, sql, params),
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
  const run = async <Row>(q: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) =>
    (await q.query(sql, params ? [...params] : undefined)).rows as Row[];
  await run(pool, "select 1");
  return {
    engine: "postgres",
    query: (sql, params) => run(pool, sql, params),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await work({
          query: (sql, params) => run(client, sql, params),
          exec: async (script) => {
            await client.query(script);
          },
        });
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
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
