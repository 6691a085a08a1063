import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allEndpoints } from "../../shared/api/index.js";
import { projectRoot } from "../paths.js";
import { createTestApp, type TestApp } from "../test/test-app.js";
import { buildOpenApiDocument } from "./openapi.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("API surface", () => {
  it("registers every endpoint of the shared contract", () => {
    const missing = allEndpoints.filter((e) => !t.app.hasRoute({ method: e.method, url: e.path }));
    expect(missing.map((e) => `${e.method} ${e.path}`)).toEqual([]);
  });

  it("serves an OpenAPI document naming every endpoint", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toBe("3.1.0");
    for (const endpoint of allEndpoints) {
      const path = endpoint.path.replace(/:(\w+)/g, "{$1}");
      expect(
        document.paths[path]?.[endpoint.method.toLowerCase()],
        `${endpoint.method} ${path}`,
      ).toBeDefined();
    }
  });

  it("keeps the committed docs/openapi.json equal to the generated one (run npm run openapi)", () => {
    const committed = JSON.parse(readFileSync(join(projectRoot, "docs", "openapi.json"), "utf8"));
    expect(committed).toEqual(buildOpenApiDocument());
  });

  it("reports database reachability", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: "ok", database: { isReachable: true } });
  });

  it("answers unknown API routes with the JSON error envelope", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/no-such-thing" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: "ROUTE_NOT_FOUND", message: "接口不存在" } });
    const english = await t.app.inject({
      method: "POST",
      url: "/api/nope",
      headers: { "accept-language": "en-US" },
    });
    expect(english.json()).toMatchObject({
      error: { code: "ROUTE_NOT_FOUND", message: "No such API endpoint" },
    });
  });

  it("sets protective headers", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(response.headers["content-security-policy"])).toContain("default-src 'self'");
  });
});
