import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDetail, HouseholdListRow } from "../../../shared/api/households.api.js";
import { householdDraft } from "../../test/household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  PENGXI_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";

let t: TestApp;
let admin: TestAgent;

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
});
afterAll(() => t.close());

async function register(regionCode = "341823100001"): Promise<HouseholdDetail> {
  const response = await admin.request("POST", "/api/households", {
    household: householdDraft({ regionCode }),
  });
  expect(response.statusCode).toBe(200);
  return (response.json() as { household: HouseholdDetail }).household;
}

async function assign(householdId: string, userIds: string[]) {
  const response = await admin.request("PUT", `/api/households/${householdId}/caseworkers`, { userIds });
  expect(response.statusCode).toBe(200);
}

async function householdsOf(userId: string): Promise<string[]> {
  const list = (await admin.request("GET", `/api/households?caseworkerId=${userId}&pageSize=100`)).json() as {
    rows: HouseholdListRow[];
  };
  return list.rows.map((r) => r.id).sort();
}

describe("caseworker assignments", () => {
  it("shows a household's caseworker assignments, current and past", async () => {
    const household = await register();
    const first = await createUserFixture(t.db, { role: "caseworker", regionCode: household.regionCode });
    const second = await createUserFixture(t.db, { role: "caseworker", regionCode: household.regionCode });
    const url = `/api/households/${household.id}/caseworkers`;
    expect((await admin.request("PUT", url, { userIds: [first.id] })).statusCode).toBe(200);
    expect((await admin.request("PUT", url, { userIds: [second.id], reason: "工作调整" })).statusCode).toBe(
      200,
    );
    const assignments = (await admin.request("GET", url)).json() as {
      current: { id: string }[];
      history: { id: string; endedAt: string | null }[];
    };
    expect(assignments.current.map((c) => c.id)).toEqual([second.id]);
    expect(assignments.history.map((h) => [h.id, h.endedAt === null])).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
  });

  it("hands every household of a caseworker over to a colleague at once, keeping the history", async () => {
    const village = "341823100001";
    const leaving = await createUserFixture(t.db, { role: "caseworker", regionCode: village });
    const taking = await createUserFixture(t.db, { role: "caseworker", regionCode: village });
    const colleague = await createUserFixture(t.db, { role: "caseworker", regionCode: village });
    const [a, b, c] = [await register(), await register(), await register()];
    await assign(a!.id, [leaving.id]);
    await assign(b!.id, [leaving.id, colleague.id]);
    // Already looked after by the one taking over: no second open assignment.
    await assign(c!.id, [leaving.id, taking.id]);
    const response = await admin.request("POST", `/api/caseworkers/${leaving.id}/handover`, {
      toUserId: taking.id,
      reason: "调岗交接",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ handedOver: 3 });
    expect(await householdsOf(leaving.id)).toEqual([]);
    expect(await householdsOf(taking.id)).toEqual([a!.id, b!.id, c!.id].sort());
    expect(await householdsOf(colleague.id)).toEqual([b!.id]);
    const history = (await admin.request("GET", `/api/households/${a!.id}/caseworkers`)).json() as {
      history: { id: string; endedAt: string | null }[];
    };
    expect(history.history.map((h) => [h.id, h.endedAt === null])).toEqual([
      [taking.id, true],
      [leaving.id, false],
    ]);
    const [open] = await t.db.query<{ n: number }>(
      "select count(*)::int as n from household_caseworker where household_id = $1 and ended_at is null",
      [c!.id],
    );
    expect(open?.n).toBe(1);
  });

  it("refuses a handover to someone who is not a caseworker in scope, changing nothing", async () => {
    const village = "341823100001";
    const leaving = await createUserFixture(t.db, { role: "caseworker", regionCode: village });
    const outsider = await createUserFixture(t.db, { role: "caseworker", regionCode: PENGXI_COUNTY });
    const cadre = await createUserFixture(t.db, { role: "village_cadre", regionCode: village });
    const household = await register();
    await assign(household.id, [leaving.id]);
    for (const toUserId of [outsider.id, cadre.id, leaving.id]) {
      const response = await admin.request("POST", `/api/caseworkers/${leaving.id}/handover`, {
        toUserId,
        reason: "交接",
      });
      expect(response.statusCode).toBe(400);
    }
    expect(await householdsOf(leaving.id)).toEqual([household.id]);
  });

  it("lists caseworkers in scope with their household counts, to every household reader", async () => {
    const village = "341823100002";
    const worker = await createUserFixture(t.db, { role: "caseworker", regionCode: village });
    await createUserFixture(t.db, { role: "caseworker", regionCode: PENGXI_COUNTY });
    const household = await register(village);
    await assign(household.id, [worker.id]);
    const leader = await createUserFixture(t.db, { role: "leader", regionCode: "341823100000" });
    const agent = await signIn(t.app, leader.username);
    const listed = (await agent.request("GET", "/api/caseworkers")).json() as {
      rows: { id: string; householdCount: number; regionName: string }[];
    };
    expect(listed.rows.find((r) => r.id === worker.id)).toMatchObject({ householdCount: 1 });
    expect(listed.rows.every((r) => r.regionName !== "")).toBe(true);
    const byId = (await agent.request("GET", `/api/caseworkers?ids=${worker.id}`)).json() as {
      rows: { id: string }[];
    };
    expect(byId.rows.map((r) => r.id)).toEqual([worker.id]);
    const bad = await agent.request("GET", "/api/caseworkers?ids=not-a-uuid");
    expect(bad.statusCode).toBe(400);
  });

  it("lets only administrators and township officers hand over", async () => {
    const village = "341823100001";
    const worker = await createUserFixture(t.db, { role: "caseworker", regionCode: village });
    const other = await createUserFixture(t.db, { role: "caseworker", regionCode: village });
    const agent = await signIn(t.app, worker.username);
    const response = await agent.request("POST", `/api/caseworkers/${worker.id}/handover`, {
      toUserId: other.id,
      reason: "自行交接",
    });
    expect(response.statusCode).toBe(403);
  });
});
