import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Db, openPglite, openPostgres } from "../db/db.js";
import { migrate } from "../db/migrate.js";

/** Which engine the database tests run on: `TEST_DB=postgres` (with TEST_DATABASE_URL) or PGlite. */
export const testEngine = process.env.TEST_DB === "postgres" ? "postgres" : "pglite";
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the
 * PostgreSQL server that is dropped again by `close()`.
 */
export async function createTestDb(): Promise<Db> {
  if (testEngine === "pglite") {
    const db = await openPglite(undefined);
    await migrate(db);
    return db;
  }
  const name = `bangfu_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  await migrate(db);
  return {
    ...db,
    close: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
