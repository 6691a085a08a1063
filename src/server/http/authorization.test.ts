import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allEndpoints } from "../../shared/api/index.js";
import type { Endpoint } from "../../shared/endpoint.js";
import { householdDraft } from "../test/household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  PENGXI_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../test/test-app.js";

// Every endpoint, called by an administrator of Pengxi against records of Jing County.
// A new endpoint without a case here fails the completeness test below.
let t: TestApp;
let outsider: TestAgent;
let jingUserId: string;
let jingHousehold: { id: string; memberId: string; draft: ReturnType<typeof householdDraft> };
let jingImportId: string;
let jingBriefingId: string;
let jingAlertId: string;
let jingListId: string;
let jingCase: { id: string; measureId: string };
let jingVisit: { id: string; pendingChangeId: string; difficultyId: string; campaignId: string };
const JING_TOWNSHIP = "341823100000";
const JING_VILLAGE = "341823100001";

const PUBLIC = new Set(["GET /api/health", "POST /api/session", "DELETE /api/session"]);
// Endpoints about the caller's own session: they touch nothing of another region.
const OWN_SESSION = new Set(["GET /api/session", "POST /api/session/password"]);
// Endpoints that hold nothing of any region (the empty import template).
const REGIONLESS = new Set(["GET /api/roster/template"]);

