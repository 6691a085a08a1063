import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RegistryFigures } from "../../../shared/api/dashboard.api.js";
import { codePrefix } from "../../../shared/division-code.js";
import type { HouseholdDraft } from "../../../shared/household-draft.js";
import type { Queryable } from "../../db/db.js";
import { householdDraft, otherJingVillage, poorHouseholdDraft } from "../../test/household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";
import { ensureDemoCounty } from "../demo/demo.service.js";
import ExcelJS from "../roster/exceljs.js";
import { compactRollup, countRollupDeltas } from "./dashboard.queries.js";

// The dashboard's figures come from running sums kept by triggers (migration 20261123-40). These
// tests build known households and assert the exact numbers at every level, then hold the sums to
// a plain count of the household table after bulk writes, edits, caseworker changes and folding.

let t: TestApp;
let admin: TestAgent;
const TOWNSHIP_A = "341823100000";
const VILLAGE_A = "341823100001";
let villageB = "";
let townshipB = "";
let emptyTownship = "";

type Dashboard = {
  region: { code: string; level: string };
  path: { code: string }[];
  figures: RegistryFigures;
  children: { code: string; name: string; figures: RegistryFigures }[];
};

async function dashboard(agent: TestAgent, regionCode?: string): Promise<Dashboard> {
  const response = await agent.request(
    "GET",
    `/api/dashboard${regionCode ? `?regionCode=${regionCode}` : ""}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Dashboard;
}

async function register(draft: HouseholdDraft): Promise<string> {
  const response = await admin.request("POST", "/api/households", { household: draft });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { household: { id: string } }).household.id;
}

/** The figures of a region counted straight from the household table, as the sums must have them. */
async function countedFigures(q: Queryable, prefix: string) {
  const [totals] = await q.query<{ households: number; people: number; assigned: number }>(
    `select count(*)::int as households, coalesce(sum(member_count), 0)::int as people,
       count(*) filter (where exists (select 1 from household_caseworker c
                                      where c.household_id = h.id and c.ended_at is null))::int as assigned
     from household h where region_code like $1 || '%'`,
    [prefix],
  );
  const byStatusAttribute = await q.query<{
    status: string;
    povertyAttribute: string;
    households: number;
    people: number;
  }>(
    `select status, poverty_attribute as "povertyAttribute", count(*)::int as households, sum(member_count)::int as people
     from household where region_code like $1 || '%' group by 1, 2`,
    [prefix],
  );
  const byCause = await q.query<{ cause: string; households: number }>(
    `select c as cause, count(*)::int as households
     from household h, unnest(array[h.main_cause] || h.secondary_causes) c
     where region_code like $1 || '%' group by 1`,
    [prefix],
  );
  const red = await q.query<{ guarantee: string; households: number }>(
    `select g.key as guarantee, count(*)::int as households
     from household h, jsonb_each_text(h.guarantee_lights) g
     where region_code like $1 || '%' and g.value = 'red' group by 1`,
    [prefix],
  );
  const [bands] = await q.query<{ below4000: number; from20000: number }>(
    `select count(*) filter (where per_capita_income < 4000)::int as "below4000",
       count(*) filter (where per_capita_income >= 20000)::int as "from20000"
     from household where region_code like $1 || '%'`,
    [prefix],
  );
  return { totals: totals!, byStatusAttribute, byCause, red, bands: bands! };
}

/** The parts of the dashboard's figures that countedFigures counts, in the same shape. */
function comparable(figures: RegistryFigures) {
  const sorted = <T>(rows: T[], key: (row: T) => string) =>
    [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    totals: {
      households: figures.households,
      people: figures.people,
      assigned: figures.caseworkerCoverage.assigned,
    },
    byStatusAttribute: sorted(figures.byStatusAttribute, (r) => r.status + r.povertyAttribute),
    byCause: sorted(
      figures.byCause.map(({ cause, households }) => ({ cause, households })),
      (r) => r.cause,
    ),
    red: sorted(
      figures.guarantees
        .filter((g) => g.light === "red")
        .map(({ guarantee, households }) => ({ guarantee, households })),
      (r) => r.guarantee,
    ),
    bands: {
      below4000: figures.incomeBands.find((b) => b.band === "below_4000")!.households,
      from20000: figures.incomeBands.find((b) => b.band === "from_20000")!.households,
    },
  };
}

async function expectSumsMatchTheRecords(regionCodes: string[]) {
  for (const code of regionCodes) {
    const shown = await dashboard(admin, code);
    const counted = await countedFigures(t.db, codePrefix(code));
    const sort = <T>(rows: T[], key: (row: T) => string) =>
      [...rows].sort((a, b) => key(a).localeCompare(key(b)));
    expect(comparable(shown.figures), code).toEqual({
      ...counted,
      byStatusAttribute: sort(counted.byStatusAttribute, (r) => r.status + r.povertyAttribute),
      byCause: sort(counted.byCause, (r) => r.cause),
      red: sort(counted.red, (r) => r.guarantee),
    });
    // A region's figures are the sums of its children's.
    if (shown.children.length > 0) {
      expect(shown.children.reduce((n, c) => n + c.figures.households, 0)).toBe(shown.figures.households);
      expect(shown.children.reduce((n, c) => n + c.figures.people, 0)).toBe(shown.figures.people);
    }
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
  ({ village: villageB, township: townshipB } = await otherJingVillage(t.db));
  const [empty] = await t.db.query<{ code: string }>(
    `select code from region where level = 'township' and code like '341823%' and code not in ($1, $2)
     order by code desc limit 1`,
    [TOWNSHIP_A, townshipB],
  );
  emptyTownship = empty!.code;
});
afterAll(() => t.close());

describe("the dashboard of a known registry", () => {
  it("counts each household and person once at every level, with zeros where there is nothing", async () => {
    // Village A: two lifted general households of 4 (illness + lack of skills, 8,625 yuan each),
    // one of them with a member lacking basic medical insurance (medical guarantee red).
    await register(householdDraft());
    const red = householdDraft();
    red.members[1] = { ...red.members[1]!, hasBasicMedicalInsurance: false };
    await register(red);
    // Village B: a not-lifted dibao household of 4, disability, income below 4,000.
    await register(poorHouseholdDraft(villageB));

    const county = await dashboard(admin);
    expect(county.region).toMatchObject({ code: JING_COUNTY, level: "county" });
    expect(county.figures).toMatchObject({ households: 3, people: 12 });
    expect(
      county.figures.byStatusAttribute.map((r) => [r.status, r.povertyAttribute, r.households, r.people]),
    ).toEqual([
      ["lifted", "general", 2, 8],
      ["not_lifted", "dibao", 1, 4],
    ]);
    expect(county.figures.liftedByYear).toEqual([{ year: 2019, households: 2, people: 8 }]);
    expect(county.figures.byMainCause.map((r) => [r.cause, r.households])).toEqual([
      ["illness", 2],
      ["disability", 1],
    ]);
    expect(county.figures.byCause.map((r) => [r.cause, r.households])).toEqual([
      ["illness", 2],
      ["lack_skills", 2],
      ["disability", 1],
    ]);
    expect(county.figures.guarantees.filter((g) => g.light !== "green")).toEqual([
      // Village B's income is below the poverty line: food and clothing are not assured.
      { guarantee: "food_clothing", light: "red", households: 1, people: 4 },
      { guarantee: "medical", light: "red", households: 1, people: 4 },
    ]);
    expect(county.figures.incomeBands.filter((b) => b.households > 0)).toEqual([
      { band: "below_4000", households: 1, people: 4 },
      { band: "6000_10000", households: 2, people: 8 },
    ]);
    expect(county.figures.caseworkerCoverage).toEqual({ assigned: 0, total: 3 });

    // Drilling down: every township is listed, the empty ones with zeros.
    const townshipAFigures = county.children.find((c) => c.code === TOWNSHIP_A)!.figures;
    expect(townshipAFigures).toMatchObject({ households: 2, people: 8 });
    expect(county.children.find((c) => c.code === townshipB)!.figures).toMatchObject({
      households: 1,
      people: 4,
    });
    const nothing = county.children.find((c) => c.code === emptyTownship)!.figures;
    expect(nothing).toMatchObject({
      households: 0,
      people: 0,
      byStatusAttribute: [],
      caseworkerCoverage: { assigned: 0, total: 0 },
    });
    expect(nothing.incomeBands.every((b) => b.households === 0)).toBe(true);

    const township = await dashboard(admin, TOWNSHIP_A);
    expect(township.figures).toEqual(townshipAFigures);
    expect(township.path.map((p) => p.code)).toEqual([JING_COUNTY]);
    const village = await dashboard(admin, VILLAGE_A);
    expect(village.figures).toEqual(townshipAFigures);
    expect(village.path.map((p) => p.code)).toEqual([JING_COUNTY, TOWNSHIP_A]);
    expect(village.children).toEqual([]);
    const empty = await dashboard(admin, emptyTownship);
    expect(empty.figures.households).toBe(0);
    expect(empty.children.length).toBeGreaterThan(0);
  });

  it("follows edits and caseworker changes, and folding the deltas changes no figure", async () => {
    const id = await register(householdDraft({ regionCode: VILLAGE_A }));
    const before = (await dashboard(admin, VILLAGE_A)).figures;
    const worker = await createUserFixture(t.db, { role: "caseworker", regionCode: VILLAGE_A });
    const assigned = await admin.request("PUT", `/api/households/${id}/caseworkers`, {
      userIds: [worker.id],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const after = (await dashboard(admin, VILLAGE_A)).figures;
    expect(after.caseworkerCoverage).toEqual({
      assigned: before.caseworkerCoverage.assigned + 1,
      total: before.households,
    });
    // A second caseworker does not count the household twice; ending both uncovers it.
    const other = await createUserFixture(t.db, { role: "caseworker", regionCode: VILLAGE_A });
    await admin.request("PUT", `/api/households/${id}/caseworkers`, { userIds: [worker.id, other.id] });
    expect((await dashboard(admin, VILLAGE_A)).figures.caseworkerCoverage.assigned).toBe(
      after.caseworkerCoverage.assigned,
    );
    await admin.request("PUT", `/api/households/${id}/caseworkers`, { userIds: [], reason: "调离" });
    expect((await dashboard(admin, VILLAGE_A)).figures.caseworkerCoverage.assigned).toBe(
      before.caseworkerCoverage.assigned,
    );
    // Any writer's update moves the household between values and regions (the sums are kept by
    // triggers, not by the service): returned to poverty, in village B, with two fewer people.
    await t.db.query(
      `update household set status = 'returned', lifted_year = null, region_code = $2, member_count = 2,
         guarantee_lights = guarantee_lights || '{"housing": "red"}'
       where id = $1`,
      [id, villageB],
    );
    const moved = (await dashboard(admin, VILLAGE_A)).figures;
    expect(moved.households).toBe(before.households - 1);
    expect(moved.people).toBe(before.people - 4);
    const inB = (await dashboard(admin, villageB)).figures;
    expect(inB.byStatusAttribute.find((r) => r.status === "returned")).toMatchObject({
      households: 1,
      people: 2,
    });
    expect(inB.guarantees.find((g) => g.guarantee === "housing" && g.light === "red")).toMatchObject({
      households: 1,
    });

    expect(await countRollupDeltas(t.db)).toBeGreaterThan(0);
    const unfolded = await dashboard(admin);
    expect(await compactRollup(t.db)).toBeGreaterThan(0);
    expect(await countRollupDeltas(t.db)).toBe(0);
    expect((await dashboard(admin)).figures).toEqual(unfolded.figures);
    await expectSumsMatchTheRecords([JING_COUNTY, TOWNSHIP_A, VILLAGE_A, townshipB]);
  });

  it("keeps the sums equal to the records after a bulk write of a demo county", async () => {
    await ensureDemoCounty(t.db, {
      countyCode: JING_COUNTY,
      seed: 7,
      households: 240,
      today: new Date("2020-06-01"),
    });
    const county = await dashboard(admin);
    const busiest = [...county.children].sort((a, b) => b.figures.households - a.figures.households)[0]!;
    const township = await dashboard(admin, busiest.code);
    const village = [...township.children].sort((a, b) => b.figures.households - a.figures.households)[0]!;
    await expectSumsMatchTheRecords([JING_COUNTY, busiest.code, village.code, emptyTownship]);
    await compactRollup(t.db);
    await expectSumsMatchTheRecords([JING_COUNTY, busiest.code, village.code]);
  });
});

describe("dashboard tables as spreadsheets", () => {
  it("writes the region, what is counted and when above each table, with the same numbers", async () => {
    const shown = await dashboard(admin);
    const response = await admin.request("GET", "/api/dashboard/export?table=children");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().slice(1) as unknown[][];
    const text = (row: unknown[] | undefined) => (row ?? []).slice(1).map((v) => String(v ?? ""));
    expect(text(rows[0])[0]).toBe("泾县下级区划统计表");
    expect(text(rows[1])[0]).toContain(`（${JING_COUNTY}）`);
    expect(text(rows[3])[0]).toMatch(/^统计时点：\d{4}\/\d{1,2}\/\d{1,2}/);
    expect(text(rows[5]).slice(0, 4)).toEqual(["区划", "代码", "户数", "人数"]);
    const body = rows.slice(6).map(text);
    expect(body).toHaveLength(shown.children.length + 1);
    for (const child of shown.children) {
      const row = body.find((r) => r[1] === child.code)!;
      expect(row.slice(2, 4).map(Number)).toEqual([child.figures.households, child.figures.people]);
    }
    expect(body.at(-1)!.slice(0, 4)).toEqual([
      "合计",
      JING_COUNTY,
      String(shown.figures.households),
      String(shown.figures.people),
    ]);
    for (const table of ["status", "lifted", "causes", "guarantees", "income"]) {
      expect((await admin.request("GET", `/api/dashboard/export?table=${table}`)).statusCode, table).toBe(
        200,
      );
    }
    expect((await admin.request("GET", "/api/dashboard/export?table=secrets")).statusCode).toBe(400);
  });
});

describe("who sees which dashboard", () => {
  it("shows a township officer their township only, and no region's figures to a caseworker", async () => {
    const officer = await signIn(
      t.app,
      (await createUserFixture(t.db, { role: "township_officer", regionCode: TOWNSHIP_A })).username,
    );
    expect((await dashboard(officer)).region.code).toBe(TOWNSHIP_A);
    expect((await dashboard(officer)).path).toEqual([]);
    expect((await officer.request("GET", `/api/dashboard?regionCode=${JING_COUNTY}`)).statusCode).toBe(403);
    expect((await officer.request("GET", `/api/dashboard?regionCode=${townshipB}`)).statusCode).toBe(403);
    const worker = await signIn(
      t.app,
      (await createUserFixture(t.db, { role: "caseworker", regionCode: VILLAGE_A })).username,
    );
    expect((await worker.request("GET", "/api/dashboard")).statusCode).toBe(403);
    expect((await admin.request("GET", "/api/dashboard?regionCode=12")).statusCode).toBe(400);
  });
});
