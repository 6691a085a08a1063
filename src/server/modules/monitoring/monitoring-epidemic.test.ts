import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDetail } from "../../../shared/api/households.api.js";
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

// The epidemic rule (疫情期间隔离或失业致收入减少): a member isolated or quarantined during the
// monitoring year, as found on visits, and per-capita income down at least the configured percent
// on the year before. It fires on the values it should and not on the values just beside them.

let t: TestApp;
let admin: TestAgent;
const YEAR = 2020;

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
  // The first sweep stores the county's default rules for the year: incomeLossPercent 20.
  const sweep = await admin.request("POST", "/api/monitoring/sweeps", {
    countyCode: JING_COUNTY,
    year: YEAR,
  });
  expect(sweep.statusCode, sweep.body).toBe(200);
  expect(sweep.json().evaluatedRules).toContain("epidemic_isolation");
});
afterAll(() => t.close());

/** A one-person household earning 10,000 yuan in 2019 and `wage` in 2020. */
async function household(wage: number): Promise<HouseholdDetail> {
  const draft = (year: number, amount: number, member = {}, fields = {}) =>
    householdDraft({
      members: [memberDraft({ name: "李四", relation: "head", ...member })],
      income: { ...emptyIncome(year), year, wage: amount },
      ...fields,
    });
  const created = await admin.request("POST", "/api/households", { household: draft(2019, 10000) });
  expect(created.statusCode, created.body).toBe(200);
  const first = (created.json() as { household: HouseholdDetail }).household;
  const revised = await admin.request("PUT", `/api/households/${first.id}`, {
    household: draft(
      YEAR,
      wage,
      { id: first.members[0]!.id, idNumber: first.members[0]!.idNumber },
      { householdNumber: first.householdNumber },
    ),
    version: first.version,
    reason: "年度收入",
  });
  expect(revised.statusCode, revised.body).toBe(200);
  return (revised.json() as { household: HouseholdDetail }).household;
}

/** Records a visit finding the household's member in this epidemic status, then re-evaluates. */
async function visit(
  detail: HouseholdDetail,
  status: "none" | "home_isolation" | "central_quarantine" | "released",
  visitedOn: string,
  since: string | null = null,
  until: string | null = null,
): Promise<void> {
  const response = await admin.request("POST", "/api/visits", {
    id: randomUUID(),
    householdId: detail.id,
    kind: "on_site",
    visitedOn,
    metWith: "户主",
    memberStatuses: [{ memberId: detail.members[0]!.id, status, since, until }],
    recordedAt: new Date().toISOString(),
  });
  expect(response.statusCode, response.body).toBe(200);
  await evaluateHouseholds(t.db, [detail.id]);
}

async function epidemicAlert(householdId: string): Promise<Record<string, unknown> | undefined> {
  const rows = await t.db.query<{ facts: Record<string, unknown>; sourceKey: string }>(
    `select facts, source_key as "sourceKey" from monitoring_alert
     where household_id = $1 and rule_code = 'epidemic_isolation' and status = 'open'`,
    [householdId],
  );
  return rows[0]?.facts;
}

async function setLoss(incomeLossPercent: number) {
  const list = await admin.request("GET", `/api/monitoring/rules?countyCode=${JING_COUNTY}&year=${YEAR}`);
  const rule = (
    list.json() as { rules: { code: string; version: number; effectiveFrom: string }[] }
  ).rules.find((r) => r.code === "epidemic_isolation")!;
  const response = await admin.request("PUT", "/api/monitoring/rules/epidemic_isolation", {
    countyCode: JING_COUNTY,
    year: YEAR,
    isEnabled: true,
    thresholds: { incomeLossPercent },
    effectiveFrom: rule.effectiveFrom,
    effectiveTo: null,
    version: rule.version,
  });
  expect(response.statusCode, response.body).toBe(200);
}

