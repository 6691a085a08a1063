import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../test/test-db.js";
import type { Db } from "./db.js";

// COPY sends its data with the statement (no wait for the server's CopyInResponse): a statement
// that fails before the COPY starts must leave the connection and the transaction as usual.

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
  await db.exec("create table copy_pipe (id integer primary key, name text not null)");
});
afterAll(() => db.close());

const columns = [
  { name: "id", type: "integer" },
  { name: "name", type: "text" },
];

describe("COPY with its data sent at once", () => {
  it("fails a COPY into a table that does not exist, and the connection goes on", async () => {
    await expect(db.copyFrom!("copy_no_such_table", columns, [[1, "a"]])).rejects.toThrow(
      /copy_no_such_table/,
    );
    await expect(
      db.transaction((tx) => tx.copyFrom!("copy_no_such_table", columns, [[1, "a"]])),
    ).rejects.toThrow(/copy_no_such_table/);
    // Every pooled connection still answers, in and out of transactions.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => db.query<{ n: number }>("select 1 as n")),
    );
    expect(answers.flat()).toEqual(Array.from({ length: 12 }, () => ({ n: 1 })));
    expect(await db.transaction((tx) => tx.query<{ n: number }>("select 2 as n"))).toEqual([{ n: 2 }]);
  });

  it("loads several COPY statements queued in one transaction, in order", async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => [i, `name ${i}\twith a tab`]);
    await db.transaction(async (tx) => {
      await Promise.all([
        tx.copyFrom!("copy_pipe", columns, many.slice(0, 10_000)),
        tx.query("select count(*) from copy_pipe"),
        tx.copyFrom!("copy_pipe", columns, many.slice(10_000)),
      ]);
    });
    const [row] = await db.query<{ n: number; last: string }>(
      "select count(*)::int as n, max(name) filter (where id = 19999) as last from copy_pipe",
    );
    expect(row).toEqual({ n: 20_000, last: "name 19999\twith a tab" });
  });

  it("rolls a transaction back when a COPY in it fails midway", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.copyFrom!("copy_pipe", columns, [[30_000, "new"]]);
        await tx.copyFrom!("copy_pipe", columns, [[1, "duplicate"]]);
      }),
    ).rejects.toThrow();
    expect(await db.query("select 1 from copy_pipe where id = 30000")).toEqual([]);
  });
});
