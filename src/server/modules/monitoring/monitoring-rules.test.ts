import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import type { HouseholdDraft, IncomeDraft, MemberDraft } from "../../../shared/household-draft.js";
import { emptyIncome } from "../../../shared/household-income.js";
import { householdDraft, memberDraft } from "../../test/household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";
import { evaluateCounty, evaluateHouseholds } from "./monitoring-evaluate.js";

// Each rule fires on the values it should and not on the values just beside them; alerts are
// deduplicated; re-evaluating households one by one gives exactly what a sweep gives.

let t: TestApp;
let admin: TestAgent;
const YEAR = 2020;

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
  // The first sweep stores the county's default rules for the year (nothing to find yet).
  const sweep = await admin.request("POST", "/api/monitoring/sweeps", {
    countyCode: JING_COUNTY,
    year: YEAR,
  });
  expect(sweep.statusCode).toBe(200);
});
afterAll(() => t.close());

/** A one-person household (easy per-capita arithmetic) with this income, member and fields. */
function soloDraft(
  income: Partial<IncomeDraft>,
  member: Partial<MemberDraft> & { birthDate?: string } = {},
  fields: Partial<HouseholdDraft> = {},
): HouseholdDraft {
  return householdDraft({
    members: [memberDraft({ name: "王一", relation: "head", ...member })],
    income: { ...emptyIncome(YEAR), ...income },
    ...fields,
  });
}

async function register(draft: HouseholdDraft): Promise<HouseholdDetail> {
  const response = await admin.request("POST", "/api/households", { household: draft });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { household: HouseholdDetail }).household;
}

