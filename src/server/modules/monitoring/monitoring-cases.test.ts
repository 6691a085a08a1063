import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import type { CaseDetail } from "../../../shared/api/monitoring.api.js";
import type { HouseholdDraft } from "../../../shared/household-draft.js";
import { emptyIncome } from "../../../shared/household-income.js";
import {
  CASE_ACTIONS,
  type CaseAction,
  type CaseStage,
  TRANSITIONS,
} from "../../../shared/monitoring-workflow.js";
import { householdDraft, memberDraft } from "../../test/household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  PENGXI_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";

// The identification workflow, measures and risk elimination: every allowed step by the role it
// belongs to, every other step refused from every stage visited, users out of scope refused, and
// a case that cannot close while a measure is open.

const VILLAGE = "341823100001";
const OTHER_VILLAGE = "341823100002";
const TOWNSHIP = "341823100000";

let t: TestApp;
const agents = {} as Record<"administrator" | "township_officer" | "village_cadre" | "caseworker", TestAgent>;
let otherCadre: TestAgent;
let outsider: TestAgent;
let leader: TestAgent;

beforeAll(async () => {
  t = await createTestApp();
  for (const [role, regionCode] of [
    ["administrator", JING_COUNTY],
    ["township_officer", TOWNSHIP],
    ["village_cadre", VILLAGE],
    ["caseworker", VILLAGE],
  ] as const) {
    const user = await createUserFixture(t.db, { role, regionCode });
    agents[role] = await signIn(t.app, user.username);
  }
  otherCadre = await signIn(
    t.app,
    (await createUserFixture(t.db, { role: "village_cadre", regionCode: OTHER_VILLAGE })).username,
  );
  outsider = await signIn(
    t.app,
    (await createUserFixture(t.db, { role: "administrator", regionCode: PENGXI_COUNTY })).username,
  );
  leader = await signIn(
    t.app,
    (await createUserFixture(t.db, { role: "leader", regionCode: JING_COUNTY })).username,
  );
  const sweep = await agents.administrator.request("POST", "/api/monitoring/sweeps", {
    countyCode: JING_COUNTY,
    year: 2020,
  });
  expect(sweep.statusCode).toBe(200);
});
afterAll(() => t.close());

function poorDraft(wage: number, member: Partial<HouseholdDraft["members"][number]> = {}, fields = {}) {
  return householdDraft({
    regionCode: VILLAGE,
    members: [memberDraft({ name: "周一", relation: "head", ...member })],
    income: { ...emptyIncome(2020), wage },
    ...fields,
  });
}

/** A household below the line with its caseworker assigned; returns it and its open alert. */
async function poorHousehold() {
  const admin = agents.administrator;
  const response = await admin.request("POST", "/api/households", { household: poorDraft(3000) });
  expect(response.statusCode, response.body).toBe(200);
  const household = (response.json() as { household: HouseholdDetail }).household;
  const [caseworker] = await t.db.query<{ id: string }>("select id from app_user where role = 'caseworker'");
  const assigned = await admin.request("PUT", `/api/households/${household.id}/caseworkers`, {
    userIds: [caseworker!.id],
  });
  expect(assigned.statusCode).toBe(200);
  const alerts = await admin.request("GET", `/api/monitoring/alerts?householdId=${household.id}&status=open`);
  const alert = (alerts.json() as { rows: { id: string; ruleCode: string }[] }).rows.find(
    (a) => a.ruleCode === "income_below_line",
  )!;
  return { household, alertId: alert.id };
}

async function openFromAlert(agent = agents.village_cadre) {
  const { household, alertId } = await poorHousehold();
  const response = await agent.request("POST", "/api/monitoring/cases", {
    origin: "alert",
    householdId: household.id,
    alertIds: [alertId],
    comment: "收入低于监测线，启动识别",
  });
  expect(response.statusCode, response.body).toBe(200);
  return { household, alertId, case: response.json() as CaseDetail };
}

function bodyOf(action: CaseAction, version: number): Record<string, unknown> {
  const extra: Partial<Record<CaseAction, Record<string, unknown>>> = {
    verify: { visitedOn: "2020-06-01" },
    identify: { monitoringType: "marginal", riskTypes: ["illness", "unstable_employment"] },
  };
  return { action, version, comment: `${action} 意见`, ...extra[action] };
}

