import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHousehold } from "../../../shared/household-checks.js";
import { householdDraftSchema } from "../../../shared/household-draft.js";
import { parseIdNumber } from "../../../shared/id-number.js";
import type { Db } from "../../db/db.js";
import { createTestDb } from "../../test/test-db.js";
import { verifyAuditTrail } from "../audit/audit-verify.js";
import { findChildRegions } from "../regions/regions.queries.js";
import { ensureDemoCounty } from "./demo.service.js";
import {
  DEMO_HOUSEHOLD_NUMBER,
  DEMO_REASON,
  type DemoVillage,
  generateDemoHouseholds,
  STAFFED_VILLAGES,
} from "./demo-households.js";
import { createRandom, syntheticPerson } from "./synthetic-people.js";

const COUNTY = "341823000000";
/** Fixed so that ages, and so the findings, do not depend on the day the tests run. */
const TODAY = new Date("2026-06-30T00:00:00Z");

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe("demo county", () => {
  it("loads the county's villages and clearly marked demo staff, once", async () => {
    const first = await ensureDemoCounty(db, { countyCode: COUNTY, seed: 7, households: 0 });
    expect(first).toMatchObject({ countyName: "泾县", townships: 11, villages: 127 });
    expect(first.usersCreated).toContain("d341823.admin");
    const users = await db.query<{ username: string; name: string; isDemo: boolean; role: string }>(
      `select username, display_name as name, is_demo as "isDemo", role from app_user order by username`,
    );
    expect(users.length).toBe(first.usersCreated.length);
    expect(
      users.every((u) => u.isDemo && u.username.startsWith("d341823.") && u.name.endsWith("（演示）")),
    ).toBe(true);
    expect(new Set(users.map((u) => u.role))).toEqual(
      new Set([
        "administrator",
        "leader",
        "department_officer",
        "township_officer",
        "village_cadre",
        "caseworker",
      ]),
    );
    const again = await ensureDemoCounty(db, { countyCode: COUNTY, seed: 7, households: 0 });
    expect(again.usersCreated).toEqual([]);
    expect((await verifyAuditTrail(db)).problems).toEqual([]);
  });
});