async function revise(id: string, version: number, draft: HouseholdDraft): Promise<HouseholdDetail> {
  const response = await admin.request("PUT", `/api/households/${id}`, {
    household: draft,
    version,
    reason: "核实",
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { household: HouseholdDetail }).household;
}

/** The household's open alerts: rule code → facts. */
async function openAlerts(householdId: string): Promise<Record<string, Record<string, unknown>>> {
  const rows = await t.db.query<{ ruleCode: string; facts: Record<string, unknown> }>(
    `select rule_code as "ruleCode", facts from monitoring_alert where household_id = $1 and status = 'open'`,
    [householdId],
  );
  return Object.fromEntries(rows.map((r) => [r.ruleCode, r.facts]));
}

async function setRule(ruleCode: string, thresholds: Record<string, number | string>, isEnabled = true) {
  const list = await admin.request("GET", `/api/monitoring/rules?countyCode=${JING_COUNTY}&year=${YEAR}`);
  const rule = (
    list.json() as { rules: { code: string; version: number; effectiveFrom: string }[] }
  ).rules.find((r) => r.code === ruleCode)!;
  const response = await admin.request("PUT", `/api/monitoring/rules/${ruleCode}`, {
    countyCode: JING_COUNTY,
    year: YEAR,
    isEnabled,
    thresholds,
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: null,
    version: rule.version,
  });
  expect(response.statusCode, response.body).toBe(200);
}

describe("rules fire on their values and not beside them", () => {
  it("per-capita income below the monitoring line (6,000 yuan in 2020)", async () => {
    const below = await register(soloDraft({ wage: 5999.99 }));
    const at = await register(soloDraft({ wage: 6000 }));
    expect((await openAlerts(below.id)).income_below_line).toEqual({
      year: 2020,
      perCapitaIncome: 5999.99,
      line: 6000,
    });
    expect((await openAlerts(at.id)).income_below_line).toBeUndefined();
  });

  it("income down more than 30% on last year", async () => {
    const ids: Record<string, string> = {};
    for (const [name, now] of [
      ["drop", 6999.99],
      ["exact", 7000],
    ] as const) {
      const first = await register(soloDraft({ year: 2019, wage: 10000 }));
      const second = await revise(
        first.id,
        first.version,
        soloDraft(
          { wage: now },
          { id: first.members[0]!.id, idNumber: first.members[0]!.idNumber },
          { householdNumber: first.householdNumber },
        ),
      );
      ids[name] = second.id;
    }
    expect((await openAlerts(ids.drop!)).income_drop).toMatchObject({
      year: 2020,
      previousYear: 2019,
      perCapitaIncome: 6999.99,
      previousPerCapitaIncome: 10000,
      dropPercent: 30,
      percent: 30,
    });
    expect((await openAlerts(ids.exact!)).income_drop).toBeUndefined();
  });

  it("rigid spending above 100% of last year's net income (recorded beside the income account)", async () => {
    const household = await register(soloDraft({ year: 2019, wage: 20000 }));
    const save = (amount: number, version: number) =>
      admin.request("PUT", `/api/monitoring/households/${household.id}/spending/${YEAR}`, {
        medical: amount,
        disasterLoss: 0,
        other: 0,
        version,
      });
    const first = await save(20000, 0);
    expect(first.statusCode, first.body).toBe(200);
    expect((await openAlerts(household.id)).rigid_spending).toBeUndefined();
    const second = await save(20000.01, 1);
    expect(second.statusCode).toBe(200);
    expect((await openAlerts(household.id)).rigid_spending).toMatchObject({
      spending: 20000.01,
      incomeYear: 2019,
      netIncome: 20000,
      percent: 100,
    });
    // A stale version saves nothing.
    expect((await save(1, 1)).statusCode).toBe(409);
    const listed = await admin.request("GET", `/api/monitoring/households/${household.id}/spending`);
    expect(listed.json()).toEqual({
      rows: [{ year: 2020, medical: "20000.01", disasterLoss: "0.00", other: "0.00", version: 2 }],
    });
  });

  it("a member newly seriously ill or disabled, and not one who already was", async () => {
    const healthy = await register(soloDraft({ wage: 30000 }, { health: "chronic" }));
    const ill = await revise(
      healthy.id,
      healthy.version,
      soloDraft(
        { wage: 30000 },
        { id: healthy.members[0]!.id, idNumber: healthy.members[0]!.idNumber, health: "serious" },
        { householdNumber: healthy.householdNumber },
      ),
    );
    expect((await openAlerts(ill.id)).new_illness_or_disability).toMatchObject({
      baselineVersion: 1,
      members: [{ name: "王一", health: "serious", previousHealth: "chronic" }],
    });
    const already = await register(soloDraft({ wage: 30000 }, { health: "serious" }));
    const resaved = await revise(
      already.id,
      already.version,
      soloDraft(
        { wage: 30000 },
        { id: already.members[0]!.id, idNumber: already.members[0]!.idNumber, health: "serious" },
        { householdNumber: already.householdNumber, address: "改了地址" },
      ),
    );
    expect((await openAlerts(resaved.id)).new_illness_or_disability).toBeUndefined();
    const disabled = await revise(
      already.id,
      resaved.version,
      soloDraft(
        { wage: 30000 },
        {
          id: already.members[0]!.id,
          idNumber: already.members[0]!.idNumber,
          health: "disabled",
          disabilityGrade: "grade2",
        },
        { householdNumber: already.householdNumber },
      ),
    );
    expect((await openAlerts(disabled.id)).new_illness_or_disability).toMatchObject({
      members: [{ health: "disabled", disabilityGrade: "grade2", previousHealth: "serious" }],
    });
  });

  it("only within the window: an illness recorded before it is not new", async () => {
    const first = await register(soloDraft({ wage: 30000 }));
    const member = { id: first.members[0]!.id, idNumber: first.members[0]!.idNumber };
    const v2 = await revise(
      first.id,
      1,
      soloDraft(
        { wage: 30000 },
        { ...member, health: "serious" },
        { householdNumber: first.householdNumber },
      ),
    );
    await revise(
      first.id,
      v2.version,
      soloDraft(
        { wage: 30000 },
        { ...member, health: "serious" },
        { householdNumber: first.householdNumber, address: "三组" },
      ),
    );
    // v1 (healthy) 400 days ago, v2 (ill) 380 days ago, v3 today.
    await t.db.query(
      `update household_version set changed_at = now() - (case version when 1 then 400 else 380 end) * interval '1 day'
       where household_id = $1 and version < 3`,
      [first.id],
    );
    await evaluateHouseholds(t.db, [first.id]);
    expect((await openAlerts(first.id)).new_illness_or_disability).toBeUndefined();
    await setRule("new_illness_or_disability", { withinDays: 390 });
    await evaluateHouseholds(t.db, [first.id]);
    expect((await openAlerts(first.id)).new_illness_or_disability).toMatchObject({ baselineVersion: 1 });
    await setRule("new_illness_or_disability", { withinDays: 365 });
    await evaluateHouseholds(t.db, [first.id]);
    expect(await openAlerts(first.id)).not.toHaveProperty("new_illness_or_disability");
  });

  it("a basic guarantee red fires; yellow only when the level says so", async () => {
    const red = await register(soloDraft({ wage: 30000 }, {}, { dangerousHouseGrade: "c" }));
    const yellow = await register(soloDraft({ wage: 30000 }, {}, { dangerousHouseGrade: "b" }));
    expect((await openAlerts(red.id)).guarantee_at_risk).toEqual({
      level: "red",
      guarantees: { housing: "red" },
    });
    expect((await openAlerts(yellow.id)).guarantee_at_risk).toBeUndefined();
    await setRule("guarantee_at_risk", { level: "yellow" });
    await evaluateHouseholds(t.db, [yellow.id]);
    expect((await openAlerts(yellow.id)).guarantee_at_risk).toEqual({
      level: "yellow",
      guarantees: { housing: "yellow" },
    });
    await setRule("guarantee_at_risk", { level: "red" });
    await evaluateHouseholds(t.db, [yellow.id]);
    expect((await openAlerts(yellow.id)).guarantee_at_risk).toBeUndefined();
  });

  it("a working-age worker without work for 6 months or more", async () => {
    const now = new Date();
    const yearsAgo = (years: number, plusDays = 0) =>
      new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() + plusDays))
        .toISOString()
        .slice(0, 10);
    const cases = {
      sixIdle: { workMonths: 6, birthDate: "1990-01-01" },
      fiveIdle: { workMonths: 7, birthDate: "1990-01-01" },
      // 59 and 60 on the evaluation day.
      aged59: { workMonths: 0, birthDate: yearsAgo(60, 1), workPlace: "none" as const },
      aged60: { workMonths: 0, birthDate: yearsAgo(60), workPlace: "none" as const },
      student: {
        workMonths: 0,
        birthDate: "2005-01-01",
        workPlace: "none" as const,
        schoolingStatus: "senior" as const,
      },
      weak: {
        workMonths: 0,
        birthDate: "1990-01-01",
        workPlace: "none" as const,
        labourAbility: "weak" as const,
      },
    };
    const ids: Record<string, string> = {};
    for (const [name, member] of Object.entries(cases))
      ids[name] = (await register(soloDraft({ wage: 30000 }, member))).id;
    expect((await openAlerts(ids.sixIdle!)).no_work).toMatchObject({
      months: 6,
      members: [{ name: "王一", workMonths: 6, monthsWithoutWork: 6 }],
    });
    expect((await openAlerts(ids.aged59!)).no_work).toMatchObject({ members: [{ age: 59 }] });
    for (const name of ["fiveIdle", "aged60", "student", "weak"]) {
      expect((await openAlerts(ids[name]!)).no_work, name).toBeUndefined();
    }
  });

  it("rules switched off or not in effect raise nothing", async () => {
    await setRule("income_below_line", { line: 6000 }, false);
    const below = await register(soloDraft({ wage: 100 }));
    expect((await openAlerts(below.id)).income_below_line).toBeUndefined();
    await setRule("income_below_line", { line: 6000 }, true);
    await evaluateHouseholds(t.db, [below.id]);
    expect((await openAlerts(below.id)).income_below_line).toMatchObject({ perCapitaIncome: 100 });
  });
});