const step = (agent: TestAgent, id: string, action: CaseAction, version: number) =>
  agent.request("POST", `/api/monitoring/cases/${id}/steps`, bodyOf(action, version));

/** Every step not allowed from the case's stage is refused (409) and one allowed by a wrong role (403). */
async function expectOnlyAllowed(current: CaseDetail) {
  const allowed = TRANSITIONS[current.stage] ?? {};
  for (const action of CASE_ACTIONS) {
    const transition = allowed[action];
    if (!transition) {
      const refused = await step(agents.administrator, current.id, action, current.version);
      expect(refused.statusCode, `${current.stage} ${action}`).toBe(409);
      expect(refused.json().error.details[0].code).toBe("invalid_transition");
      continue;
    }
    const wrongRoles = (["administrator", "township_officer", "village_cadre", "caseworker"] as const).filter(
      (role) => !transition.roles.includes(role),
    );
    for (const wrong of wrongRoles) {
      const refused = await step(agents[wrong], current.id, action, current.version);
      expect(refused.statusCode, `${current.stage} ${action} by ${wrong}`).toBe(403);
      expect(refused.json().error.details[0].code).toBe("wrong_role");
    }
  }
  const after = await agents.administrator.request("GET", `/api/monitoring/cases/${current.id}`);
  expect((after.json() as CaseDetail).version).toBe(current.version);
}

/** Takes an allowed step and checks where it led. */
async function take(
  current: CaseDetail,
  action: CaseAction,
  role: keyof typeof agents,
  to: CaseStage,
): Promise<CaseDetail> {
  await expectOnlyAllowed(current);
  const response = await step(agents[role], current.id, action, current.version);
  expect(response.statusCode, `${current.stage} ${action} by ${role}: ${response.body}`).toBe(200);
  const next = response.json() as CaseDetail;
  expect(next.stage).toBe(to);
  expect(next.version).toBe(current.version + 1);
  return next;
}