describe("demo households", () => {
  /** The county's villages as the demo service reads them. */
  async function villagesOf(countyCode: string): Promise<DemoVillage[]> {
    const townships = await findChildRegions(db, countyCode);
    const nested = await Promise.all(
      townships.map(async (t) =>
        (await findChildRegions(db, t.code)).map((v) => ({
          code: v.code,
          name: v.name,
          townshipName: t.name,
        })),
      ),
    );
    return nested.flat();
  }

  const count = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ n: number }>(`select count(*)::int as n from ${sql}`, params))[0]!.n;

  it("fill the county with N households whose members, causes, status and findings are plausible", async () => {
    const started = performance.now();
    const summary = await ensureDemoCounty(db, {
      countyCode: COUNTY,
      seed: 7,
      households: 300,
      today: TODAY,
    });
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(30);
    expect(summary.households).toMatchObject({ created: 300, existing: 0, skipped: 0 });
    expect(await count("household")).toBe(300);
    expect(await count("member")).toBe(summary.households.members);

    // Numbered in the demo range, in real villages of the county, marked on their first version.
    const households = await db.query<{
      id: string;
      householdNumber: string;
      regionCode: string;
      level: string;
      mainCause: string;
      status: string;
      liftedYear: number | null;
      warningCount: number;
      perCapitaIncome: string;
      address: string;
    }>(
      `select h.id, h.household_number as "householdNumber", h.region_code as "regionCode", r.level,
         h.main_cause as "mainCause", h.status, h.lifted_year as "liftedYear", h.warning_count as "warningCount",
         h.per_capita_income as "perCapitaIncome", h.address
       from household h join region r on r.code = h.region_code where r.county_code = $1 order by h.household_number`,
      [COUNTY],
    );
    expect(households.length).toBe(300);
    for (const h of households) {
      expect(h.householdNumber).toMatch(DEMO_HOUSEHOLD_NUMBER);
      expect(h.householdNumber.startsWith(h.regionCode)).toBe(true);
      expect(h.level).toBe("village");
      expect(h.address).toContain("演示");
      if (h.status === "lifted") expect(h.liftedYear! >= 2014 && h.liftedYear! <= 2020).toBe(true);
      if (h.status === "not_lifted") expect(h.liftedYear).toBeNull();
    }
    const versions = await db.query<{ reason: string; version: number; changedBy: string | null }>(
      `select reason, version, changed_by as "changedBy" from household_version`,
    );
    expect(versions.length).toBe(300);
    expect(versions.every((v) => v.reason === DEMO_REASON && v.version === 1 && v.changedBy === null)).toBe(
      true,
    );

    // Members: valid ID numbers agreeing with birth date and sex, one active head, one household per person.
    const members = await db.query<{
      householdId: string;
      idNumber: string;
      birthDate: string;
      sex: string;
      relation: string;
      status: string;
      health: string;
      disabilityGrade: string | null;
    }>(
      `select household_id as "householdId", id_number as "idNumber", birth_date::text as "birthDate", sex, relation,
         status, health, disability_grade as "disabilityGrade" from member`,
    );
    for (const m of members) {
      expect(parseIdNumber(m.idNumber, TODAY), m.idNumber).toMatchObject({
        ok: true,
        birthDate: m.birthDate,
        sex: m.sex,
        regionCode6: "341823",
      });
      expect(m.health === "disabled").toBe(m.disabilityGrade !== null);
    }
    const active = members.filter((m) => m.status === "active");
    expect(new Set(active.map((m) => m.idNumber)).size).toBe(active.length);
    const heads = new Map<string, number>();
    for (const m of active)
      if (m.relation === "head") heads.set(m.householdId, (heads.get(m.householdId) ?? 0) + 1);
    expect(heads.size).toBe(300);
    expect([...heads.values()].every((n) => n === 1)).toBe(true);
    expect(members.length / 300).toBeGreaterThan(2.5);
    expect(members.length / 300).toBeLessThan(4.5);
    expect(new Set(members.map((m) => m.health))).toEqual(
      new Set(["healthy", "chronic", "serious", "disabled"]),
    );

    // Distributions: illness the leading cause among many; mostly lifted, some not; a few warnings.
    const byCause = new Map<string, number>();
    for (const h of households) byCause.set(h.mainCause, (byCause.get(h.mainCause) ?? 0) + 1);
    const causes = [...byCause].sort((a, b) => b[1] - a[1]);
    expect(causes.length).toBeGreaterThanOrEqual(6);
    expect(causes[0]![0]).toBe("illness");
    const share = (test: (h: (typeof households)[number]) => boolean) => households.filter(test).length / 300;
    expect(share((h) => h.status === "lifted")).toBeGreaterThan(0.75);
    expect(share((h) => h.status === "not_lifted" || h.status === "returned")).toBeGreaterThan(0.03);
    const warned = share((h) => h.warningCount > 0);
    expect(warned).toBeGreaterThan(0.02);
    expect(warned).toBeLessThan(0.2);
    expect(summary.households.withWarnings).toBe(Math.round(warned * 300));
    const codes = await db.query<{ code: string }>("select distinct code from household_finding");
    expect(codes.length).toBeGreaterThanOrEqual(4);
    const incomes = households.map((h) => Number(h.perCapitaIncome)).sort((a, b) => a - b);
    expect(incomes[150]! > 4000 && incomes[150]! < 20_000).toBe(true);

    // Caseworkers: the village's demo caseworker, for most households.
    const assignments = await db.query<{ same: boolean }>(
      `select u.region_code = h.region_code as same from household_caseworker c
       join household h on h.id = c.household_id join app_user u on u.id = c.user_id
       where u.is_demo and u.role = 'caseworker' and c.ended_at is null`,
    );
    expect(assignments.length).toBe(summary.households.assigned);
    expect(assignments.every((a) => a.same)).toBe(true);
    expect(assignments.length / 300).toBeGreaterThan(0.6);
    const staffed = new Set((await villagesOf(COUNTY)).slice(0, STAFFED_VILLAGES).map((v) => v.code));
    expect(assignments.length).toBe(households.filter((h) => staffed.has(h.regionCode)).length);

    // One audit entry for the run.
    const audit = await db.query<{ after: { created: number; seed: number } }>(
      "select after from audit_event where action = 'demo.generate_households'",
    );
    expect(audit.map((a) => [a.after.created, a.after.seed])).toEqual([[300, 7]]);
    expect((await verifyAuditTrail(db)).problems).toEqual([]);
  });

  it("are what the seed gives, and a second run adds nothing while a larger N adds only the rest", async () => {
    const villages = await villagesOf(COUNTY);
    const expected = generateDemoHouseholds({
      seed: 7,
      countyCode6: "341823",
      villages,
      count: 300,
      referenceDate: "2026-01-01",
    });
    const stored = await db.query<{ householdNumber: string; idNumbers: string[] }>(
      `select h.household_number as "householdNumber", array_agg(m.id_number order by m.position) as "idNumbers"
       from household h join member m on m.household_id = h.id group by h.household_number`,
    );
    const storedByNumber = new Map(stored.map((s) => [s.householdNumber, s.idNumbers]));
    for (const { draft } of expected) {
      expect(storedByNumber.get(draft.householdNumber)).toEqual(draft.members.map((m) => m.idNumber));
    }

    const before = await db.query<{ id: string; version: number }>(
      "select id, version from household order by id",
    );
    const again = await ensureDemoCounty(db, { countyCode: COUNTY, seed: 7, households: 300, today: TODAY });
    expect(again.usersCreated).toEqual([]);
    expect(again.households).toMatchObject({ created: 0, existing: 300 });
    // Another seed does not duplicate them either: the demo index is what counts.
    const otherSeed = await ensureDemoCounty(db, {
      countyCode: COUNTY,
      seed: 8,
      households: 300,
      today: TODAY,
    });
    expect(otherSeed.households).toMatchObject({ created: 0, existing: 300 });
    expect(await count("household")).toBe(300);

    const grown = await ensureDemoCounty(db, { countyCode: COUNTY, seed: 7, households: 320, today: TODAY });
    expect(grown.households).toMatchObject({ created: 20, existing: 300, skipped: 0 });
    expect(await count("household")).toBe(320);
    expect(
      await db.query<{ id: string; version: number }>(
        "select id, version from household where id = any($1::uuid[]) order by id",
        [before.map((b) => b.id)],
      ),
    ).toEqual(before);
    expect(await count("audit_event where action = 'demo.generate_households'")).toBe(2);
    expect((await verifyAuditTrail(db)).problems).toEqual([]);
  });

  it("can come with last year's default monitoring rules and the alerts they raise, once", async () => {
    const swept = await ensureDemoCounty(db, {
      countyCode: COUNTY,
      seed: 7,
      households: 320,
      today: TODAY,
      withMonitoring: true,
    });
    const rules = await db.query<{ year: number; ruleCode: string; line: string | null }>(
      `select year, rule_code as "ruleCode", thresholds ->> 'line' as line from monitoring_rule
       where county_code = $1 and is_enabled order by rule_code`,
      [COUNTY],
    );
    expect(new Set(rules.map((r) => r.year))).toEqual(new Set([2025]));
    expect(rules.map((r) => r.ruleCode)).toContain("income_below_line");
    const line = Number(rules.find((r) => r.ruleCode === "income_below_line")!.line);
    // Counted here from the accounts, apart from the sweep: the households below the line.
    const below = await count(
      `household h join household_income i on i.household_id = h.id and i.year = 2025
       where h.status <> 'removed' and i.per_capita_income < ${line}`,
    );
    expect(below).toBeGreaterThan(0);
    expect(await count("monitoring_alert where status = 'open' and rule_code = 'income_below_line'")).toBe(
      below,
    );
    expect(swept.openAlerts).toBe(await count("monitoring_alert where status = 'open'"));
    const again = await ensureDemoCounty(db, {
      countyCode: COUNTY,
      seed: 7,
      households: 320,
      today: TODAY,
      withMonitoring: true,
    });
    expect(again.openAlerts).toBe(swept.openAlerts);
    expect(await count("monitoring_alert")).toBe(swept.openAlerts);
    expect((await verifyAuditTrail(db)).problems).toEqual([]);
  });

  it("are reproducible, independent of how many are asked for, valid and mostly without findings", () => {
    const villages = Array.from({ length: 40 }, (_, i) => ({
      code: `5111320${String(i + 1).padStart(5, "0")}`,
      name: `第${i + 1}村`,
      townshipName: "黑竹沟镇",
    }));
    const options = { seed: 11, countyCode6: "511132", villages, count: 400, referenceDate: "2026-01-01" };
    const all = generateDemoHouseholds(options);
    expect(generateDemoHouseholds(options)).toEqual(all);
    expect(generateDemoHouseholds({ ...options, count: 50 })).toEqual(all.slice(0, 50));
    expect(generateDemoHouseholds({ ...options, seed: 12, count: 50 })).not.toEqual(all.slice(0, 50));
    const ids = all.flatMap((h) => h.draft.members.map((m) => m.idNumber));
    expect(new Set(ids).size).toBe(ids.length);
    let warned = 0;
    for (const { draft } of all) {
      expect(() => householdDraftSchema.parse(draft)).not.toThrow();
      const findings = checkHousehold(draft, TODAY);
      expect(findings.filter((f) => f.severity === "error")).toEqual([]);
      if (findings.length > 0) warned += 1;
    }
    expect(warned / all.length).toBeGreaterThan(0.02);
    expect(warned / all.length).toBeLessThan(0.2);
    // Ebian is a Yi county: many members are Yi.
    const yi = all.flatMap((h) => h.draft.members).filter((m) => m.ethnicity === "yi").length / ids.length;
    expect(yi).toBeGreaterThan(0.2);
    expect(() => generateDemoHouseholds({ ...options, count: 100_000 })).toThrow(/0–99999/);
  });
});

describe("synthetic people", () => {
  it("are reproducible from the seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const options = { countyCode6: "341823", referenceDate: "2020-01-01" };
    expect(Array.from({ length: 5 }, () => syntheticPerson(a, options))).toEqual(
      Array.from({ length: 5 }, () => syntheticPerson(b, options)),
    );
  });

  it("carry valid ID numbers that agree with their birth date, sex and county", () => {
    const random = createRandom(1);
    for (let i = 0; i < 1000; i += 1) {
      const person = syntheticPerson(random, {
        countyCode6: "511421",
        referenceDate: "2020-01-01",
        minAge: 0,
        maxAge: 95,
      });
      const parsed = parseIdNumber(person.idNumber);
      expect(parsed).toMatchObject({
        ok: true,
        birthDate: person.birthDate,
        sex: person.sex,
        regionCode6: "511421",
      });
      expect(person.phone).toMatch(/^170\d{8}$/);
      expect(person.name.length).toBeGreaterThanOrEqual(2);
    }
  });
});