type Case = { url: () => string; body?: () => unknown; expectEmpty?: (json: unknown) => void };
const CASES: Record<string, Case> = {
  "GET /api/regions/:code": { url: () => `/api/regions/${JING_COUNTY}` },
  "GET /api/regions": {
    url: () => `/api/regions?q=${encodeURIComponent("泾")}`,
    expectEmpty: (json) => expect((json as { rows: unknown[] }).rows).toEqual([]),
  },
  "POST /api/regions": {
    url: () => "/api/regions",
    body: () => ({ parentCode: JING_TOWNSHIP, code: "341823100901", name: "越权村" }),
  },
  "PATCH /api/regions/:code": {
    url: () => `/api/regions/${JING_VILLAGE}`,
    body: () => ({ name: "越权", version: 1 }),
  },
  "GET /api/dashboard": { url: () => `/api/dashboard?regionCode=${JING_COUNTY}` },
  "GET /api/dashboard/export": {
    url: () => `/api/dashboard/export?regionCode=${JING_COUNTY}&table=children`,
  },
  "GET /api/briefings": {
    url: () => "/api/briefings",
    expectEmpty: (json) => expect((json as { rows: unknown[] }).rows).toEqual([]),
  },
  "POST /api/briefings": {
    url: () => "/api/briefings",
    body: () => ({
      regionCode: JING_COUNTY,
      title: "越权简报",
      periodStart: "2020-03-01",
      periodEnd: "2020-03-31",
      sections: ["registry"],
    }),
  },
  "GET /api/briefings/:id": { url: () => `/api/briefings/${jingBriefingId}` },
  "PUT /api/briefings/:id": {
    url: () => `/api/briefings/${jingBriefingId}`,
    body: () => ({ title: "越权", sections: [{ key: "registry", heading: "改", text: "改" }], version: 1 }),
  },
  "POST /api/briefings/:id/issue": {
    url: () => `/api/briefings/${jingBriefingId}/issue`,
    body: () => ({ issuedOn: "2020-04-01", issuingOffice: "越权", distribution: "越权", version: 1 }),
  },
  "GET /api/briefings/:id/pdf": { url: () => `/api/briefings/${jingBriefingId}/pdf` },
  "GET /api/briefings/:id/docx": { url: () => `/api/briefings/${jingBriefingId}/docx` },
  "GET /api/users": { url: () => `/api/users?regionCode=${JING_COUNTY}` },
  "GET /api/users/:id": { url: () => `/api/users/${jingUserId}` },
  "POST /api/users": {
    url: () => "/api/users",
    body: () => ({ username: "intruder", displayName: "越权", role: "caseworker", regionCode: JING_VILLAGE }),
  },
  "PATCH /api/users/:id": {
    url: () => `/api/users/${jingUserId}`,
    body: () => ({ displayName: "越权", version: 1 }),
  },
  "PUT /api/users/:id/disabled": {
    url: () => `/api/users/${jingUserId}/disabled`,
    body: () => ({ isDisabled: true, version: 1 }),
  },
  "POST /api/users/:id/password-reset": { url: () => `/api/users/${jingUserId}/password-reset` },
  "GET /api/households": {
    url: () => `/api/households?q=${encodeURIComponent(jingHousehold.draft.householdNumber)}`,
    expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
  },
  "GET /api/households/:id": { url: () => `/api/households/${jingHousehold.id}` },
  "POST /api/households": {
    url: () => "/api/households",
    body: () => ({ household: householdDraft() }),
  },
  "PUT /api/households/:id": {
    url: () => `/api/households/${jingHousehold.id}`,
    body: () => ({ household: { ...jingHousehold.draft, address: "越权" }, version: 1, reason: "越权" }),
  },
  "GET /api/households/:id/versions": { url: () => `/api/households/${jingHousehold.id}/versions` },
  "GET /api/households/:id/versions/:version": {
    url: () => `/api/households/${jingHousehold.id}/versions/1`,
  },
  "POST /api/households/:id/reveal": {
    url: () => `/api/households/${jingHousehold.id}/reveal`,
    body: () => ({ field: "idNumber", memberId: jingHousehold.memberId }),
  },
  "GET /api/households/:id/caseworkers": { url: () => `/api/households/${jingHousehold.id}/caseworkers` },
  "PUT /api/households/:id/caseworkers": {
    url: () => `/api/households/${jingHousehold.id}/caseworkers`,
    body: () => ({ userIds: [] }),
  },
  "POST /api/households/:id/members/:memberId/move": {
    url: () => `/api/households/${jingHousehold.id}/members/${jingHousehold.memberId}/move`,
    body: () => ({
      version: 1,
      target: { newHouseholdNumber: "999999" },
      relation: "head",
      newHeadMemberId: jingHousehold.memberId,
      reason: "越权",
    }),
  },
  "GET /api/caseworkers": {
    url: () => `/api/caseworkers?ids=${jingUserId}`,
    expectEmpty: (json) => expect((json as { rows: unknown[] }).rows).toEqual([]),
  },
  "POST /api/caseworkers/:id/handover": {
    url: () => `/api/caseworkers/${jingUserId}/handover`,
    body: () => ({ toUserId: jingUserId, reason: "越权" }),
  },
  "POST /api/roster/imports": {
    url: () => `/api/roster/imports?fileName=x.csv&countyCode=${JING_COUNTY}`,
    body: () => ({}),
  },
  "GET /api/roster/imports": {
    url: () => "/api/roster/imports",
    expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
  },
  "GET /api/roster/imports/:id": { url: () => `/api/roster/imports/${jingImportId}` },
  "POST /api/roster/imports/:id/commit": {
    url: () => `/api/roster/imports/${jingImportId}/commit`,
    body: () => ({ isOnlyValid: true }),
  },
  "GET /api/roster/imports/:id/error-report": {
    url: () => `/api/roster/imports/${jingImportId}/error-report`,
  },
  "GET /api/roster/export": { url: () => `/api/roster/export?regionCode=${JING_VILLAGE}` },
  "POST /api/visits": {
    url: () => "/api/visits",
    body: () => ({
      id: "7d3c1b52-3c55-4f0e-9a51-0d6a0f5d2c11",
      householdId: jingHousehold.id,
      kind: "phone",
      visitedOn: "2020-02-10",
      metWith: "越权",
      recordedAt: "2020-02-10T10:00:00+08:00",
    }),
  },
  "GET /api/visits": {
    url: () => `/api/visits?householdId=${jingHousehold.id}`,
    expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
  },
  "GET /api/my-households": {
    url: () => "/api/my-households",
    expectEmpty: (json) => expect((json as { households: unknown[] }).households).toEqual([]),
  },
  "GET /api/visits/:id": { url: () => `/api/visits/${jingVisit.id}` },
  "GET /api/visits/:id/photos/:position": { url: () => `/api/visits/${jingVisit.id}/photos/0` },
  "GET /api/visit-indicators/:countyCode": { url: () => `/api/visit-indicators/${JING_COUNTY}` },
  "PUT /api/visit-indicators/:countyCode": {
    url: () => `/api/visit-indicators/${JING_COUNTY}`,
    body: () => ({ indicators: [{ code: "x", zh: "越权", en: "x" }], version: 0 }),
  },
  "GET /api/pending-changes": {
    url: () => "/api/pending-changes",
    expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
  },
  "GET /api/pending-changes/:id": { url: () => `/api/pending-changes/${jingVisit.pendingChangeId}` },
  "POST /api/pending-changes/:id/resolve": {
    url: () => `/api/pending-changes/${jingVisit.pendingChangeId}/resolve`,
    body: () => ({ decision: "apply", version: 1 }),
  },
  "GET /api/monitoring/rules": { url: () => `/api/monitoring/rules?countyCode=${JING_COUNTY}&year=2020` },
  "PUT /api/monitoring/rules/:ruleCode": {
    url: () => "/api/monitoring/rules/income_below_line",
    body: () => ({
      countyCode: JING_COUNTY,
      year: 2020,
      isEnabled: false,
      thresholds: { line: 1000 },
      effectiveFrom: "2020-01-01",
      effectiveTo: null,
      version: 0,
    }),
  },
  "POST /api/monitoring/sweeps": {
    url: () => "/api/monitoring/sweeps",
    body: () => ({ countyCode: JING_COUNTY }),
  },
  "GET /api/monitoring/alerts": {
    url: () => `/api/monitoring/alerts?householdId=${jingHousehold.id}`,
    expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
  },
  "POST /api/monitoring/alerts/:id/dismiss": {
    url: () => `/api/monitoring/alerts/${jingAlertId}/dismiss`,
    body: () => ({ reason: "越权" }),
  },
  "POST /api/monitoring/lists": {
    url: () => `/api/monitoring/lists?fileName=a.csv&department=other&countyCode=${JING_COUNTY}`,
    body: () => ({}),
  },
  "GET /api/monitoring/lists": {
    url: () => "/api/monitoring/lists",
    expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
  },
  "GET /api/monitoring/lists/:id": { url: () => `/api/monitoring/lists/${jingListId}` },
  "POST /api/monitoring/cases": {
    url: () => "/api/monitoring/cases",
    body: () => ({
      origin: "application",
      householdId: jingHousehold.id,
      applicantName: "越权",
      statement: "越权",
      appliedOn: "2020-06-01",
    }),
  },
  "GET /api/monitoring/cases": {
    url: () => `/api/monitoring/cases?householdId=${jingHousehold.id}`,
    expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
  },
  "GET /api/monitoring/cases/:id": { url: () => `/api/monitoring/cases/${jingCase.id}` },
  "POST /api/monitoring/cases/:id/steps": {
    url: () => `/api/monitoring/cases/${jingCase.id}/steps`,
    body: () => ({
      action: "identify",
      monitoringType: "marginal",
      riskTypes: ["illness"],
      version: 1,
      comment: "越权",
    }),
  },
  "POST /api/monitoring/cases/:id/measures": {
    url: () => `/api/monitoring/cases/${jingCase.id}/measures`,
    body: () => ({
      kind: "employment",
      content: "越权",
      responsible: "越权",
      startsOn: "2020-06-01",
      dueOn: "2020-07-01",
      status: "done",
    }),
  },
  "PUT /api/monitoring/cases/:id/measures/:measureId": {
    url: () => `/api/monitoring/cases/${jingCase.id}/measures/${jingCase.measureId}`,
    body: () => ({
      ...{
        kind: "employment",
        content: "越权",
        responsible: "越权",
        startsOn: "2020-06-01",
        dueOn: "2020-07-01",
        status: "done",
      },
      version: 1,
    }),
  },
  "GET /api/monitoring/overview": { url: () => `/api/monitoring/overview?regionCode=${JING_COUNTY}` },
  "GET /api/monitoring/settings": { url: () => `/api/monitoring/settings?countyCode=${JING_COUNTY}` },
  "PUT /api/monitoring/settings": {
    url: () => "/api/monitoring/settings",
    body: () => ({
      countyCode: JING_COUNTY,
      deadlines: {
        verification: 1,
        village_review: 1,
        township_review: 1,
        county_decision: 1,
        elimination_village_review: 1,
        elimination_township_review: 1,
        elimination_county_decision: 1,
      },
      watchMonths: 1,
      version: 0,
    }),
  },
  "GET /api/monitoring/households/:id/spending": {
    url: () => `/api/monitoring/households/${jingHousehold.id}/spending`,
  },
  "PUT /api/monitoring/households/:id/spending/:year": {
    url: () => `/api/monitoring/households/${jingHousehold.id}/spending/2020`,
    body: () => ({ medical: 1, disasterLoss: 0, other: 0, version: 0 }),
  },
  "POST /api/campaigns": {
    url: () => "/api/campaigns",
    body: () => ({ name: "越权", regionCode: JING_VILLAGE, startsOn: "2020-02-01", deadline: "2020-02-20" }),
  },
  "GET /api/campaigns": {
    url: () => "/api/campaigns",
    expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
  },
  "GET /api/campaigns/:id": { url: () => `/api/campaigns/${jingVisit.campaignId}` },
  "GET /api/campaigns/:id/coverage": { url: () => `/api/campaigns/${jingVisit.campaignId}/coverage` },
  "GET /api/campaigns/:id/households": { url: () => `/api/campaigns/${jingVisit.campaignId}/households` },
  "GET /api/campaigns/:id/summary": { url: () => `/api/campaigns/${jingVisit.campaignId}/summary` },
  "GET /api/campaigns/:id/export": { url: () => `/api/campaigns/${jingVisit.campaignId}/export` },
  "GET /api/difficulties": {
    url: () => `/api/difficulties?campaignId=${jingVisit.campaignId}`,
    expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
  },
  "POST /api/difficulties/:id/actions": {
    url: () => `/api/difficulties/${jingVisit.difficultyId}/actions`,
    body: () => ({ actedOn: "2020-02-12", note: "越权", resolves: true }),
  },
  "GET /api/audit": {
    url: () => `/api/audit?entityType=user&entityId=${jingUserId}`,
    expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
  },
};

