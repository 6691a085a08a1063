import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RegionSummary } from "../../../shared/api/regions.api.js";
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
const TOWNSHIP = "341823100000";

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
});
afterAll(() => t.close());

type Tree = { region: RegionSummary; ancestors: RegionSummary[]; children: RegionSummary[] };

describe("region tree", () => {
  it("holds the official tree with codes, levels and parents", async () => {
    const tree = (await admin.request("GET", `/api/regions/${JING_COUNTY}`)).json() as Tree;
    expect(tree.region).toMatchObject({ name: "泾县", level: "county", source: "official", childCount: 11 });
    expect(tree.children).toHaveLength(11);
    expect(tree.children[0]).toMatchObject({ code: TOWNSHIP, name: "泾川镇", level: "township" });
    // The breadcrumb stops at the user's own scope.
    expect(tree.ancestors).toEqual([]);
    const village = (await admin.request("GET", "/api/regions/341823100001")).json() as Tree;
    expect(village.ancestors.map((a) => a.name)).toEqual(["泾县", "泾川镇"]);
  });

  it("gives a national administrator the whole breadcrumb", async () => {
    const root = await createUserFixture(t.db, { role: "administrator", regionCode: "000000000000" });
    const agent = await signIn(t.app, root.username);
    const village = (await agent.request("GET", "/api/regions/341823100001")).json() as Tree;
    expect(village.ancestors.map((a) => a.name)).toEqual([
      "中华人民共和国",
      "安徽省",
      "宣城市",
      "泾县",
      "泾川镇",
    ]);
  });

  it("searches by name or code within the scope, with the path", async () => {
    const byName = (await admin.request("GET", `/api/regions?q=${encodeURIComponent("茂林")}`)).json() as {
      rows: (RegionSummary & { path: string })[];
    };
    expect(byName.rows[0]).toMatchObject({ name: "茂林镇", path: "安徽省 / 宣城市 / 泾县" });
    const byCode = (
      await admin.request("GET", "/api/regions?q=341823100&level=village&limit=100")
    ).json() as {
      rows: RegionSummary[];
    };
    expect(byCode.rows.length).toBeGreaterThan(3);
    expect(byCode.rows.every((r) => r.code.startsWith("341823100") && r.level === "village")).toBe(true);
    const elsewhere = (await admin.request("GET", `/api/regions?q=${encodeURIComponent("蓬溪")}`)).json() as {
      rows: unknown[];
    };
    expect(elsewhere.rows).toEqual([]);
  });

  it("adds a missing village and a village group with validated codes, audited", async () => {
    const village = await admin.request("POST", "/api/regions", {
      parentCode: TOWNSHIP,
      code: "341823100901",
      name: "新建村",
    });
    expect(village.statusCode).toBe(200);
    expect(village.json()).toMatchObject({ level: "village", source: "local" });
    const group = await admin.request("POST", "/api/regions", {
      parentCode: "341823100901",
      code: "341823100901001",
      name: "一组",
    });
    expect(group.json()).toMatchObject({ level: "group", parentCode: "341823100901" });
    const [row] = await t.db.query<{ county: string }>(
      "select county_code as county from region where code = '341823100901001'",
    );
    expect(row?.county).toBe(JING_COUNTY);
    const duplicate = await admin.request("POST", "/api/regions", {
      parentCode: TOWNSHIP,
      code: "341823100901",
      name: "重复",
    });
    expect(duplicate.statusCode).toBe(409);
    const wrongParent = await admin.request("POST", "/api/regions", {
      parentCode: TOWNSHIP,
      code: "341823101901",
      name: "错",
    });
    expect(wrongParent.json()).toMatchObject({
      error: { code: "VALIDATION_FAILED", details: [{ path: "body.code" }] },
    });
    const wrongLevel = await admin.request("POST", "/api/regions", {
      parentCode: JING_COUNTY,
      code: "341823199000",
      name: "乡",
    });
    expect(wrongLevel.statusCode).toBe(400);
    const audited = await t.db.query("select 1 from audit_event where action = 'region.create'");
    expect(audited).toHaveLength(2);
  });

  it("renames with a version check", async () => {
    const renamed = await admin.request("PATCH", "/api/regions/341823100003", {
      name: "晏公社区",
      version: 1,
    });
    expect(renamed.json()).toMatchObject({ name: "晏公社区", version: 2 });
    const stale = await admin.request("PATCH", "/api/regions/341823100003", { name: "又改", version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it("lets other roles read but not change regions", async () => {
    const cadre = await createUserFixture(t.db, { role: "village_cadre", regionCode: "341823100001" });
    const agent = await signIn(t.app, cadre.username);
    expect((await agent.request("GET", "/api/regions/341823100001")).statusCode).toBe(200);
    expect((await agent.request("GET", `/api/regions/${TOWNSHIP}`)).statusCode).toBe(403);
    expect(
      (await agent.request("PATCH", "/api/regions/341823100001", { name: "x", version: 1 })).statusCode,
    ).toBe(403);
  });
});
