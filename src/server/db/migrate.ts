import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { projectRoot } from "../paths.js";
import type { Db } from "./db.js";

export const MIGRATIONS_DIR = join(projectRoot, "migrations");
const NAME_PATTERN = /^\d{8}-\d{2}-[a-z0-9-]+\.sql$/;

interface AppliedMigration {
  name: string;
  checksum: string;
}

/**
 * Applies every migration file not yet recorded, in name order, each in its own transaction.
 * Refuses to run when a migration that already ran has been edited since.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec(`create table if not exists schema_migration (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`);
  const files = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  const bad = files.filter((name) => !NAME_PATTERN.test(name));
  if (bad.length > 0)
    throw new Error(`Migration file names must look like 20261122-01-create-x.sql: ${bad.join(", ")}`);
  const applied = new Map(
    (await db.query<AppliedMigration>("select name, checksum from schema_migration")).map((m) => [
      m.name,
      m.checksum,
    ]),
  );
  const newlyApplied: string[] = [];
  for (const name of files) {
    const sql = await readFile(join(dir, name), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    const known = applied.get(name);
    if (known !== undefined) {
      if (known !== checksum)
        throw new Error(`Migration ${name} was edited after it was applied; add a new one instead.`);
      continue;
    }
    await db.transaction(async (tx) => {
      // Serialises concurrent starts against one PostgreSQL server.
      await tx.query("select pg_advisory_xact_lock(7263501)");
      const again = await tx.query("select 1 from schema_migration where name = $1", [name]);
      if (again.length > 0) return;
      await tx.exec(sql);
      await tx.query("insert into schema_migration (name, checksum) values ($1, $2)", [name, checksum]);
    });
    newlyApplied.push(name);
  }
  return newlyApplied;
}
