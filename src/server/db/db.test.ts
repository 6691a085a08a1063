import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../test/test-db.js";
import type { Db, Queryable } from "./db.js";

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe("the database handle", () => {
  it("returns int8 as number, date as text and numeric as exact text, in and out of transactions", async () => {
    const sql =
      "select 5::int8 as count, '2020-02-29'::date as day, $1::date as param, 1.50::numeric as amount";
    const expected = { count: 5, day: "2020-02-29", param: "2020-03-01", amount: "1.50" };
    expect(await db.query(sql, ["2020-03-01"])).toEqual([expected]);
    expect(await db.transaction((tx) => tx.query(sql, ["2020-03-01"]))).toEqual([expected]);
  });
});

describe("bulk loading with COPY", () => {
  const columns = [
    { name: "id", type: "integer" },
    { name: "name", type: "text" },
    { name: "tags", type: "text[]" },
    { name: "doc", type: "jsonb" },
    { name: "day", type: "date" },
    { name: "amount", type: "numeric" },
    { name: "is_ok", type: "boolean" },
  ];
  const awkward = 'tab\there, line\nbreak, back\\slash, "quotes", 中文';
  const rows = [
    [
      1,
      awkward,
      ["a", 'b "c"', "d\\e", "f,g", "h\ti"],
      { text: awkward, list: [1, null] },
      "2020-02-29",
      12.5,
      true,
    ],
    [2, null, [], null, null, null, false],
  ];

  it("loads every kind of value exactly, in and out of transactions", async () => {
    await db.exec(
      "create table copy_probe (id integer, name text, tags text[], doc jsonb, day date, amount numeric, is_ok boolean)",
    );
    await db.copyFrom!("copy_probe", columns, [rows[0]!]);
    await db.transaction((tx) => tx.copyFrom!("copy_probe", columns, [rows[1]!]));
    expect(await db.query("select * from copy_probe order by id")).toEqual([
      {
        id: 1,
        name: awkward,
        tags: ["a", 'b "c"', "d\\e", "f,g", "h\ti"],
        doc: { text: awkward, list: [1, null] },
        day: "2020-02-29",
        amount: "12.5",
        is_ok: true,
      },
      { id: 2, name: null, tags: [], doc: null, day: null, amount: null, is_ok: false },
    ]);
  });

  it("rolls back with the transaction, and leaves the connection usable after a failed load", async () => {
    await db.exec("create table copy_strict (id integer primary key)");
    const id = [{ name: "id", type: "integer" }];
    await expect(
      db.transaction(async (tx) => {
        await tx.copyFrom!("copy_strict", id, [[1], [2]]);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await expect(db.transaction((tx) => tx.copyFrom!("copy_strict", id, [[3], [3]]))).rejects.toThrow(
      /duplicate key/,
    );
    await db.transaction((tx) => tx.copyFrom!("copy_strict", id, [[4]]));
    expect(await db.query("select id from copy_strict order by id")).toEqual([{ id: 4 }]);
  });
});

describe("statements sent while another runs", () => {
  it("run in order inside the transaction; those still waiting when the work fails are rolled back", async () => {
    await db.exec("create table queued_probe (id integer)");
    const order = await db.transaction(async (tx) => {
      const sent = [1, 2, 3].map((id) => tx.query("insert into queued_probe values ($1) returning id", [id]));
      return (await Promise.all(sent)).flat();
    });
    expect(order).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    let kept: Queryable | undefined;
    await expect(
      db.transaction(async (tx) => {
        kept = tx;
        for (const id of [4, 5])
          void tx.query("insert into queued_probe values ($1)", [id]).catch(() => undefined);
        throw new Error("failed");
      }),
    ).rejects.toThrow("failed");
    await expect(kept!.query("insert into queued_probe values (6)")).rejects.toThrow();
    expect(await db.query("select id from queued_probe order by id")).toEqual([
      { id: 1 },
      { id: 2 },
      { id: 3 },
    ]);
  });
});