describe("deduplication and clearing", () => {
  it("never opens a second alert for the same rule and household", async () => {
    const household = await register(soloDraft({ wage: 3000 }));
    await evaluateHouseholds(t.db, [household.id]);
    const sweep = await admin.request("POST", "/api/monitoring/sweeps", {
      countyCode: JING_COUNTY,
      year: YEAR,
    });
    expect(sweep.statusCode).toBe(200);
    const [count] = await t.db.query<{ n: number }>(
      "select count(*)::int as n from monitoring_alert where household_id = $1 and rule_code = 'income_below_line'",
      [household.id],
    );
    expect(count!.n).toBe(1);
    // The database itself refuses a second open alert.
    await expect(
      t.db.query(
        `insert into monitoring_alert (county_code, household_id, rule_code, year, source_key, facts, raised_by)
         values ($1, $2, 'income_below_line', 2020, 'x', '{}', 'sweep')`,
        [JING_COUNTY, household.id],
      ),
    ).rejects.toThrow(/monitoring_alert_open_key|duplicate key/);
  });

  it("refreshes the values of an open alert, clears it when the condition is gone, raises it again when it returns", async () => {
    const first = await register(soloDraft({ wage: 3000 }));
    const member = { id: first.members[0]!.id, idNumber: first.members[0]!.idNumber };
    const again = (wage: number, version: number) =>
      revise(first.id, version, soloDraft({ wage }, member, { householdNumber: first.householdNumber }));
    const v2 = await again(4000, first.version);
    expect((await openAlerts(first.id)).income_below_line).toMatchObject({ perCapitaIncome: 4000 });
    const v3 = await again(8000, v2.version);
    expect((await openAlerts(first.id)).income_below_line).toBeUndefined();
    const [cleared] = await t.db.query<{ status: string }>(
      "select status from monitoring_alert where household_id = $1 and rule_code = 'income_below_line'",
      [first.id],
    );
    expect(cleared!.status).toBe("cleared");
    await again(5000, v3.version);
    expect((await openAlerts(first.id)).income_below_line).toMatchObject({ perCapitaIncome: 5000 });
  });

  it("does not raise an occurrence again once it was checked and dismissed", async () => {
    const household = await register(soloDraft({ wage: 2000 }));
    const [alert] = await t.db.query<{ id: string }>(
      "select id from monitoring_alert where household_id = $1 and rule_code = 'income_below_line' and status = 'open'",
      [household.id],
    );
    const dismissed = await admin.request("POST", `/api/monitoring/alerts/${alert!.id}/dismiss`, {
      reason: "已核实：收入漏报，无返贫风险",
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    await evaluateHouseholds(t.db, [household.id]);
    expect((await openAlerts(household.id)).income_below_line).toBeUndefined();
    const twice = await admin.request("POST", `/api/monitoring/alerts/${alert!.id}/dismiss`, {
      reason: "再次",
    });
    expect(twice.statusCode).toBe(409);
  });
});

describe("sweep and incremental evaluation agree", () => {
  it("gives the same open alerts household by household as one county sweep", async () => {
    const snapshot = async () =>
      t.db.query<{ householdId: string; ruleCode: string; facts: unknown; sourceKey: string }>(
        `select household_id as "householdId", rule_code as "ruleCode", facts, source_key as "sourceKey"
         from monitoring_alert where status = 'open' and rule_code <> 'department_list'
         order by household_id, rule_code`,
      );
    await setRule("guarantee_at_risk", { level: "yellow" });
    const sweep = await admin.request("POST", "/api/monitoring/sweeps", {
      countyCode: JING_COUNTY,
      year: YEAR,
    });
    const swept = await snapshot();
    expect(swept.length).toBeGreaterThan(10);
    expect(sweep.statusCode).toBe(200);
    // Open alerts forgotten; the dismissed and cleared ones stay, as both ways read them.
    await t.db.query("delete from monitoring_alert where status = 'open'");
    const ids = await t.db.query<{ id: string }>("select id from household where county_code = $1", [
      JING_COUNTY,
    ]);
    for (const { id } of ids) await evaluateHouseholds(t.db, [id]);
    expect(await snapshot()).toEqual(swept);
    await setRule("guarantee_at_risk", { level: "red" });
  });

  it("compares on a fingerprint, the facts as jsonb prints them: nothing changed, nothing written", async () => {
    await t.db.transaction((tx) => evaluateCounty(tx, JING_COUNTY));
    const [differing] = await t.db.query<{ n: number; open: number }>(
      `select count(*) filter (where fingerprint is distinct from facts::text)::int as n, count(*)::int as open
       from monitoring_alert where status = 'open' and rule_code <> 'department_list'`,
    );
    expect(differing!.open).toBeGreaterThan(10);
    expect(differing!.n).toBe(0);
    const again = await t.db.transaction((tx) => evaluateCounty(tx, JING_COUNTY));
    expect(again).toMatchObject({ raised: 0, refreshed: 0, cleared: 0 });
    // An alert without a fingerprint (written before it existed) is refreshed once.
    await t.db.query(
      `update monitoring_alert set fingerprint = null
       where id = (select id from monitoring_alert where status = 'open' and rule_code = 'income_below_line' limit 1)`,
    );
    const refreshed = await t.db.transaction((tx) => evaluateCounty(tx, JING_COUNTY));
    expect(refreshed).toMatchObject({ raised: 0, refreshed: 1, cleared: 0 });
  });
});
