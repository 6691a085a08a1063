import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDetail, HouseholdListRow } from "../../../shared/api/households.api.js";
import type { HouseholdDraft } from "../../../shared/household-draft.js";
import { draftOfDetail, householdDraft, memberDraft, testIdNumber } from "../../test/household-factory.js";
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
const VILLAGE = "341823100001";

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
});
afterAll(() => t.close());

type Saved = { household: HouseholdDetail; findings: { code: string }[] };

async function register(draft: HouseholdDraft, agent = admin) {
  const response = await agent.request("POST", "/api/households", { household: draft });
  return { response, json: response.json() as Saved };
}

describe("household registry", () => {
  it("registers a household with members and income, derived figures and masked personal data", async () => {
    const draft = householdDraft();
    const { response, json } = await register(draft);
    expect(response.statusCode).toBe(200);
    const detail = json.household;
    expect(detail).toMatchObject({
      householdNumber: draft.householdNumber,
      countyCode: JING_COUNTY,
      version: 1,
    });
    expect(detail.members).toHaveLength(4);
    expect(detail.members[0]!.idNumber).toMatch(/^341823\*{8}\d{3}[\dX]$/);
    expect(detail.phone).toBe("139****1234");
    expect(detail.bankAccount).toBe("************5678");
    // (30000 + 2000 + 0 + 3000 − 500) ÷ 4
    expect(detail.incomes[0]).toMatchObject({ year: 2020, perCapitaIncome: "8625.00", memberCount: 4 });
    expect(detail.guarantees.map((g) => g.light)).toEqual(["green", "green", "green", "green", "green"]);
    const versions = (await admin.request("GET", `/api/households/${detail.id}/versions`)).json() as {
      rows: unknown[];
    };
    expect(versions.rows).toHaveLength(1);
  });

  it("rejects hard check failures field by field and writes nothing", async () => {
    const draft = householdDraft();
    draft.members[1]!.idNumber =
      `${draft.members[1]!.idNumber.slice(0, 17)}${draft.members[1]!.idNumber.endsWith("0") ? "1" : "0"}`;
    draft.members.push(memberDraft({ name: "又一户主", relation: "head", birthDate: "1990-01-01" }));
    const { response } = await register(draft);
    expect(response.statusCode).toBe(400);
    const details = (response.json() as { error: { details: { path: string; code?: string }[] } }).error
      .details;
    const paths = details.map((d) => d.path);
    expect(paths).toContain("body.household.members.1.idNumber");
    // Each check names its code too, so the English interface can word it.
    expect(details.find((d) => d.path === "body.household.members.1.idNumber")?.code).toBe("id_checksum");
    expect(paths).toContain("body.household.members");
    expect(
      await t.db.query("select 1 from household where household_number = $1", [draft.householdNumber]),
    ).toEqual([]);
  });

  it("keeps one living person an active member of one household only", async () => {
    const first = householdDraft();
    expect((await register(first)).response.statusCode).toBe(200);
    const second = householdDraft();
    second.members[1] = {
      ...second.members[1]!,
      idNumber: first.members[1]!.idNumber,
      name: first.members[1]!.name,
    };
    const { response } = await register(second);
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain(first.householdNumber);
  });

  it("refuses a second household with the same number in the county", async () => {
    const draft = householdDraft();
    expect((await register(draft)).response.statusCode).toBe(200);
    const again = householdDraft({ householdNumber: draft.householdNumber });
    expect((await register(again)).response.statusCode).toBe(409);
  });

  it("saves warnings as data-quality findings but still saves", async () => {
    const draft = householdDraft();
    draft.income = { ...draft.income, business: 5000, businessCosts: 0 };
    const { response, json } = await register(draft);
    expect(response.statusCode).toBe(200);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.household.findings.length).toBe(json.findings.length);
    const list = (await admin.request("GET", "/api/households?hasWarnings=true&pageSize=200")).json() as {
      rows: HouseholdListRow[];
    };
    expect(list.rows.map((r) => r.id)).toContain(json.household.id);
  });

  it("versions every change, keeps masked values, detects concurrent edits and shows the past", async () => {
    const { json } = await register(householdDraft());
    const detail = json.household;
    const edit = draftOfDetail(detail);
    edit.members[1] = { ...edit.members[1]!, workPlace: "out_of_province", workMonths: 10 };
    const saved = await admin.request("PUT", `/api/households/${detail.id}`, {
      household: edit,
      version: 1,
      reason: "外出务工",
    });
    expect(saved.statusCode).toBe(200);
    const after = (saved.json() as Saved).household;
    expect(after.version).toBe(2);
    expect(after.members[1]).toMatchObject({ workPlace: "out_of_province", version: 2 });
    expect(after.members[0]!.version).toBe(1);
    // The stored ID number is untouched although the form only ever saw it masked.
    const [stored] = await t.db.query<{ id: string }>("select id_number as id from member where id = $1", [
      detail.members[0]!.id,
    ]);
    expect(stored?.id).not.toContain("*");
    const stale = await admin.request("PUT", `/api/households/${detail.id}`, {
      household: edit,
      version: 1,
      reason: "晚了",
    });
    expect(stale.statusCode).toBe(409);
    const versions = (await admin.request("GET", `/api/households/${detail.id}/versions`)).json() as {
      rows: { version: number; reason: string; changedAt: string }[];
    };
    expect(versions.rows.map((v) => [v.version, v.reason])).toEqual([
      [2, "外出务工"],
      [1, "新建档"],
    ]);
    const asOf = encodeURIComponent(versions.rows[1]!.changedAt);
    const past = (
      await admin.request("GET", `/api/households/${detail.id}?asOf=${asOf}`)
    ).json() as HouseholdDetail;
    expect(past.version).toBe(1);
    expect(past.members[1]!.workPlace).toBe("none");
    const v1 = (await admin.request("GET", `/api/households/${detail.id}/versions/1`)).json() as {
      snapshot: unknown;
    };
    // Every ID number in the snapshot is masked (the household number may look like one; it is not personal).
    expect(JSON.stringify(v1.snapshot)).toMatch(/"idNumber":"341823\*{8}\d{3}[\dX]"/);
    expect(JSON.stringify(v1.snapshot)).not.toMatch(/"idNumber":"\d{17}[\dX]"/);
  });

  it("never drops a member silently", async () => {
    const { json } = await register(householdDraft());
    const edit = draftOfDetail(json.household);
    edit.members.pop();
    const response = await admin.request("PUT", `/api/households/${json.household.id}`, {
      household: edit,
      version: 1,
      reason: "删人",
    });
    expect(response.statusCode).toBe(400);
  });

  it("finds households by name, number, ID-number tail and phone tail, with filters and paging", async () => {
    const draft = householdDraft();
    draft.members[0] = { ...draft.members[0]!, name: "欧阳锋", idNumber: testIdNumber("1966-06-06", "male") };
    draft.phone = "13700007788";
    const { json } = await register(draft);
    const search = async (q: string) =>
      (
        (await admin.request("GET", `/api/households?q=${encodeURIComponent(q)}`)).json() as {
          rows: HouseholdListRow[];
        }
      ).rows.map((r) => r.id);
    expect(await search("欧阳")).toEqual([json.household.id]);
    expect(await search(draft.householdNumber)).toEqual([json.household.id]);
    expect(await search(draft.members[0]!.idNumber.slice(-6))).toEqual([json.household.id]);
    expect(await search("7788")).toContain(json.household.id);
    const row = (
      (await admin.request("GET", `/api/households?q=${encodeURIComponent("欧阳锋")}`)).json() as {
        rows: HouseholdListRow[];
      }
    ).rows[0]!;
    expect(row).toMatchObject({ headName: "欧阳锋", memberCount: 4, perCapitaIncome: "8625.00" });
    expect(row.headIdNumber).toContain("********");
    const page = (
      await admin.request("GET", "/api/households?pageSize=2&sort=perCapitaIncome&order=desc")
    ).json() as {
      rows: HouseholdListRow[];
      total: number;
    };
    expect(page.rows).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const lifted = (await admin.request("GET", "/api/households?status=not_lifted")).json() as {
      total: number;
    };
    expect(lifted.total).toBe(0);
  });

  it("limits a caseworker to the households assigned to them, with history kept on reassignment", async () => {
    const a = (await register(householdDraft())).json.household;
    const b = (await register(householdDraft())).json.household;
    const first = await createUserFixture(t.db, { role: "caseworker", regionCode: VILLAGE });
    const second = await createUserFixture(t.db, { role: "caseworker", regionCode: VILLAGE });
    expect(
      (await admin.request("PUT", `/api/households/${a.id}/caseworkers`, { userIds: [first.id] })).statusCode,
    ).toBe(200);
    const worker = await signIn(t.app, first.username);
    const mine = (await worker.request("GET", "/api/households?pageSize=200")).json() as {
      rows: HouseholdListRow[];
      total: number;
    };
    expect(mine.rows.map((r) => r.id)).toEqual([a.id]);
    expect((await worker.request("GET", `/api/households/${b.id}`)).statusCode).toBe(403);
    expect((await worker.request("GET", `/api/households/${a.id}`)).statusCode).toBe(200);
    // The colleague takes over.
    const handover = await admin.request("PUT", `/api/households/${a.id}/caseworkers`, {
      userIds: [second.id],
      reason: "工作调整",
    });
    const result = handover.json() as {
      current: { id: string }[];
      history: { id: string; endedAt: string | null }[];
    };
    expect(result.current.map((c) => c.id)).toEqual([second.id]);
    expect(result.history.find((h) => h.id === first.id)?.endedAt).not.toBeNull();
    expect((await worker.request("GET", `/api/households/${a.id}`)).statusCode).toBe(403);
    expect(((await worker.request("GET", "/api/households")).json() as { total: number }).total).toBe(0);
    const notCaseworker = await admin.request("PUT", `/api/households/${a.id}/caseworkers`, {
      userIds: [a.id],
    });
    expect(notCaseworker.statusCode).toBe(400);
  });

  it("reveals a personal field in full only on request, and audits the reveal", async () => {
    const draft = householdDraft();
    const { json } = await register(draft);
    const member = json.household.members[0]!;
    const reveal = await admin.request("POST", `/api/households/${json.household.id}/reveal`, {
      field: "idNumber",
      memberId: member.id,
    });
    expect(reveal.json()).toEqual({ value: draft.members[0]!.idNumber });
    const audited = await t.db.query(
      "select 1 from audit_event where action = 'personal_data.reveal' and entity_id = $1",
      [member.id],
    );
    expect(audited).toHaveLength(1);
    const leader = await createUserFixture(t.db, { role: "leader", regionCode: JING_COUNTY });
    const reader = await signIn(t.app, leader.username);
    const denied = await reader.request("POST", `/api/households/${json.household.id}/reveal`, {
      field: "phone",
    });
    expect(denied.statusCode).toBe(403);
  });
});
