import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserRow } from "../../../shared/api/users.api.js";
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
const TOWNSHIP = "341823101000";
const VILLAGE = "341823101001";
const OTHER_TOWNSHIP_VILLAGE = "341823100001";

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
});
afterAll(() => t.close());

async function create(body: Record<string, unknown>) {
  const response = await admin.request("POST", "/api/users", body);
  return { response, json: response.json() as { user: UserRow; temporaryPassword: string } };
}

describe("user administration", () => {
  it("creates a user with a one-time password stored only as a hash, and audits it with the phone masked", async () => {
    const { response, json } = await create({
      username: "Wang.Fang",
      displayName: "王芳",
      role: "caseworker",
      regionCode: VILLAGE,
      phone: "13812345678",
    });
    expect(response.statusCode).toBe(200);
    expect(json.user).toMatchObject({
      username: "wang.fang",
      role: "caseworker",
      status: "active",
      mustChangePassword: true,
    });
    expect(json.user.phone).toBe("13812345678");
    const [stored] = await t.db.query<{ hash: string }>(
      "select password_hash as hash from app_user where id = $1",
      [json.user.id],
    );
    expect(stored?.hash).not.toContain(json.temporaryPassword);
    const newbie = await signIn(t.app, "wang.fang", json.temporaryPassword);
    expect((await newbie.request("GET", "/api/session")).json()).toMatchObject({
      user: { mustChangePassword: true },
    });
    const [entry] = await t.db.query<{ after: Record<string, unknown>; actor: string }>(
      `select after, actor_username as actor from audit_event where action = 'user.create' and entity_id = $1`,
      [json.user.id],
    );
    expect(entry?.after).toMatchObject({ username: "wang.fang", phone: "138****5678" });
    expect(JSON.stringify(entry)).not.toContain("13812345678");
  });

  it("refuses a taken username and a region outside the scope", async () => {
    const first = await create({
      username: "li.ming",
      displayName: "李明",
      role: "leader",
      regionCode: JING_COUNTY,
    });
    expect(first.response.statusCode).toBe(200);
    const again = await create({
      username: "li.ming",
      displayName: "李明",
      role: "leader",
      regionCode: JING_COUNTY,
    });
    expect(again.response.statusCode).toBe(409);
    const outside = await create({
      username: "zhao.lei",
      displayName: "赵雷",
      role: "leader",
      regionCode: "510921000000",
    });
    expect(outside.response.statusCode).toBe(403);
    const unknownRegion = await create({
      username: "zhao.lei",
      displayName: "赵雷",
      role: "leader",
      regionCode: "341823101999",
    });
    expect(unknownRegion.response.statusCode).toBe(400);
  });

  it("lists with search, filters and paging inside the scope", async () => {
    for (let i = 1; i <= 3; i += 1) {
      await create({
        username: `cw.page${i}`,
        displayName: `分页${i}`,
        role: "caseworker",
        regionCode: OTHER_TOWNSHIP_VILLAGE,
      });
    }
    const page1 = (await admin.request("GET", "/api/users?q=page&pageSize=2&page=1")).json() as {
      rows: UserRow[];
      total: number;
    };
    const page2 = (await admin.request("GET", "/api/users?q=page&pageSize=2&page=2")).json() as {
      rows: UserRow[];
      total: number;
    };
    expect(page1.total).toBe(3);
    expect(page1.rows).toHaveLength(2);
    expect(page2.rows).toHaveLength(1);
    const byName = (await admin.request("GET", `/api/users?q=${encodeURIComponent("分页2")}`)).json() as {
      rows: UserRow[];
    };
    expect(byName.rows.map((r) => r.username)).toEqual(["cw.page2"]);
    const byRegion = (await admin.request("GET", `/api/users?regionCode=${TOWNSHIP}`)).json() as {
      rows: UserRow[];
    };
    expect(byRegion.rows.every((r) => r.regionCode.startsWith("341823101"))).toBe(true);
    const leaders = (await admin.request("GET", "/api/users?role=leader")).json() as { rows: UserRow[] };
    expect(leaders.rows.every((r) => r.role === "leader")).toBe(true);
  });

  it("shows a township officer only their township, with phones masked, read-only", async () => {
    const officer = await createUserFixture(t.db, { role: "township_officer", regionCode: TOWNSHIP });
    const agent = await signIn(t.app, officer.username);
    const list = (await agent.request("GET", "/api/users?pageSize=200")).json() as { rows: UserRow[] };
    expect(list.rows.length).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.regionCode.startsWith("341823101"))).toBe(true);
    const wang = list.rows.find((r) => r.username === "wang.fang");
    expect(wang?.phone).toBe("138****5678");
    const denied = await agent.request("POST", "/api/users", {
      username: "x.y.z",
      displayName: "某",
      role: "caseworker",
      regionCode: VILLAGE,
    });
    expect(denied.statusCode).toBe(403);
  });

  it("re-scopes with a version check and ends the user's sessions", async () => {
    const { json } = await create({
      username: "move.me",
      displayName: "调动",
      role: "caseworker",
      regionCode: VILLAGE,
    });
    const moved = await admin.request("PATCH", `/api/users/${json.user.id}`, {
      regionCode: OTHER_TOWNSHIP_VILLAGE,
      role: "village_cadre",
      version: json.user.version,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      regionCode: OTHER_TOWNSHIP_VILLAGE,
      role: "village_cadre",
      version: 2,
    });
    const stale = await admin.request("PATCH", `/api/users/${json.user.id}`, {
      displayName: "旧",
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: "STALE_VERSION" } });
  });

  it("disables (ending sessions) and enables, never oneself", async () => {
    const { json } = await create({
      username: "off.duty",
      displayName: "停用",
      role: "caseworker",
      regionCode: VILLAGE,
    });
    const session = await signIn(t.app, "off.duty", json.temporaryPassword);
    const disabled = await admin.request("PUT", `/api/users/${json.user.id}/disabled`, {
      isDisabled: true,
      version: 1,
    });
    expect(disabled.json()).toMatchObject({ status: "disabled" });
    expect((await session.request("GET", "/api/session")).statusCode).toBe(401);
    const enabled = await admin.request("PUT", `/api/users/${json.user.id}/disabled`, {
      isDisabled: false,
      version: 2,
    });
    expect(enabled.json()).toMatchObject({ status: "active" });
    const me = (await admin.request("GET", "/api/session")).json() as { user: { id: string } };
    const self = await admin.request("PUT", `/api/users/${me.user.id}/disabled`, {
      isDisabled: true,
      version: 1,
    });
    expect(self.statusCode).toBe(403);
  });

  it("resets a password: unlocks, forces a change, and the old one stops working", async () => {
    const { json } = await create({
      username: "forgot.it",
      displayName: "忘记",
      role: "caseworker",
      regionCode: VILLAGE,
    });
    await t.db.query(
      "update app_user set locked_until = now() + interval '1 hour', failed_logins = 9 where id = $1",
      [json.user.id],
    );
    const reset = await admin.request("POST", `/api/users/${json.user.id}/password-reset`);
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword, user } = reset.json() as { temporaryPassword: string; user: UserRow };
    expect(user).toMatchObject({ status: "active", mustChangePassword: true });
    expect(temporaryPassword).not.toBe(json.temporaryPassword);
    await expect(signIn(t.app, "forgot.it", json.temporaryPassword)).rejects.toThrow(/401/);
    await signIn(t.app, "forgot.it", temporaryPassword);
  });
});
