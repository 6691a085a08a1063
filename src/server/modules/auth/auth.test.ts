import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from "../../test/test-app.js";
import { generatePassword, hashPassword, verifyPassword } from "./password.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: "POST", url: "/api/session", payload: { username, password } });

describe("passwords", () => {
  it("hash with scrypt and verify only the right password", async () => {
    const hash = await hashPassword("Correct horse 1");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("Correct horse 1", hash)).toBe(true);
    expect(await verifyPassword("Correct horse 2", hash)).toBe(false);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });

  it("generates different strong one-time passwords", () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).{14}$/);
  });
});

describe("signing in", () => {
  it("sets an httpOnly session cookie and returns the user and a CSRF token", async () => {
    const user = await createUserFixture(t.db, { role: "caseworker", regionCode: "341823100001" });
    const response = await login(user.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(/bangfu_session=[\w-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const body = response.json() as { user: { username: string; regionName: string }; csrfToken: string };
    expect(body.user).toMatchObject({ username: user.username, regionName: "城南居委会" });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    // Only the token's hash is stored.
    const token = cookie.split(";")[0]!.split("=")[1]!;
    expect(await t.db.query("select 1 from user_session where token_hash = $1", [token])).toEqual([]);
  });

  it("answers an unknown user and a wrong password alike", async () => {
    const user = await createUserFixture(t.db, { role: "leader", regionCode: JING_COUNTY });
    const unknown = await login("nobody-here", "whatever1234");
    const wrong = await login(user.username, "whatever1234");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it("locks the account after repeated failures, even for the right password", async () => {
    const user = await createUserFixture(t.db, { role: "leader", regionCode: JING_COUNTY });
    for (let i = 0; i < 2; i += 1) expect((await login(user.username, "wrong-pass-1")).statusCode).toBe(401);
    const third = await login(user.username, "wrong-pass-1");
    expect(third.statusCode).toBe(423);
    expect(third.json()).toMatchObject({ error: { code: "ACCOUNT_LOCKED" } });
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(423);
    const failures = await t.db.query(
      "select 1 from audit_event where action = 'session.login_failed' and entity_id = $1",
      [user.id],
    );
    expect(failures).toHaveLength(3);
    // Once the lock has passed, the right password works again and resets the count.
    await t.db.query("update app_user set locked_until = now() - interval '1 second' where id = $1", [
      user.id,
    ]);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    const [row] = await t.db.query<{ failed: number }>(
      "select failed_logins as failed from app_user where id = $1",
      [user.id],
    );
    expect(row?.failed).toBe(0);
  });

  it("refuses disabled accounts", async () => {
    const user = await createUserFixture(t.db, { role: "leader", regionCode: JING_COUNTY });
    await t.db.query("update app_user set disabled_at = now() where id = $1", [user.id]);
    expect((await login(user.username, TEST_PASSWORD)).json()).toMatchObject({
      error: { code: "ACCOUNT_DISABLED" },
    });
  });
});

describe("sessions", () => {
  it("require the CSRF token for writes made with the cookie", async () => {
    const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
    const agent = await signIn(t.app, user.username);
    const body = { name: "新名", version: 1 };
    const without = await agent.request("PATCH", "/api/regions/341823100002", body, { "x-csrf-token": "" });
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ error: { code: "CSRF_FAILED" } });
    const forged = await agent.request("PATCH", "/api/regions/341823100002", body, {
      "x-csrf-token": "guess",
    });
    expect(forged.statusCode).toBe(403);
    const [region] = await t.db.query<{ name: string }>(
      "select name from region where code = '341823100002'",
    );
    expect(region?.name).toBe("百园居委会");
    expect((await agent.request("PATCH", "/api/regions/341823100002", body)).statusCode).toBe(200);
  });

  it("end at logout", async () => {
    const user = await createUserFixture(t.db, { role: "leader", regionCode: JING_COUNTY });
    const agent = await signIn(t.app, user.username);
    expect((await agent.request("GET", "/api/session")).statusCode).toBe(200);
    expect((await agent.request("DELETE", "/api/session")).statusCode).toBe(200);
    expect((await agent.request("GET", "/api/session")).statusCode).toBe(401);
  });

  it("expire when idle too long or past their end", async () => {
    const user = await createUserFixture(t.db, { role: "leader", regionCode: JING_COUNTY });
    const idle = await signIn(t.app, user.username);
    await t.db.query(
      "update user_session set last_seen_at = now() - interval '13 hours' where user_id = $1",
      [user.id],
    );
    expect((await idle.request("GET", "/api/session")).statusCode).toBe(401);
    const old = await signIn(t.app, user.username);
    await t.db.query("update user_session set expires_at = now() - interval '1 second' where user_id = $1", [
      user.id,
    ]);
    expect((await old.request("GET", "/api/session")).statusCode).toBe(401);
  });

  it("reject a made-up cookie", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/session",
      headers: { cookie: "bangfu_session=abc" },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED", message: "请先登录" } });
  });
});

describe("password change", () => {
  it("is forced before anything else, then works with the new password only", async () => {
    const user = await createUserFixture(t.db, {
      role: "administrator",
      regionCode: JING_COUNTY,
      mustChangePassword: true,
    });
    const agent = await signIn(t.app, user.username);
    expect((await agent.request("GET", "/api/session")).json()).toMatchObject({
      user: { mustChangePassword: true },
    });
    const blocked = await agent.request("GET", "/api/users");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ error: { code: "PASSWORD_CHANGE_REQUIRED" } });
    const weak = await agent.request("POST", "/api/session/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "short",
    });
    expect(weak.json()).toMatchObject({ error: { code: "WEAK_PASSWORD" } });
    const wrongCurrent = await agent.request("POST", "/api/session/password", {
      currentPassword: "not-it-123",
      newPassword: "Brand-new-2020",
    });
    expect(wrongCurrent.statusCode).toBe(401);
    const other = await signIn(t.app, user.username);
    const changed = await agent.request("POST", "/api/session/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "Brand-new-2020",
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ user: { mustChangePassword: false } });
    expect((await agent.request("GET", "/api/users")).statusCode).toBe(200);
    // The user's other sessions end; the old password no longer works.
    expect((await other.request("GET", "/api/session")).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.username, "Brand-new-2020")).statusCode).toBe(200);
    const audited = await t.db.query(
      "select 1 from audit_event where action = 'user.password_change' and entity_id = $1",
      [user.id],
    );
    expect(audited).toHaveLength(1);
  });
});
