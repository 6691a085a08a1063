import { afterAll, beforeAll, expect } from "vitest";
import type { HouseholdDetail } from "../../shared/api/households.api.js";
import type { CaseDetail } from "../../shared/api/monitoring-cases.api.js";
import type { HouseholdDraft } from "../../shared/household-draft.js";
import { emptyIncome } from "../../shared/household-income.js";
import {
  CASE_ACTIONS,
  type CaseAction,
  type CaseStage,
  TRANSITIONS,
} from "../../shared/monitoring-workflow.js";
import { householdDraft, memberDraft } from "./household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  PENGXI_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "./test-app.js";

// What the monitoring-case tests share: one app per test file (setUpCases registers it), users of
// every role in one village's line, users outside it, and helpers that open cases and take steps,
// checking at every stage that each other step is refused with its own error code.

export const VILLAGE = "341823100001";
export const OTHER_VILLAGE = "341823100002";
export const TOWNSHIP = "341823100000";

export let t: TestApp;
export const agents = {} as Record<
  "administrator" | "township_officer" | "village_cadre" | "caseworker",
  TestAgent
>;
export let otherCadre: TestAgent;
export let outsider: TestAgent;
export let leader: TestAgent;

/** Registers the file's app and users (call once at the top of a test file). */
export function setUpCases(): void {
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
}

export function poorDraft(
  wage: number,
  member: Partial<HouseholdDraft["members"][number]> = {},
  fields = {},
) {
  return householdDraft({
    regionCode: VILLAGE,
    members: [memberDraft({ name: "周一", relation: "head", ...member })],
    income: { ...emptyIncome(2020), wage },
    ...fields,
  });
}

/** A household below the line with its caseworker assigned; returns it and its open alert. */
export async function poorHousehold() {
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

export async function openFromAlert(agent = agents.village_cadre) {
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

export function bodyOf(action: CaseAction, version: number): Record<string, unknown> {
  const extra: Partial<Record<CaseAction, Record<string, unknown>>> = {
    verify: { visitedOn: "2020-06-01" },
    identify: { monitoringType: "marginal", riskTypes: ["illness", "unstable_employment"] },
  };
  return { action, version, comment: `${action} 意见`, ...extra[action] };
}

export const step = (agent: TestAgent, id: string, action: CaseAction, version: number) =>
  agent.request("POST", `/api/monitoring/cases/${id}/steps`, bodyOf(action, version));

/** Every step not allowed from the case's stage is refused (409) and one allowed by a wrong role (403). */
export async function expectOnlyAllowed(current: CaseDetail) {
  const allowed = TRANSITIONS[current.stage] ?? {};
  for (const action of CASE_ACTIONS) {
    const transition = allowed[action];
    if (!transition) {
      const refused = await step(agents.administrator, current.id, action, current.version);
      expect(refused.statusCode, `${current.stage} ${action}`).toBe(409);
      expect(refused.json().error.code).toBe("MONITORING_STEP_OUT_OF_TURN");
      expect(refused.json().error.details[0].code).toBe("invalid_transition");
      continue;
    }
    const wrongRoles = (["administrator", "township_officer", "village_cadre", "caseworker"] as const).filter(
      (role) => !transition.roles.includes(role),
    );
    for (const wrong of wrongRoles) {
      const refused = await step(agents[wrong], current.id, action, current.version);
      expect(refused.statusCode, `${current.stage} ${action} by ${wrong}`).toBe(403);
      expect(refused.json().error.code).toBe("MONITORING_STEP_WRONG_ROLE");
      expect(refused.json().error.details[0].code).toBe("wrong_role");
    }
  }
  const after = await agents.administrator.request("GET", `/api/monitoring/cases/${current.id}`);
  expect((after.json() as CaseDetail).version).toBe(current.version);
}

/** Takes an allowed step and checks where it led. */
export async function take(
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
