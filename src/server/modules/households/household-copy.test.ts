import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Queryable } from "../../db/db.js";
import { householdDraft, memberDraft } from "../../test/household-factory.js";
import { createTestApp, createUserFixture, JING_COUNTY, type TestApp } from "../../test/test-app.js";
import { type PreparedHousehold, prepareHousehold, writeHouseholds } from "./household-save.js";

// New households are bulk-loaded with COPY where the database offers it; the rows must be exactly
// those the INSERT statements write (which every other household test reads back).

let t: TestApp;
let clerk: { id: string; username: string };
beforeAll(async () => {
  t = await createTestApp();
  clerk = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
});
afterAll(() => t.close());

const today = new Date("2025-06-01T00:00:00Z");

function prepared(): PreparedHousehold[] {
  const drafts = [
    householdDraft(),
    householdDraft({
      address: 'tab\there "quoted" back\\slash\n第二行',
      secondaryCauses: ["lack_skills", "lack_capital"],
      liftedYear: null,
      status: "not_lifted",
      members: [
        memberDraft({ name: "王\t大", relation: "head", birthDate: "1970-01-01" }),
        // A child out of school with a labour ability: two data-quality warnings.
        memberDraft({
          name: "王小",
          relation: "son",
          birthDate: "2015-04-04",
          schoolingStatus: "not_in_school",
          labourAbility: "ordinary",
          workMonths: 0,
          workPlace: "none",
        }),
      ],
    }),
  ];
  return drafts.map((draft) => {
    const { household, warnings, newMemberIds } = prepareHousehold(draft, undefined, today);
    return {
      snapshot: { id: randomUUID(), countyCode: JING_COUNTY, household },
      warnings,
      version: 1,
      reason: "导入：花名册.xlsx",
      newMemberIds,
    };
  });
}

/** Every row the write touched, without the times it was written at. */
async function written(q: Queryable, ids: string[]) {
  const rows = async (sql: string) =>
    (await q.query<Record<string, unknown>>(sql, [ids])).map(
      ({ created_at: _c, updated_at: _u, changed_at: _ch, ...row }) => row,
    );
  return {
    household: await rows("select * from household where id = any($1::uuid[]) order by household_number"),
    member: await rows("select * from member where household_id = any($1::uuid[]) order by id_number"),
    income: await rows(
      "select * from household_income where household_id = any($1::uuid[]) order by household_id",
    ),
    finding: await rows(
      "select * from household_finding where household_id = any($1::uuid[]) order by household_id, path, code",
    ),
    version: await rows(
      "select * from household_version where household_id = any($1::uuid[]) order by household_id",
    ),
  };
}

class Captured extends Error {
  constructor(readonly rows: Awaited<ReturnType<typeof written>>) {
    super("captured");
  }
}

/** Writes the households in a transaction, reads back what was written, and rolls it back. */
async function writeAndRollBack(households: PreparedHousehold[], isCopy: boolean) {
  const ids = households.map((p) => p.snapshot.id);
  try {
    await t.db.transaction(async (tx) => {
      expect(typeof tx.copyFrom).toBe("function");
      const q: Queryable = isCopy ? tx : { query: tx.query, exec: tx.exec };
      await writeHouseholds(q, clerk, households, today);
      throw new Captured(await written(tx, ids));
    });
  } catch (error) {
    if (error instanceof Captured) return error.rows;
    throw error;
  }
  throw new Error("not rolled back");
}

describe("bulk-loading new households", () => {
  it("writes with COPY exactly the rows the INSERT statements write", async () => {
    const households = prepared();
    const inserted = await writeAndRollBack(households, false);
    const copied = await writeAndRollBack(households, true);
    expect(inserted.household).toHaveLength(2);
    expect(inserted.member).toHaveLength(6);
    expect(inserted.finding.length).toBeGreaterThanOrEqual(2);
    expect(copied).toEqual(inserted);
  });

  it("inserts, rather than loads, a new household with a member who exists already (moving in)", async () => {
    const [household] = prepared();
    const mover = household!.snapshot.household.members[0]!;
    const withMover = {
      ...household!,
      newMemberIds: new Set([...household!.newMemberIds!].filter((id) => id !== mover.id)),
    };
    const copyCalls: string[] = [];
    await expect(
      t.db.transaction(async (tx) => {
        const q: Queryable = {
          query: tx.query,
          exec: tx.exec,
          copyFrom: async (table, columns, rows) => {
            copyCalls.push(table);
            await tx.copyFrom!(table, columns, rows);
          },
        };
        await writeHouseholds(q, null, [withMover], today);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(copyCalls).toEqual([]);
  });
});
