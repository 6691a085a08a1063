import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../test/test-db.js";
import type { Db } from "./db.js";
import { MIGRATIONS_DIR, migrate } from "./migrate.js";

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe("migrations", () => {
  it("are recorded and not applied twice", async () => {
    const applied = await db.query<{ name: string }>("select name from schema_migration order by name");
    expect(applied.length).toBeGreaterThanOrEqual(3);
    expect(await migrate(db)).toEqual([]);
  });

  it("refuse to run when an applied migration was edited", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bangfu-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, "20261122-01-create-regions.sql"), "-- edited\n", { flag: "a" });
    await expect(migrate(db, dir)).rejects.toThrow(/edited after it was applied/);
  });

  it("roll back a failing migration whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bangfu-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    writeFileSync(
      join(dir, "29991231-01-break-things.sql"),
      "create table half_done (a int);\nselect * from no_such_table;",
    );
    await expect(migrate(db, dir)).rejects.toThrow();
    expect(
      await db.query("select 1 from schema_migration where name = '29991231-01-break-things.sql'"),
    ).toEqual([]);
    expect(await db.query("select 1 from information_schema.tables where table_name = 'half_done'")).toEqual(
      [],
    );
  });

  it("carry the county code on county-owned tables", async () => {
    const columns = await db.query<{ table: string }>(
      "select table_name as table from information_schema.columns where column_name = 'county_code' order by 1",
    );
    expect(columns.map((c) => c.table)).toEqual(expect.arrayContaining(["app_user", "region"]));
  });
});