const keyOf = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;

beforeAll(async () => {
  t = await createTestApp();
  jingUserId = (await createUserFixture(t.db, { role: "caseworker", regionCode: JING_VILLAGE })).id;
  const pengxiAdmin = await createUserFixture(t.db, { role: "administrator", regionCode: PENGXI_COUNTY });
  outsider = await signIn(t.app, pengxiAdmin.username);
  // Something in Jing's audit trail that the outsider must not see.
  const jingAdmin = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  const insider = await signIn(t.app, jingAdmin.username);
  expect(
    (await insider.request("PATCH", `/api/users/${jingUserId}`, { displayName: "改名", version: 1 }))
      .statusCode,
  ).toBe(200);
  const draft = householdDraft({ regionCode: JING_VILLAGE });
  const created = await insider.request("POST", "/api/households", { household: draft });
  expect(created.statusCode).toBe(200);
  const household = (created.json() as { household: { id: string; members: { id: string }[] } }).household;
  jingHousehold = { id: household.id, memberId: household.members[0]!.id, draft };
  const upload = await insider.request(
    "POST",
    "/api/roster/imports?fileName=bad.csv",
    Buffer.from("户编号,姓名\n1,张三\n"),
    {
      "content-type": "text/csv",
    },
  );
  expect(upload.statusCode).toBe(200);
  jingImportId = (upload.json() as { id: string }).id;
  const briefing = await insider.request("POST", "/api/briefings", {
    regionCode: JING_COUNTY,
    title: "泾县简报",
    periodStart: "2020-03-01",
    periodEnd: "2020-03-31",
    sections: ["registry"],
  });
  expect(briefing.statusCode).toBe(200);
  jingBriefingId = (briefing.json() as { id: string }).id;
  // An open monitoring alert on the Jing household.
  const [alert] = await t.db.query<{ id: string }>(
    `insert into monitoring_alert (county_code, household_id, rule_code, year, source_key, facts, raised_by)
     values ($1, $2, 'income_below_line', 2020, '2020', '{}', 'sweep') returning id`,
    [JING_COUNTY, jingHousehold.id],
  );
  jingAlertId = alert!.id;
  const [list] = await t.db.query<{ id: string }>(
    `insert into monitoring_list (county_code, department, file_name, file_sha256, row_count, matched_count,
       unmatched_count, alert_count) values ($1, 'civil_affairs', 'x.csv', 'x', 0, 0, 0, 0) returning id`,
    [JING_COUNTY],
  );
  jingListId = list!.id;
  // A Jing case, identified (monitored), with a measure.
  const [monitored] = await t.db.query<{ id: string }>(
    `insert into monitoring_case (county_code, household_id, origin, stage) values ($1, $2, 'alert', 'county_decision')
     returning id`,
    [JING_COUNTY, jingHousehold.id],
  );
  const [measure] = await t.db.query<{ id: string }>(
    `insert into monitoring_measure (case_id, county_code, kind, content, responsible, starts_on, due_on, status)
     values ($1, $2, 'other', '入户走访', '村委', '2020-06-01', '2020-07-01', 'planned') returning id`,
    [monitored!.id, JING_COUNTY],
  );
  jingCase = { id: monitored!.id, measureId: measure!.id };
  // A visit with a photo whose registry change met a newer version: a pending change.
  const visited = await insider.request("POST", "/api/households", {
    household: householdDraft({ regionCode: JING_VILLAGE }),
  });
  const visitedId = (visited.json() as { household: { id: string } }).household.id;
  // A first visit's change makes version 2, so the second one's change (also against 1) waits.
  const first = await insider.request("POST", "/api/visits", {
    id: "6c1f9a7b-3d2e-4f80-9bac-1d2e3f4a5b6c",
    householdId: visitedId,
    kind: "phone",
    visitedOn: "2020-02-09",
    metWith: "户主",
    changes: { baseVersion: 1, conditions: { fuel: "gas" } },
    recordedAt: "2020-02-09T10:00:00+08:00",
  });
  expect(first.statusCode).toBe(200);
  const visit = await insider.request("POST", "/api/visits", {
    id: "5b0e8f6a-2c1d-4e7f-8a9b-0c1d2e3f4a5b",
    householdId: visitedId,
    kind: "on_site",
    visitedOn: "2020-02-10",
    metWith: "户主",
    photos: [
      { mediaType: "image/jpeg", dataBase64: Buffer.from([0xff, 0xd8, 0xff, 0xd9]).toString("base64") },
    ],
    changes: { baseVersion: 1, conditions: { hasElectricity: false } },
    problems: [{ kind: "food", note: "存粮不足" }],
    recordedAt: "2020-02-10T10:00:00+08:00",
  });
  expect(visit.statusCode).toBe(200);
  const visitView = visit.json() as { id: string; registry: { pendingChangeId: string } };
  const campaign = await insider.request("POST", "/api/campaigns", {
    name: "疫情排查",
    regionCode: JING_VILLAGE,
    startsOn: "2020-02-01",
    deadline: "2020-02-20",
  });
  expect(campaign.statusCode).toBe(200);
  const [difficulty] = await t.db.query<{ id: string }>("select id from visit_problem where visit_id = $1", [
    visitView.id,
  ]);
  jingVisit = {
    id: visitView.id,
    pendingChangeId: visitView.registry.pendingChangeId,
    difficultyId: difficulty!.id,
    campaignId: (campaign.json() as { id: string }).id,
  };
});
afterAll(() => t.close());

