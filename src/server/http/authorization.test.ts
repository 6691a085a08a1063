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
    const [jingImport] = await t.db.query<{ status: string }>(
      "select status from roster_import where id = $1",
      [jingImportId],
    );
    expect(jingImport?.status).not.toBe("committing");
    expect(await t.db.query("select 1 from audit_event where action = 'roster.export'")).toEqual([]);
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
