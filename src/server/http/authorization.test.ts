import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allEndpoints } from "../../shared/api/index.js";
import type { Endpoint } from "../../shared/endpoint.js";
import {
  authorizationCases,
  JING_TOWNSHIP,
  JING_VILLAGE,
  type JingRecords,
} from "../test/authorization-cases.js";
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
const jing = {} as JingRecords;
const CASES = authorizationCases(jing);

const PUBLIC = new Set(["GET /api/health", "POST /api/session", "DELETE /api/session"]);
// Endpoints about the caller's own session: they touch nothing of another region.
const OWN_SESSION = new Set(["GET /api/session", "POST /api/session/password"]);
// Endpoints that hold nothing of any region (the empty import template).
const REGIONLESS = new Set(["GET /api/roster/template"]);

const keyOf = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path}`;

beforeAll(async () => {
  t = await createTestApp();
  jing.userId = (await createUserFixture(t.db, { role: "caseworker", regionCode: JING_VILLAGE })).id;
  const pengxiAdmin = await createUserFixture(t.db, { role: "administrator", regionCode: PENGXI_COUNTY });
  outsider = await signIn(t.app, pengxiAdmin.username);
  // Something in Jing's audit trail that the outsider must not see.
  const jingAdmin = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  const insider = await signIn(t.app, jingAdmin.username);
  expect(
    (await insider.request("PATCH", `/api/users/${jing.userId}`, { displayName: "改名", version: 1 }))
      .statusCode,
  ).toBe(200);
  const draft = householdDraft({ regionCode: JING_VILLAGE });
  const created = await insider.request("POST", "/api/households", { household: draft });
  expect(created.statusCode).toBe(200);
  const household = (created.json() as { household: { id: string; members: { id: string }[] } }).household;
  jing.household = { id: household.id, memberId: household.members[0]!.id, draft };
  const upload = await insider.request(
    "POST",
    "/api/roster/imports?fileName=bad.csv",
    Buffer.from("户编号,姓名\n1,张三\n"),
    {
      "content-type": "text/csv",
    },
  );
  expect(upload.statusCode).toBe(200);
  jing.importId = (upload.json() as { id: string }).id;
  const briefing = await insider.request("POST", "/api/briefings", {
    regionCode: JING_COUNTY,
    title: "泾县简报",
    periodStart: "2020-03-01",
    periodEnd: "2020-03-31",
    sections: ["registry"],
  });
  expect(briefing.statusCode).toBe(200);
  jing.briefingId = (briefing.json() as { id: string }).id;
  // An open monitoring alert on the Jing household.
  const [alert] = await t.db.query<{ id: string }>(
    `insert into monitoring_alert (county_code, household_id, rule_code, year, source_key, facts, raised_by)
     values ($1, $2, 'income_below_line', 2020, '2020', '{}', 'sweep') returning id`,
    [JING_COUNTY, jing.household.id],
  );
  jing.alertId = alert!.id;
  const [list] = await t.db.query<{ id: string }>(
    `insert into monitoring_list (county_code, department, file_name, file_sha256, row_count, matched_count,
       unmatched_count, alert_count) values ($1, 'civil_affairs', 'x.csv', 'x', 0, 0, 0, 0) returning id`,
    [JING_COUNTY],
  );
  jing.listId = list!.id;
  // A Jing case, identified (monitored), with a measure.
  const [monitored] = await t.db.query<{ id: string }>(
    `insert into monitoring_case (county_code, household_id, origin, stage) values ($1, $2, 'alert', 'county_decision')
     returning id`,
    [JING_COUNTY, jing.household.id],
  );
  const [measure] = await t.db.query<{ id: string }>(
    `insert into monitoring_measure (case_id, county_code, kind, content, responsible, starts_on, due_on, status)
     values ($1, $2, 'other', '入户走访', '村委', '2020-06-01', '2020-07-01', 'planned') returning id`,
    [monitored!.id, JING_COUNTY],
  );
  jing.case = { id: monitored!.id, measureId: measure!.id };
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
  jing.visit = {
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
      [jing.userId],
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
      [jing.household.id],
    );
    expect(household).toEqual({ version: 1, address: jing.household.draft.address, members: 4 });
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
      [jing.importId],
    );
    expect(jingImport?.status).not.toBe("committing");
    expect(await t.db.query("select 1 from audit_event where action = 'roster.export'")).toEqual([]);
    expect(await t.db.query("select 1 from visit where met_with = '越权'")).toEqual([]);
    expect(await t.db.query("select 1 from visit_indicator_set")).toEqual([]);
    const [pending] = await t.db.query<{ status: string }>(
      "select status from household_pending_change where id = $1",
      [jing.visit.pendingChangeId],
    );
    expect(pending?.status).toBe("open");
    expect(await t.db.query("select 1 from screening_campaign where name = '越权'")).toEqual([]);
    expect(await t.db.query("select 1 from visit_problem_action")).toEqual([]);
  });

  it("lets nobody below administrator manage users even inside their own region", async () => {
    const officer = await createUserFixture(t.db, { role: "township_officer", regionCode: JING_TOWNSHIP });
    const agent = await signIn(t.app, officer.username);
    const reset = await agent.request("POST", `/api/users/${jing.userId}/password-reset`);
    expect(reset.statusCode).toBe(403);
    const audit = await agent.request("GET", "/api/audit");
    expect(audit.statusCode).toBe(403);
    const list = await agent.request("GET", "/api/users");
    expect(list.statusCode).toBe(200);
  });
});