describe("opening a case", () => {
  it("takes the household's open alert into the case; a second case or a used alert is refused", async () => {
    const { household, alertId, case: opened } = await openFromAlert();
    expect(opened).toMatchObject({ stage: "verification", origin: "alert", version: 1 });
    expect(opened.alerts.map((a) => a.id)).toEqual([alertId]);
    expect(opened.stageDueOn).not.toBeNull();
    const [alert] = await t.db.query<{ status: string }>(
      "select status from monitoring_alert where id = $1",
      [alertId],
    );
    expect(alert!.status).toBe("in_case");
    const again = await agents.village_cadre.request("POST", "/api/monitoring/cases", {
      origin: "application",
      householdId: household.id,
      applicantName: "周一",
      statement: "家中有人住院",
      appliedOn: "2020-06-01",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details[0].code).toBe("case_in_progress");
    const other = await poorHousehold();
    const usedAlert = await agents.village_cadre.request("POST", "/api/monitoring/cases", {
      origin: "alert",
      householdId: other.household.id,
      alertIds: [alertId],
    });
    expect(usedAlert.statusCode).toBe(409);
    expect(
      await t.db.query("select 1 from monitoring_case where household_id = $1", [other.household.id]),
    ).toEqual([]);
  });

  it("records a household's application with the applicant's statement, entered by a cadre", async () => {
    const response = await agents.administrator.request("POST", "/api/households", {
      household: poorDraft(9000),
    });
    const household = (response.json() as { household: HouseholdDetail }).household;
    const future = await agents.village_cadre.request("POST", "/api/monitoring/cases", {
      origin: "application",
      householdId: household.id,
      applicantName: "周一",
      statement: "丈夫车祸受伤，无法务工",
      appliedOn: "2999-01-01",
    });
    expect(future.statusCode).toBe(400);
    const applied = await agents.village_cadre.request("POST", "/api/monitoring/cases", {
      origin: "application",
      householdId: household.id,
      applicantName: "周一",
      statement: "丈夫车祸受伤，无法务工",
      appliedOn: "2020-06-01",
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({
      origin: "application",
      applicantName: "周一",
      applicantStatement: "丈夫车祸受伤，无法务工",
      steps: [{ action: "open", toStage: "verification", actorRole: "village_cadre" }],
    });
    const refused = await outsider.request("POST", "/api/monitoring/cases", {
      origin: "application",
      householdId: household.id,
      applicantName: "x",
      statement: "x",
      appliedOn: "2020-06-01",
    });
    expect(refused.statusCode).toBe(403);
    const byLeader = await leader.request("POST", "/api/monitoring/cases", {
      origin: "application",
      householdId: household.id,
      applicantName: "x",
      statement: "x",
      appliedOn: "2020-06-01",
    });
    expect(byLeader.statusCode).toBe(403);
  });
});

describe("the workflow", () => {
  it("goes through every allowed step and refuses every other one, from alert to risk elimination and reopening", async () => {
    const { household, case: opened } = await openFromAlert();
    let c = await take(opened, "verify", "caseworker", "village_review");
    c = await take(c, "return", "village_cadre", "verification");
    c = await take(c, "verify", "village_cadre", "village_review");
    // Another village's cadre, and another county's administrator, are outside the household's region.
    expect((await step(otherCadre, c.id, "approve", c.version)).statusCode).toBe(403);
    expect([403, 404]).toContain((await step(outsider, c.id, "approve", c.version)).statusCode);
    expect((await step(leader, c.id, "approve", c.version)).statusCode).toBe(403);
    expect((await step(agents.village_cadre, c.id, "approve", c.version - 1)).statusCode).toBe(409);
    c = await take(c, "approve", "village_cadre", "township_review");
    c = await take(c, "return", "township_officer", "village_review");
    c = await take(c, "approve", "village_cadre", "township_review");
    c = await take(c, "approve", "township_officer", "county_decision");
    c = await take(c, "return", "administrator", "township_review");
    c = await take(c, "approve", "township_officer", "county_decision");
    c = await take(c, "identify", "administrator", "monitored");
    expect(c).toMatchObject({ monitoringType: "marginal", riskTypes: ["illness", "unstable_employment"] });
    expect(c.identifiedAt).not.toBeNull();

    // Not without measures done, income above the line: every problem named.
    const early = await step(agents.caseworker, c.id, "propose_elimination", c.version);
    expect(early.statusCode).toBe(409);
    const problems = early.json().error.details.map((d: { message: string }) => d.message);
    expect(problems.join("|")).toMatch(/监测线.*\|没有已完成的帮扶措施/);
    const added = await agents.caseworker.request("POST", `/api/monitoring/cases/${c.id}/measures`, {
      kind: "employment",
      content: "推荐到县工业园务工",
      responsible: "县人社局 / 帮扶责任人",
      startsOn: "2020-06-05",
      dueOn: "2020-07-31",
      status: "in_progress",
    });
    expect(added.statusCode, added.body).toBe(200);
    const measure = (added.json() as CaseDetail).measures[0]!;
    expect(measure).toMatchObject({ kind: "employment", status: "in_progress", version: 1, isOverdue: true });
    const member = household.members[0]!;
    const revised = await agents.administrator.request("PUT", `/api/households/${household.id}`, {
      household: poorDraft(
        9000,
        { id: member.id, idNumber: member.idNumber },
        { householdNumber: household.householdNumber },
      ),
      version: household.version,
      reason: "务工收入增加",
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const stillOpen = await step(agents.caseworker, c.id, "propose_elimination", c.version);
    expect(stillOpen.statusCode).toBe(409);
    expect(stillOpen.json().error.details.map((d: { message: string }) => d.message)).toEqual([
      "还有 1 项帮扶措施未完成",
      "没有已完成的帮扶措施",
    ]);
    const done = await agents.caseworker.request(
      "PUT",
      `/api/monitoring/cases/${c.id}/measures/${measure.id}`,
      {
        ...measure,
        id: undefined,
        isOverdue: undefined,
        status: "done",
        outcome: "已稳定务工，月收入3000元",
      },
    );
    expect(done.statusCode, done.body).toBe(200);
    c = done.json() as CaseDetail;

    c = await take(c, "propose_elimination", "caseworker", "elimination_village_review");
    expect(c.steps.at(-1)!.details).toMatchObject({ evidence: { isIncomeAboveLine: true, openMeasures: 0 } });
    // Measures are frozen while elimination is reviewed.
    const frozen = await agents.caseworker.request("POST", `/api/monitoring/cases/${c.id}/measures`, {
      kind: "other",
      content: "x",
      responsible: "x",
      startsOn: "2020-06-05",
      dueOn: "2020-07-31",
      status: "planned",
    });
    expect(frozen.statusCode).toBe(409);
    c = await take(c, "return", "village_cadre", "monitored");
    c = await take(c, "propose_elimination", "village_cadre", "elimination_village_review");
    c = await take(c, "approve", "village_cadre", "elimination_township_review");
    c = await take(c, "return", "township_officer", "elimination_village_review");
    c = await take(c, "approve", "village_cadre", "elimination_township_review");
    c = await take(c, "approve", "township_officer", "elimination_county_decision");
    c = await take(c, "return", "administrator", "monitored");
    c = await take(c, "propose_elimination", "caseworker", "elimination_village_review");
    c = await take(c, "approve", "village_cadre", "elimination_township_review");
    c = await take(c, "approve", "township_officer", "elimination_county_decision");
    c = await take(c, "eliminate", "administrator", "closed");
    expect(c.closedAt).not.toBeNull();
    expect(c.isWatched).toBe(true);
    const inAYear = new Date();
    inAYear.setUTCMonth(inAYear.getUTCMonth() + 12);
    expect(c.watchUntil).toBe(inAYear.toISOString().slice(0, 10));
    c = await take(c, "reopen", "administrator", "monitored");
    expect(c.watchUntil).toBeNull();

    // Every step is on the timeline with who, role and comment, and in the audit trail.
    expect(c.steps.map((s) => s.action)).toEqual([
      "open",
      "verify",
      "return",
      "verify",
      "approve",
      "return",
      "approve",
      "approve",
      "return",
      "approve",
      "identify",
      "propose_elimination",
      "return",
      "propose_elimination",
      "approve",
      "return",
      "approve",
      "approve",
      "return",
      "propose_elimination",
      "approve",
      "approve",
      "eliminate",
      "reopen",
    ]);
    expect(c.steps[1]).toMatchObject({
      actorRole: "caseworker",
      comment: "verify 意见",
      details: { visitedOn: "2020-06-01" },
    });
    const audited = await t.db.query<{ action: string }>(
      "select action from audit_event where entity_id = $1 order by seq",
      [c.id],
    );
    expect(audited.map((a) => a.action)).toEqual([
      "monitoring.case.open",
      ...c.steps.slice(1).map((s) => `monitoring.case.${s.action}`),
    ]);
  });

  it("rejects with a reason at the county, after which nothing more can happen", async () => {
    const { case: opened } = await openFromAlert();
    let c = await take(opened, "verify", "village_cadre", "village_review");
    c = await take(c, "approve", "village_cadre", "township_review");
    c = await take(c, "approve", "township_officer", "county_decision");
    c = await take(c, "reject", "administrator", "rejected");
    expect(c.rejectionReason).toBe("reject 意见");
    await expectOnlyAllowed(c);
    expect(c.allowedActions).toEqual([]);
  });
});

describe("deadlines", () => {
  it("are configurable, flag overdue cases and record steps taken late", async () => {
    const bad = await agents.administrator.request("PUT", "/api/monitoring/settings", {
      countyCode: JING_COUNTY,
      deadlines: {
        verification: 0,
        village_review: 4,
        township_review: 4,
        county_decision: 4,
        elimination_village_review: 5,
        elimination_township_review: 5,
        elimination_county_decision: 5,
      },
      watchMonths: 12,
      version: 0,
    });
    expect(bad.statusCode).toBe(400);
    const saved = await agents.administrator.request("PUT", "/api/monitoring/settings", {
      countyCode: JING_COUNTY,
      deadlines: {
        verification: 2,
        village_review: 4,
        township_review: 4,
        county_decision: 5,
        elimination_village_review: 5,
        elimination_township_review: 5,
        elimination_county_decision: 5,
      },
      watchMonths: 24,
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      (
        await agents.township_officer.request("PUT", "/api/monitoring/settings", {
          ...(saved.json() as Record<string, unknown>),
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    const { case: opened } = await openFromAlert();
    const inTwoDays = new Date();
    inTwoDays.setUTCDate(inTwoDays.getUTCDate() + 2);
    expect(opened.stageDueOn).toBe(inTwoDays.toISOString().slice(0, 10));
    expect(opened.isOverdue).toBe(false);
    await t.db.query("update monitoring_case set stage_due_on = current_date - 1 where id = $1", [opened.id]);
    const overdue = await agents.administrator.request("GET", "/api/monitoring/cases?isOverdue=true");
    expect((overdue.json() as { rows: { id: string }[] }).rows.map((r) => r.id)).toContain(opened.id);
    const verified = await step(agents.caseworker, opened.id, "verify", opened.version);
    expect((verified.json() as CaseDetail).steps.at(-1)!.wasOverdue).toBe(true);
  });

  it("lists cases to those in scope only", async () => {
    const mine = await agents.caseworker.request("GET", "/api/monitoring/cases");
    expect((mine.json() as { total: number }).total).toBeGreaterThan(0);
    const theirs = await otherCadre.request("GET", "/api/monitoring/cases");
    expect((theirs.json() as { total: number }).total).toBe(0);
    const pengxi = await outsider.request("GET", "/api/monitoring/cases");
    expect((pengxi.json() as { total: number }).total).toBe(0);
  });
});

describe("views", () => {
  it("an inbox of cases awaiting the user's role, and a county view that adds up", async () => {
    const { case: opened } = await openFromAlert();
    const village = await step(agents.village_cadre, opened.id, "verify", opened.version);
    expect(village.statusCode).toBe(200);
    const forCadre = await agents.village_cadre.request(
      "GET",
      "/api/monitoring/cases?awaitingMe=true&pageSize=200",
    );
    const cadreRows = (forCadre.json() as { rows: { id: string; stage: string }[] }).rows;
    expect(cadreRows.map((r) => r.id)).toContain(opened.id);
    expect(new Set(cadreRows.map((r) => r.stage)).has("county_decision")).toBe(false);
    const forTownship = await agents.township_officer.request(
      "GET",
      "/api/monitoring/cases?awaitingMe=true&pageSize=200",
    );
    expect((forTownship.json() as { rows: { id: string }[] }).rows.map((r) => r.id)).not.toContain(opened.id);

    const response = await agents.administrator.request("GET", "/api/monitoring/overview");
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json() as {
      byStage: { stage: string; count: number; overdue: number }[];
      byRegion: { regionCode: string; active: number; overdue: number; openAlerts: number }[];
      byType: { monitoringType: string; count: number }[];
      trend: { month: string; opened: number }[];
      openAlerts: number;
    };
    const [counts] = await t.db.query<{ cases: number; overdue: number; alerts: number; active: number }>(
      `select count(*)::int as cases, count(*) filter (where stage_due_on < current_date)::int as overdue,
         count(*) filter (where stage not in ('closed', 'rejected'))::int as active,
         (select count(*)::int from monitoring_alert where status = 'open') as alerts
       from monitoring_case`,
    );
    expect(overview.byStage.reduce((n, r) => n + r.count, 0)).toBe(counts!.cases);
    expect(overview.byStage.reduce((n, r) => n + r.overdue, 0)).toBe(counts!.overdue);
    expect(overview.byRegion).toEqual([
      expect.objectContaining({ regionCode: TOWNSHIP, active: counts!.active, openAlerts: counts!.alerts }),
    ]);
    expect(overview.openAlerts).toBe(counts!.alerts);
    expect(overview.trend).toHaveLength(12);
    expect(overview.trend.at(-1)!.opened).toBe(counts!.cases);
    expect(overview.byType).toEqual([{ monitoringType: "marginal", count: 1, overdue: 0 }]);
    expect((await agents.caseworker.request("GET", "/api/monitoring/overview")).statusCode).toBe(403);
    expect(
      (await outsider.request("GET", `/api/monitoring/overview?regionCode=${JING_COUNTY}`)).statusCode,
    ).toBe(403);
  });
});
