import { describe, expect, it } from "vitest";
import {
  KUIFENG_HEADER,
  kuifengHouseholds,
  person,
  twoSheetHouseholds,
  workbookOf,
  xlsxOf,
} from "../../test/roster-fixtures.js";
import { rosterOptions as options, rosterTestbed } from "../../test/roster-testbed.js";
import { type ImportOptions, importRoster } from "./roster-import.js";

// Imports planned and written while the file is still read (PostgreSQL's way; forced here on both
// engines with a batch of one household), against the same file read first; and the atomicity of
// an import whose write fails midway.

const bed = rosterTestbed();
const { householdState, countRows } = bed;

describe("planning and writing while the file is read", () => {
  // streamBatch 1: every household is planned and written as soon as the next one starts.
  const streaming = (fileName: string, extra: Partial<ImportOptions> = {}) => ({
    ...options(fileName),
    isStreaming: true,
    streamBatch: 1,
    ...extra,
  });
  const template = kuifengHouseholds().rows[0]!;
  const personRow = (household: string, name: string, id: string, relation: string) => {
    const row = [...template];
    row[4] = household;
    row[5] = "";
    row[6] = name;
    row[7] = id;
    row[8] = "";
    row[9] = relation;
    row[25] = "";
    row[27] = "";
    return row;
  };
  const number = (n: number) => `34182310120002${String(n).padStart(2, "0")}`;

  it("imports a file whose households' rows are apart, as if it had read it first", async () => {
    const ids = kuifengHouseholds().ids;
    const file = await xlsxOf([
      KUIFENG_HEADER,
      personRow(number(1), "甲一", ids.head, "户主"),
      personRow(number(2), "乙一", ids.oldMan, "户主"),
      personRow(number(1), "甲二", ids.spouse, "配偶"),
    ]);
    const summary = await importRoster(bed.db, file, streaming("乱序.xlsx"));
    expect(summary).toMatchObject({ status: "committed", created: 2, problemCount: 0 });
    expect((await householdState(number(1)))!.snapshot.household.members.map((m) => m.name)).toEqual([
      "甲一",
      "甲二",
    ]);
  });

  it("moves a member between two households of the file, whichever comes first", async () => {
    const ids = kuifengHouseholds().ids;
    const before = await xlsxOf([
      KUIFENG_HEADER,
      personRow(number(3), "丙父", ids.head, "户主"),
      personRow(number(3), "丙子", ids.son, "之子"),
      personRow(number(4), "丁母", ids.oldWoman, "户主"),
    ]);
    expect(await importRoster(bed.db, before, streaming("迁移前.xlsx"))).toMatchObject({ created: 2 });
    const son = (await householdState(number(3)))!.snapshot.household.members[1]!;
    // The son now lives with 丁母 (listed first); 丙父's household no longer lists him.
    const after = await xlsxOf([
      KUIFENG_HEADER,
      personRow(number(4), "丁母", ids.oldWoman, "户主"),
      personRow(number(4), "丙子", ids.son, "之孙"),
      personRow(number(3), "丙父", ids.head, "户主"),
    ]);
    const summary = await importRoster(bed.db, after, streaming("迁移后.xlsx"));
    expect(summary.problems).toEqual([]);
    expect(summary).toMatchObject({ status: "committed", updated: 2 });
    const moved = (await householdState(number(4)))!.snapshot.household.members;
    expect(moved.map((m) => [m.id, m.name, m.relation])).toEqual([
      [expect.any(String), "丁母", "head"],
      [son.id, "丙子", "grandson"],
    ]);
    expect((await householdState(number(3)))!.snapshot.household.members.map((m) => m.name)).toEqual([
      "丙父",
    ]);
  });

  it("reads a member sheet followed by its household sheet again, then imports it whole", async () => {
    const two = twoSheetHouseholds();
    const renumber = (rows: typeof two.households) =>
      rows.map((row) =>
        row.map((cell) => (cell === two.numbers.a ? number(10) : cell === two.numbers.b ? number(11) : cell)),
      );
    const file = await workbookOf([
      { name: "人表", rows: renumber(two.members) },
      { name: "户表", rows: renumber(two.households) },
    ]);
    const summary = await importRoster(bed.db, file, streaming("人表在前.xlsx"));
    expect(summary).toMatchObject({ status: "committed", created: 2, problemCount: 0 });
    expect((await householdState(number(10)))!.snapshot.household).toMatchObject({
      liftedYear: 2019,
      income: { wage: 12000 },
    });
  });

  it("finds the same problems and imports the same valid households as when reading first", async () => {
    const ids = kuifengHouseholds().ids;
    const file = await workbookOf([
      {
        name: "人表",
        rows: [
          KUIFENG_HEADER,
          personRow(number(5), "戊一", ids.head, "户主"),
          personRow(number(6), "己一", ids.spouse, "表哥"),
          personRow(number(7), "庚一", ids.head, "户主"),
          personRow(number(8), "辛一", ids.oldMan, "户主"),
        ],
      },
    ]);
    const read = await importRoster(bed.db, file, { ...options("先读.xlsx"), isDryRun: true });
    const streamed = await importRoster(bed.db, file, streaming("边读边写.xlsx", { isOnlyValid: true }));
    expect(streamed.problems).toEqual(read.problems);
    expect(streamed).toMatchObject({ status: "committed", created: 2, rejected: 2 });
    expect(read).toMatchObject({ created: 2, rejected: 2 });
  });
});

describe("atomicity", () => {
  it("leaves the database unchanged when a write fails midway", async () => {
    const template = kuifengHouseholds().rows[0]!;
    const rows = Array.from({ length: 1_200 }, (_, i) => {
      const row = [...template];
      row[4] = `34182310120${String(50_000 + i).padStart(5, "0")}`;
      row[7] = person(new Date(Date.UTC(1960, 0, 1) + i * 86_400_000).toISOString().slice(0, 10), "male");
      row[8] = "1";
      row[25] = "";
      row[27] = "";
      return row;
    });
    const file = await xlsxOf([KUIFENG_HEADER, ...rows]);
    const tables = [
      "household",
      "member",
      "household_income",
      "household_version",
      "household_finding",
      "audit_event",
    ];
    const before = await Promise.all(tables.map(countRows));
    let chunks = 0;
    await expect(
      importRoster(bed.db, file, {
        ...options("大文件.xlsx"),
        afterChunk: async () => {
          chunks += 1;
          if (chunks === 2) throw new Error("断电");
        },
      }),
    ).rejects.toThrow("断电");
    expect(chunks).toBe(2);
    expect(await Promise.all(tables.map(countRows))).toEqual(before);
    const summary = await importRoster(bed.db, file, options("大文件.xlsx"));
    expect(summary).toMatchObject({ status: "committed", created: 1_200 });
  });
});