describe("authorisation across regions", () => {
  it("has a case for every endpoint that is not public or about the caller's own session", () => {
    const missing = allEndpoints
      .map(keyOf)
      .filter((key) => !PUBLIC.has(key) && !OWN_SESSION.has(key) && !REGIONLESS.has(key) && !CASES[key]);
    expect(missing).toEqual([]);
  });

  for (const [key, testCase] of Object.entries(CASES)) {
    it(`${key} refuses or hides records of another region`, async () => {
      const [method] = key.split(" ") as [string];
      const response = await outsider.request(method, testCase.url(), testCase.body?.());
      if (testCase.expectEmpty) {
        // Lists answer with nothing from outside the scope, or refuse a filter that points outside it.
        if (response.statusCode === 200) testCase.expectEmpty(response.json());
        else expect([403, 404]).toContain(response.statusCode);
      } else {
        expect([403, 404]).toContain(response.statusCode);
      }
    });
  }

  it("left every Jing record as it was", async () => {
    const [user] = await t.db.query<{ displayName: string; disabled: boolean; version: number }>(
      `select display_name as "displayName", disabled_at is not null as disabled, version from app_user where id = $1`,
      [jingUserId],
    );
    expect(user).toEqual({ displayName: "改名", disabled: false, version: 2 });
    expect(await t.db.query("select 1 from region where code = '341823100901'")).toEqual([]);
    expect(await t.db.query("select 1 from app_user where username = 'intruder'")).toEqual([]);
    const [village] = await t.db.query<{ version: number }>("select version from region where code = $1", [
      JING_VILLAGE,
    ]);
    expect(village?.version).toBe(1);
    const [household] = await t.db.query<{ version: number; address: string; members: number }>(
      `select version, address, (select count(*)::int from member m where m.household_id = h.id) as members
       from household h where id = $1`,
      [jingHousehold.id],
    );
    expect(household).toEqual({ version: 1, address: jingHousehold.draft.address, members: 4 });
    expect(await t.db.query("select 1 from household where household_number = '999999'")).toEqual([]);
    const reveals = await t.db.query("select 1 from audit_event where action = 'personal_data.reveal'");
    expect(reveals).toEqual([]);
    expect(await t.db.query("select 1 from monitoring_rule")).toEqual([]);
    expect(await t.db.query("select status from monitoring_alert")).toEqual([{ status: "open" }]);
    expect(await t.db.query("select 1 from household_rigid_spending")).toEqual([]);
    expect(await t.db.query("select 1 from monitoring_list")).toHaveLength(1);
    expect(await t.db.query("select stage, version from monitoring_case")).toEqual([
      { stage: "county_decision", version: 1 },
    ]);
    expect(await t.db.query("select status, version from monitoring_measure")).toEqual([
      { status: "planned", version: 1 },
    ]);
    expect(await t.db.query("select 1 from monitoring_case_settings")).toEqual([]);
    const [jingImport] = await t.db.query<{ status: string }>(
      "select status from roster_import where id = $1",
      [jingImportId],
    );
    expect(jingImport?.status).not.toBe("committing");
    expect(await t.db.query("select 1 from audit_event where action = 'roster.export'")).toEqual([]);
    expect(await t.db.query("select 1 from visit where met_with = '越权'")).toEqual([]);
    expect(await t.db.query("select 1 from visit_indicator_set")).toEqual([]);
    const [pending] = await t.db.query<{ status: string }>(
      "select status from household_pending_change where id = $1",
      [jingVisit.pendingChangeId],
    );
    expect(pending?.status).toBe("open");
    expect(await t.db.query("select 1 from screening_campaign where name = '越权'")).toEqual([]);
    expect(await t.db.query("select 1 from visit_problem_action")).toEqual([]);
  });

  it("lets nobody below administrator manage users even inside their own region", async () => {
    const officer = await createUserFixture(t.db, { role: "township_officer", regionCode: JING_TOWNSHIP });
    const agent = await signIn(t.app, officer.username);
    const reset = await agent.request("POST", `/api/users/${jingUserId}/password-reset`);
    expect(reset.statusCode).toBe(403);
    const audit = await agent.request("GET", "/api/audit");
    expect(audit.statusCode).toBe(403);
    const list = await agent.request("GET", "/api/users");
    expect(list.statusCode).toBe(200);
  });
});
