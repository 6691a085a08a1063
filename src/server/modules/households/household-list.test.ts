import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdListRow } from "../../../shared/api/households.api.js";
import type { HouseholdDraft } from "../../../shared/household-draft.js";
import {
  householdDraft,
  otherJingVillage,
  poorHouseholdDraft,
  testIdNumber,
} from "../../test/household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";
import { findHouseholds, type HouseholdFilter } from "./household-list.queries.js";

// The household list's conditions, each written only when the filter sets it (see
// household-list.queries.ts): every filter, every kind of search text, both region shapes (a
// county scope and one below it), and the capped count.

let t: TestApp;
let admin: TestAgent;
const VILLAGE_A = "341823100001";
let villageB = "";
let townshipB = "";
const ids: Record<"ouyang" | "wang" | "zhang", string> = { ouyang: "", wang: "", zhang: "" };
let zhangIdNumber = "";
let householdNumberOuyang = "";

type ListPage = { rows: HouseholdListRow[]; total: number; totalIsExact: boolean };

async function register(draft: HouseholdDraft): Promise<string> {
  const response = await admin.request("POST", "/api/households", { household: draft });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { household: { id: string } }).household.id;
}

async function list(agent: TestAgent, query: string): Promise<ListPage> {
  const response = await agent.request("GET", `/api/households?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ListPage;
}

const idsOf = (page: ListPage) => page.rows.map((r) => r.id).sort();
const only = (...names: (keyof typeof ids)[]) => names.map((n) => ids[n]).sort();

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
  ({ village: villageB, township: townshipB } = await otherJingVillage(t.db));

  // 欧阳锋: township A, illness with lack of skills, phone ending 7788, income 8,625.
  const ouyang = householdDraft({ phone: "13700007788" });
  ouyang.members[0] = { ...ouyang.members[0]!, name: "欧阳锋", phone: null };
  householdNumberOuyang = ouyang.householdNumber;
  ids.ouyang = await register(ouyang);

  // 王小明: township B, disability, a member 李四 whose phone ends 2222, income below 4,000.
  const wang = {
    ...poorHouseholdDraft(villageB),
    status: "lifted",
    liftedYear: 2019,
    povertyAttribute: "general",
    phone: null,
  } as const;
  wang.members[0] = { ...wang.members[0]!, name: "王小明", phone: null };
  wang.members[1] = { ...wang.members[1]!, name: "李四", phone: "13911112222" };
  ids.wang = await register(wang);

  // 张三: township A, a member without basic medical insurance (medical guarantee red).
  zhangIdNumber = testIdNumber("1985-01-01", "male");
  const zhang = householdDraft({ phone: null, secondaryCauses: [] });
  zhang.members[0] = { ...zhang.members[0]!, name: "张三", phone: null, idNumber: zhangIdNumber };
  zhang.members[1] = { ...zhang.members[1]!, hasBasicMedicalInsurance: false };
  ids.zhang = await register(zhang);
});
afterAll(() => t.close());

describe("the household list", () => {
  it("searches names from their start, tails of ID numbers and phones, and household numbers", async () => {
    expect(idsOf(await list(admin, "q=欧阳"))).toEqual(only("ouyang"));
    expect(idsOf(await list(admin, `q=${encodeURIComponent("欧阳锋")}`))).toEqual(only("ouyang"));
    // Names match from their start only (a surname, a full name): not from the middle.
    expect(idsOf(await list(admin, `q=${encodeURIComponent("阳锋")}`))).toEqual([]);
    // Any member's name finds the household, not only the head's.
    expect(idsOf(await list(admin, `q=${encodeURIComponent("李四")}`))).toEqual(only("wang"));
    expect(idsOf(await list(admin, "q=7788"))).toEqual(only("ouyang"));
    expect(idsOf(await list(admin, "q=2222"))).toEqual(only("wang"));
    expect(idsOf(await list(admin, `q=${zhangIdNumber.slice(-4)}`))).toContain(ids.zhang);
    expect(idsOf(await list(admin, `q=${zhangIdNumber.slice(-8)}`))).toEqual(only("zhang"));
    expect(idsOf(await list(admin, `q=${householdNumberOuyang}`))).toEqual(only("ouyang"));
    // A household-number prefix as short as the county's code is not taken for a number.
    expect(idsOf(await list(admin, "q=341823"))).toEqual([]);
    // LIKE's own characters are text, not patterns.
    expect(idsOf(await list(admin, "q=%25"))).toEqual([]);
  });

  it("filters by region, cause, income band, guarantee, status and warnings", async () => {
    expect(idsOf(await list(admin, ""))).toEqual(only("ouyang", "wang", "zhang"));
    expect(idsOf(await list(admin, `regionCode=${townshipB}`))).toEqual(only("wang"));
    expect(idsOf(await list(admin, `regionCode=${VILLAGE_A}`))).toEqual(only("ouyang", "zhang"));
    expect(idsOf(await list(admin, `regionCode=${JING_COUNTY}`))).toEqual(only("ouyang", "wang", "zhang"));
    // Main or secondary cause.
    expect(idsOf(await list(admin, "cause=lack_skills"))).toEqual(only("ouyang"));
    expect(idsOf(await list(admin, "cause=disability"))).toEqual(only("wang"));
    expect(idsOf(await list(admin, "incomeBelow=4000"))).toEqual(only("wang"));
    expect(idsOf(await list(admin, "incomeAtLeast=4000"))).toEqual(only("ouyang", "zhang"));
    expect(idsOf(await list(admin, "guaranteeAtRisk=medical"))).toEqual(only("zhang"));
    expect(idsOf(await list(admin, "status=lifted&povertyAttribute=general"))).toEqual(
      only("ouyang", "wang", "zhang"),
    );
    expect(idsOf(await list(admin, "status=not_lifted"))).toEqual([]);
    const warned = await list(admin, "hasWarnings=true");
    const clean = await list(admin, "hasWarnings=false");
    expect([...idsOf(warned), ...idsOf(clean)].sort()).toEqual(only("ouyang", "wang", "zhang"));
    // Search and filters together.
    expect(idsOf(await list(admin, `q=7788&regionCode=${townshipB}`))).toEqual([]);
  });

  it("keeps a township officer inside the township, with filters and search", async () => {
    const officer = await createUserFixture(t.db, { role: "township_officer", regionCode: "341823100000" });
    const agent = await signIn(t.app, officer.username);
    expect(idsOf(await list(agent, ""))).toEqual(only("ouyang", "zhang"));
    expect(idsOf(await list(agent, `regionCode=${VILLAGE_A}`))).toEqual(only("ouyang", "zhang"));
    expect(idsOf(await list(agent, `q=${encodeURIComponent("李四")}`))).toEqual([]);
    expect(idsOf(await list(agent, "q=2222"))).toEqual([]);
    expect(idsOf(await list(agent, "q=欧阳"))).toEqual(only("ouyang"));
    expect((await agent.request("GET", `/api/households?regionCode=${townshipB}`)).statusCode).toBe(403);
  });

  it("sorts both ways with a stable order", async () => {
    const asc = await list(admin, "sort=perCapitaIncome&order=asc");
    const desc = await list(admin, "sort=perCapitaIncome&order=desc");
    expect(asc.rows[0]!.id).toBe(ids.wang);
    expect(desc.rows.map((r) => r.id)).toEqual([...asc.rows].reverse().map((r) => r.id));
    const paged = [
      ...(await list(admin, "pageSize=2&page=1")).rows,
      ...(await list(admin, "pageSize=2&page=2")).rows,
    ].map((r) => r.id);
    expect(paged.sort()).toEqual(only("ouyang", "wang", "zhang"));
  });

  it("counts exactly up to the cap and says when it stopped", async () => {
    expect(await list(admin, "")).toMatchObject({ total: 3, totalIsExact: true });
    const filter: HouseholdFilter = {
      scopePrefix: "341823",
      text: "",
      sort: "householdNumber",
      order: "asc",
      limit: 20,
      offset: 0,
    };
    expect(await findHouseholds(t.db, filter, 3)).toMatchObject({ total: 3, totalIsExact: true });
    const capped = await findHouseholds(t.db, filter, 2);
    expect(capped).toMatchObject({ total: 2, totalIsExact: false });
    expect(capped.rows).toHaveLength(3);
  });
});
