import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MonitoringRuleView } from "../../../shared/api/monitoring.api.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  PENGXI_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";

// Rule configuration per county and year: defaults, ranges, switches, effective dates, who may.

let t: TestApp;
let admin: TestAgent;
const RULES_2020 = `/api/monitoring/rules?countyCode=${JING_COUNTY}&year=2020`;

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
});
afterAll(() => t.close());

async function rules(agent = admin, url = RULES_2020): Promise<MonitoringRuleView[]> {
  const response = await agent.request("GET", url);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { rules: MonitoringRuleView[] }).rules;
}

const save = (ruleCode: string, body: Record<string, unknown>, agent = admin) =>
  agent.request("PUT", `/api/monitoring/rules/${ruleCode}`, {
    countyCode: JING_COUNTY,
    year: 2020,
    isEnabled: true,
    effectiveFrom: "2020-01-01",
    effectiveTo: null,
    version: 0,
    ...body,
  });

describe("monitoring rule configuration", () => {
  it("offers the whole catalogue with defaults: the 6,000-yuan line for 2020, rules without data marked", async () => {
    const list = await rules();
    expect(list.map((r) => r.code)).toContain("overdue_microloan");
    const line = list.find((r) => r.code === "income_below_line")!;
    expect(line).toMatchObject({
      thresholds: { line: 6000 },
      isEnabled: true,
      version: 0,
      isEvaluable: true,
    });
    for (const code of ["unsold_produce", "overdue_microloan"]) {
      const rule = list.find((r) => r.code === code)!;
      expect(rule.isEvaluable, code).toBe(false);
      expect(rule.pendingModule, code).not.toBeNull();
      expect(rule.isEnabled, code).toBe(false);
    }
    const later = await rules(admin, `/api/monitoring/rules?countyCode=${JING_COUNTY}&year=2023`);
    expect(later.find((r) => r.code === "income_below_line")!.thresholds).toEqual({ line: 7000 });
  });

  it("saves thresholds within range and refuses those outside it, naming the field; nothing half-written", async () => {
    const tooHigh = await save("income_below_line", { thresholds: { line: 50_000.01 } });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.details[0].path).toBe("body.thresholds.line");
    const unknown = await save("income_drop", { thresholds: { percent: 30, bogus: 1 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].message).toContain("bogus");
    const notWhole = await save("no_work", { thresholds: { months: 6.5 } });
    expect(notWhole.statusCode).toBe(400);
    const backwards = await save("income_drop", {
      thresholds: { percent: 30 },
      effectiveFrom: "2020-06-01",
      effectiveTo: "2020-05-31",
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].path).toBe("body.effectiveTo");
    expect(await t.db.query("select 1 from monitoring_rule")).toEqual([]);

    const ok = await save("income_below_line", { thresholds: { line: 50_000 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ thresholds: { line: 50_000 }, version: 1 });
    const edge = await save("income_drop", { thresholds: { percent: 5 } });
    expect(edge.statusCode).toBe(200);
    const audit = await t.db.query<{ action: string }>(
      "select action from audit_event where action = 'monitoring.rule.save'",
    );
    expect(audit).toHaveLength(2);
  });

  it("is version-checked, switches rules off and keeps effective dates", async () => {
    const stale = await save("income_below_line", { thresholds: { line: 6000 }, version: 0 });
    expect(stale.statusCode).toBe(409);
    const off = await save("income_below_line", {
      thresholds: { line: 6000 },
      isEnabled: false,
      effectiveFrom: "2020-03-01",
      effectiveTo: "2021-02-28",
      version: 1,
    });
    expect(off.statusCode, off.body).toBe(200);
    const rule = (await rules()).find((r) => r.code === "income_below_line")!;
    expect(rule).toMatchObject({
      isEnabled: false,
      effectiveFrom: "2020-03-01",
      effectiveTo: "2021-02-28",
      version: 2,
    });
  });

  it("lets only the county's administrator configure; others in the county may read", async () => {
    const officer = await createUserFixture(t.db, { role: "township_officer", regionCode: "341823100000" });
    const agent = await signIn(t.app, officer.username);
    expect((await rules(agent)).length).toBeGreaterThan(5);
    expect((await save("income_drop", { thresholds: { percent: 40 }, version: 1 }, agent)).statusCode).toBe(
      403,
    );
    const pengxi = await createUserFixture(t.db, { role: "administrator", regionCode: PENGXI_COUNTY });
    const outsider = await signIn(t.app, pengxi.username);
    expect((await outsider.request("GET", RULES_2020)).statusCode).toBe(403);
    expect(
      (await save("income_drop", { thresholds: { percent: 40 }, version: 1 }, outsider)).statusCode,
    ).toBe(403);
    const notCounty = await admin.request("GET", "/api/monitoring/rules?countyCode=341823100000&year=2020");
    expect(notCounty.statusCode).toBe(400);
  });

  it("a sweep stores the defaults it lacks, evaluates what it can and names the rules it cannot", async () => {
    const onLoan = await save("overdue_microloan", {
      thresholds: { overdueDays: 60 },
      year: 2021,
      effectiveFrom: "2021-01-01",
    });
    expect(onLoan.statusCode, onLoan.body).toBe(200);
    const sweep = await admin.request("POST", "/api/monitoring/sweeps", {
      countyCode: JING_COUNTY,
      year: 2021,
    });
    expect(sweep.statusCode, sweep.body).toBe(200);
    const result = sweep.json() as {
      evaluatedRules: string[];
      skippedRules: { code: string; reason: string }[];
    };
    expect(result.evaluatedRules).toContain("income_drop");
    expect(result.skippedRules).toEqual([
      { code: "overdue_microloan", reason: expect.stringContaining("小额信贷") },
    ]);
    const stored = await t.db.query("select 1 from monitoring_rule where county_code = $1 and year = 2021", [
      JING_COUNTY,
    ]);
    expect(stored).toHaveLength(10);
    const officer = await createUserFixture(t.db, { role: "village_cadre", regionCode: "341823100001" });
    const cadre = await signIn(t.app, officer.username);
    expect(
      (await cadre.request("POST", "/api/monitoring/sweeps", { countyCode: JING_COUNTY })).statusCode,
    ).toBe(403);
  });
});
