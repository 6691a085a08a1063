import { describe, expect, it } from "vitest";
import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import type { CaseDetail } from "../../../shared/api/monitoring-cases.api.js";
import {
  agents,
  expectOnlyAllowed,
  leader,
  openFromAlert,
  otherCadre,
  outsider,
  poorDraft,
  poorHousehold,
  setUpCases,
  step,
  t,
  take,
} from "../../test/monitoring-case-fixture.js";

// The identification workflow, measures and risk elimination: every allowed step by the role it
// belongs to, every other step refused from every stage visited (with its own error code), users
// out of scope refused, and a case that cannot close while a measure is open.

setUpCases();

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
    expect(again.json().error.code).toBe("MONITORING_CASE_IN_PROGRESS");
    expect(again.json().error.details[0].code).toBe("case_in_progress");
    const other = await poorHousehold();
    const usedAlert = await agents.village_cadre.request("POST", "/api/monitoring/cases", {
      origin: "alert",
      householdId: other.household.id,
      alertIds: [alertId],
    });
    expect(usedAlert.statusCode).toBe(409);
    expect(usedAlert.json().error.code).toBe("MONITORING_ALERT_NOT_OPEN");
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
    expect(early.json().error.code).toBe("MONITORING_ELIMINATION_NOT_READY");
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
    // The close rule: no elimination while a measure is open, with its own code.
    expect(stillOpen.json().error.code).toBe("MONITORING_CASE_HAS_OPEN_MEASURES");
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
    expect(frozen.json().error.code).toBe("MONITORING_CASE_NOT_MONITORED");
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
      "select action from audit_event where entity_id = $1 order by id",
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
