import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
  testConfig,
} from "../test/test-app.js";

let t: TestApp;
let admin: TestAgent;
const VILLAGE = "341823100001";

async function userCount(): Promise<number> {
  const [row] = await t.db.query<{ n: number }>("select count(*)::int as n from app_user");
  return row!.n;
}

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
});
afterAll(() => t.close());

describe("bad input gets a clear 4xx and writes nothing", () => {
  it("rejects malformed JSON", async () => {
    const before = await userCount();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken, "content-type": "application/json" },
      payload: '{"username": "x",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "MALFORMED_JSON" } });
    expect(await userCount()).toBe(before);
  });

  it("rejects wrong types and names each bad field", async () => {
    const response = await admin.request("POST", "/api/users", {
      username: 42,
      displayName: ["a"],
      role: "king",
      regionCode: VILLAGE,
    });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details.map((d) => d.path).sort()).toEqual([
      "body.displayName",
      "body.role",
      "body.username",
    ]);
  });

  it("rejects unknown fields", async () => {
    const response = await admin.request("POST", "/api/users", {
      username: "newbie",
      displayName: "新人",
      role: "caseworker",
      regionCode: VILLAGE,
      isAdmin: true,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: "VALIDATION_FAILED" } });
    expect(await t.db.query("select 1 from app_user where username = 'newbie'")).toEqual([]);
  });

  it("rejects unknown query parameters and bad paging", async () => {
    expect((await admin.request("GET", "/api/users?drop=1")).statusCode).toBe(400);
    expect((await admin.request("GET", "/api/users?pageSize=100000")).statusCode).toBe(400);
  });

  it("rejects oversized bodies", async () => {
    const response = await admin.request("POST", "/api/users", {
      username: "big",
      displayName: "x".repeat(2 * 1024 * 1024),
      role: "caseworker",
      regionCode: VILLAGE,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
  });

  it("rejects bodies that are not JSON", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/session",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "username=admin&password=x",
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
  });

  it("rejects bad region codes", async () => {
    for (const code of ["12345", "34182310000A", "341823100001000", "000000000001"]) {
      const response = await admin.request("GET", `/api/regions/${code}`);
      expect(response.statusCode, code).toBe(400);
    }
    const missing = await admin.request("GET", "/api/regions/341823199999");
    expect(missing.statusCode).toBe(404);
  });

  it("stores SQL metacharacters in every text field as plain text", async () => {
    const nasty = "x'); drop table app_user; --";
    const created = await admin.request("POST", "/api/users", {
      username: "quote.o-brien",
      displayName: nasty,
      role: "caseworker",
      regionCode: VILLAGE,
    });
    expect(created.statusCode).toBe(200);
    expect((created.json() as { user: { displayName: string } }).user.displayName).toBe(nasty);
    const renamed = await admin.request("PATCH", `/api/regions/${VILLAGE}`, {
      name: "村'; delete from region; --",
      version: 1,
    });
    expect(renamed.statusCode).toBe(200);
    const search = await admin.request("GET", `/api/users?q=${encodeURIComponent("%' or 1=1 --")}`);
    expect(search.statusCode).toBe(200);
    expect((search.json() as { total: number }).total).toBe(0);
    const wildcard = await admin.request("GET", `/api/users?q=${encodeURIComponent("%")}`);
    expect((wildcard.json() as { total: number }).total).toBe(0);
    const regionSearch = await admin.request(
      "GET",
      `/api/regions?q=${encodeURIComponent("'; select 1; --")}`,
    );
    expect(regionSearch.statusCode).toBe(200);
    expect(await userCount()).toBeGreaterThan(0);
  });

  it("rejects control characters in names", async () => {
    const response = await admin.request("PATCH", `/api/regions/${VILLAGE}`, {
      name: "a\u0000b",
      version: 2,
    });
    expect(response.statusCode).toBe(400);
  });
});

describe("non-API paths", () => {
  it("serve the web app for client-side routes and 404 JSON under /api", async () => {
    const webDir = mkdtempSync(join(tmpdir(), "bangfu-web-"));
    writeFileSync(join(webDir, "index.html"), "<!doctype html><title>帮扶</title>");
    const app = await buildApp({ db: t.db, config: testConfig, webDir });
    const page = await app.inject({ method: "GET", url: "/users/123" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("帮扶");
    const api = await app.inject({ method: "GET", url: "/api/users/123/whatever" });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: "ROUTE_NOT_FOUND" } });
    await app.close();
  });
});