describe("epidemic isolation with income loss", () => {
  it("fires when isolated in the year and income is down by the threshold, not just under it", async () => {
    const down20 = await household(8000);
    const down19 = await household(8000.01);
    await visit(down20, "home_isolation", "2020-02-10", "2020-02-01", "2020-02-15");
    await visit(down19, "home_isolation", "2020-02-10", "2020-02-01", "2020-02-15");
    expect(await epidemicAlert(down20.id)).toEqual({
      year: 2020,
      perCapitaIncome: 8000,
      previousYear: 2019,
      previousPerCapitaIncome: 10000,
      lossPercent: 20,
      incomeLossPercent: 20,
      members: [
        {
          memberId: down20.members[0]!.id,
          name: "李四",
          status: "home_isolation",
          since: "2020-02-01",
          until: "2020-02-15",
          visitedOn: "2020-02-10",
        },
      ],
      jobLoss: [],
    });
    const [alert] = await t.db.query<{ sourceKey: string }>(
      `select source_key as "sourceKey" from monitoring_alert where household_id = $1 and rule_code = 'epidemic_isolation'`,
      [down20.id],
    );
    expect(alert!.sourceKey).toBe(`2020:${down20.members[0]!.id}`);
    expect(await epidemicAlert(down19.id)).toBeUndefined();

    // The threshold is the county's: at 19% the household just beside fires too.
    await setLoss(19);
    await evaluateHouseholds(t.db, [down19.id]);
    expect(await epidemicAlert(down19.id)).toMatchObject({ lossPercent: 20, incomeLossPercent: 19 });
    await setLoss(20);
    await evaluateHouseholds(t.db, [down19.id]);
    expect(await epidemicAlert(down19.id)).toBeUndefined();
  });

  it("counts an isolation overlapping the year, not one released before it or begun after it", async () => {
    const releasedBefore = await household(5000);
    await visit(releasedBefore, "released", "2020-01-05", "2019-11-01", "2019-12-31");
    const releasedOnNewYear = await household(5000);
    await visit(releasedOnNewYear, "released", "2020-01-05", "2019-11-01", "2020-01-01");
    const beganAfter = await household(5000);
    await visit(beganAfter, "central_quarantine", "2021-01-03", "2021-01-01");
    const beganLastDay = await household(5000);
    await visit(beganLastDay, "central_quarantine", "2021-01-03", "2020-12-31");
    // No dates: isolated on the day of the visit.
    const undated = await household(5000);
    await visit(undated, "central_quarantine", "2020-06-01");
    expect(await epidemicAlert(releasedBefore.id)).toBeUndefined();
    expect(await epidemicAlert(releasedOnNewYear.id)).toMatchObject({
      members: [{ status: "released", until: "2020-01-01" }],
    });
    expect(await epidemicAlert(beganAfter.id)).toBeUndefined();
    expect(await epidemicAlert(beganLastDay.id)).toMatchObject({
      members: [{ status: "central_quarantine", since: "2020-12-31", until: null }],
    });
    expect(await epidemicAlert(undated.id)).toMatchObject({
      members: [{ status: "central_quarantine", since: null, until: null, visitedOn: "2020-06-01" }],
    });
  });

  it("does not fire without a visit, or when the visit found no isolation", async () => {
    const noVisit = await household(1000);
    await evaluateHouseholds(t.db, [noVisit.id]);
    expect(await epidemicAlert(noVisit.id)).toBeUndefined();
    const notIsolated = await household(1000);
    await visit(notIsolated, "none", "2020-03-01");
    expect(await epidemicAlert(notIsolated.id)).toBeUndefined();
    // A later visit finding the member well does not undo an isolation earlier in the year.
    const isolatedThenWell = await household(1000);
    await visit(isolatedThenWell, "home_isolation", "2020-03-01", "2020-02-20");
    await visit(isolatedThenWell, "none", "2020-05-01");
    expect(await epidemicAlert(isolatedThenWell.id)).toMatchObject({
      members: [{ status: "home_isolation", visitedOn: "2020-03-01" }],
    });
  });

  it("is cleared when the income is revised up, and the county sweep agrees with the households", async () => {
    const detail = await household(6000);
    await visit(detail, "home_isolation", "2020-04-01", "2020-03-20", "2020-04-03");
    expect(await epidemicAlert(detail.id)).toMatchObject({ lossPercent: 40 });
    const revised = await admin.request("PUT", `/api/households/${detail.id}`, {
      household: householdDraft({
        householdNumber: detail.householdNumber,
        members: [
          memberDraft({
            id: detail.members[0]!.id,
            idNumber: detail.members[0]!.idNumber,
            name: "李四",
            relation: "head",
          }),
        ],
        income: { ...emptyIncome(YEAR), wage: 9000 },
      }),
      version: detail.version,
      reason: "收入核实",
    });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(await epidemicAlert(detail.id)).toBeUndefined();

    const open = () =>
      t.db.query<{ householdId: string; facts: unknown }>(
        `select household_id as "householdId", facts from monitoring_alert
         where status = 'open' and rule_code = 'epidemic_isolation' order by household_id`,
      );
    const byHousehold = await open();
    expect(byHousehold.length).toBe(5);
    await t.db.query(
      "delete from monitoring_alert where rule_code = 'epidemic_isolation' and status = 'open'",
    );
    const counts = await t.db.transaction((tx) => evaluateCounty(tx, JING_COUNTY));
    expect(counts.raised).toBe(5);
    expect(await open()).toEqual(byHousehold);
  });
});

describe("work lost during the epidemic with income loss", () => {
  /** Records a visit finding a job problem (务工就业), nobody isolated, then re-evaluates. */
  async function jobVisit(detail: HouseholdDetail, visitedOn: string): Promise<void> {
    const response = await admin.request("POST", "/api/visits", {
      id: randomUUID(),
      householdId: detail.id,
      kind: "phone",
      visitedOn,
      metWith: "户主",
      problems: [{ kind: "job", note: "返乡后无法外出务工" }],
      recordedAt: new Date().toISOString(),
    });
    expect(response.statusCode, response.body).toBe(200);
    await evaluateHouseholds(t.db, [detail.id]);
  }

  it("fires on a job problem found in the year with the income loss, not without the loss or in another year", async () => {
    await setLoss(20);
    const lost = await household(7000);
    const kept = await household(9000);
    const lastYear = await household(7000);
    await jobVisit(lost, "2020-03-02");
    await jobVisit(kept, "2020-03-02");
    await jobVisit(lastYear, "2019-12-31");
    const facts = await epidemicAlert(lost.id);
    expect(facts).toMatchObject({
      lossPercent: 30,
      members: [],
      jobLoss: [{ visitedOn: "2020-03-02", note: "返乡后无法外出务工" }],
    });
    expect(await epidemicAlert(kept.id)).toBeUndefined();
    expect(await epidemicAlert(lastYear.id)).toBeUndefined();
  });
});
