import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import type { HouseholdDraft } from "../../../shared/household-draft.js";
import { householdDraft, memberDraft } from "../../test/household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
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

async function register(draft: HouseholdDraft = householdDraft()): Promise<HouseholdDetail> {
  const response = await admin.request("POST", "/api/households", { household: draft });
  expect(response.statusCode).toBe(200);
  return (response.json() as { household: HouseholdDetail }).household;
}

type Moved = { source: HouseholdDetail; target: HouseholdDetail };

async function memberRow(id: string) {
  const [row] = await t.db.query<{ householdId: string; relation: string; status: string }>(
    `select household_id as "householdId", relation, status from member where id = $1`,
    [id],
  );
  return row;
}

describe("moving a member between households", () => {
  it("moves a daughter who marries into another household, versioning both and auditing once", async () => {
    const bride = memberDraft({
      name: "张小芳",
      relation: "daughter",
      sex: "female",
      birthDate: "1998-04-12",
      workPlace: "none",
      workMonths: 0,
    });
    const base = householdDraft();
    const from = await register({ ...base, members: [...base.members, bride] });
    const to = await register();
    const daughter = from.members.find((m) => m.name === "张小芳")!;
    const response = await admin.request("POST", `/api/households/${from.id}/members/${daughter.id}/move`, {
      version: 1,
      target: { householdId: to.id, version: 1 },
      relation: "daughter_in_law",
      reason: "出嫁",
    });
    expect(response.statusCode).toBe(200);
    const { source, target } = response.json() as Moved;
    expect(source.version).toBe(2);
    expect(source.members.map((m) => m.name)).not.toContain("张小芳");
    expect(target.version).toBe(2);
    expect(target.members.find((m) => m.id === daughter.id)).toMatchObject({ relation: "daughter_in_law" });
    expect(await memberRow(daughter.id)).toEqual({
      householdId: to.id,
      relation: "daughter_in_law",
      status: "active",
    });
    const versions = (await admin.request("GET", `/api/households/${to.id}/versions`)).json() as {
      rows: { reason: string }[];
    };
    expect(versions.rows[0]?.reason).toBe("出嫁");
    const audit = await t.db.query<{ action: string }>(
      "select action from audit_event where entity_id = $1 and action = 'member.move'",
      [daughter.id],
    );
    expect(audit).toHaveLength(1);
  });

  it("splits a member off into a new household of their own", async () => {
    const from = await register();
    const son = from.members.find((m) => m.relation === "spouse")!;
    const number = `${from.householdNumber}9`;
    const response = await admin.request("POST", `/api/households/${from.id}/members/${son.id}/move`, {
      version: 1,
      target: { newHouseholdNumber: number },
      relation: "head",
      reason: "分户",
    });
    expect(response.statusCode).toBe(200);
    const { source, target } = response.json() as Moved;
    expect(target.householdNumber).toBe(number);
    expect(target.regionCode).toBe(from.regionCode);
    expect(target.members).toHaveLength(1);
    expect(target.members[0]).toMatchObject({ id: son.id, relation: "head" });
    expect(target.version).toBe(1);
    expect(source.members).toHaveLength(3);
  });

  it("asks for a new head when the head leaves, and names one", async () => {
    const from = await register();
    const to = await register();
    const head = from.members.find((m) => m.relation === "head")!;
    const spouse = from.members.find((m) => m.relation === "spouse")!;
    const url = `/api/households/${from.id}/members/${head.id}/move`;
    const body = {
      version: 1,
      target: { householdId: to.id, version: 1 },
      relation: "other",
      reason: "入赘",
    };
    const refused = await admin.request("POST", url, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("newHeadMemberId");
    expect(await memberRow(head.id)).toMatchObject({ householdId: from.id });
    const moved = await admin.request("POST", url, { ...body, newHeadMemberId: spouse.id });
    expect(moved.statusCode).toBe(200);
    const { source } = moved.json() as Moved;
    expect(source.members.find((m) => m.id === spouse.id)?.relation).toBe("head");
  });

  it("refuses a stale version and a taken household number, writing nothing", async () => {
    const from = await register();
    const to = await register();
    const spouse = from.members.find((m) => m.relation === "spouse")!;
    const url = `/api/households/${from.id}/members/${spouse.id}/move`;
    const stale = await admin.request("POST", url, {
      version: 1,
      target: { householdId: to.id, version: 7 },
      relation: "other",
      reason: "迁入",
    });
    expect(stale.statusCode).toBe(409);
    const taken = await admin.request("POST", url, {
      version: 1,
      target: { newHouseholdNumber: to.householdNumber },
      relation: "head",
      reason: "分户",
    });
    expect(taken.statusCode).toBe(409);
    expect(await memberRow(spouse.id)).toMatchObject({ householdId: from.id, relation: "spouse" });
    const [versions] = await t.db.query<{ n: number }>(
      "select count(*)::int as n from household_version where household_id = any($1::uuid[])",
      [[from.id, to.id]],
    );
    expect(versions?.n).toBe(2);
  });
});
