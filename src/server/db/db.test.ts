import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../test/test-db.js";
import type { Db } from "./db.js";

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
