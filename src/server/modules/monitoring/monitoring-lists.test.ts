import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import { householdDraft, testIdNumber } from "../../test/household-factory.js";
import { csvOf, xlsxOf } from "../../test/roster-fixtures.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  PENGXI_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";

// Department lists: read, checked row by row (refused whole on any problem), matched to active
// members by ID number, unmatched rows reported, matches raising deduplicated alerts.

let t: TestApp;
let officer: TestAgent;
let admin: TestAgent;
let first: { id: string; ids: string[] };
let second: { id: string; ids: string[] };
let pengxiMemberId: string;

async function registerIn(agent: TestAgent, regionCode: string, county6?: string) {
  const draft = householdDraft({ regionCode });
  if (county6) {
    draft.members = draft.members.map((m) => ({
      ...m,
      idNumber: testIdNumber(
        `${m.idNumber.slice(6, 10)}-${m.idNumber.slice(10, 12)}-${m.idNumber.slice(12, 14)}`,
        m.sex,
        county6,
      ),
    }));
  }
  const response = await agent.request("POST", "/api/households", { household: draft });
  expect(response.statusCode, response.body).toBe(200);
  const household = (response.json() as { household: HouseholdDetail }).household;
  const rows = await t.db.query<{ idNumber: string }>(
    `select id_number as "idNumber" from member where household_id = $1 order by position`,
    [household.id],
  );
  return { id: household.id, ids: rows.map((r) => r.idNumber) };
}

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "department_officer", regionCode: JING_COUNTY });
  officer = await signIn(t.app, user.username);
  const jingAdmin = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, jingAdmin.username);
  first = await registerIn(admin, "341823100001");
  second = await registerIn(admin, "341823100001");
  const pengxiAdmin = await createUserFixture(t.db, { role: "administrator", regionCode: PENGXI_COUNTY });
  const pengxi = await registerIn(await signIn(t.app, pengxiAdmin.username), "510921100001", "510921");
  pengxiMemberId = pengxi.ids[0]!;
});
afterAll(() => t.close());

const upload = (content: Buffer, fileName: string, department = "medical_insurance", agent = officer) =>
  agent.request(
    "POST",
    `/api/monitoring/lists?fileName=${encodeURIComponent(fileName)}&department=${department}`,
    content,
    {
      "content-type": fileName.endsWith(".csv") ? "text/csv" : "application/octet-stream",
    },
  );

async function counts() {
  const [row] = await t.db.query<{ lists: number; alerts: number }>(
    `select (select count(*)::int from monitoring_list) as lists,
       (select count(*)::int from monitoring_alert) as alerts`,
  );
  return row!;
}

describe("department lists", () => {
  it("refuses a list with malformed ID numbers, unknown columns or duplicate rows, naming each row; writes nothing", async () => {
    const before = await counts();
    const bad = csvOf(
      [
        ["序号", "姓名", "证件号码", "原因", "备注"],
        ["1", "张大山", first.ids[0]!, "住院自付3万元", ""],
        ["2", "某某", "34182319800101123", "住院", ""],
        ["3", "某某", `${first.ids[1]!.slice(0, 17)}${first.ids[1]!.endsWith("0") ? "1" : "0"}`, "住院", ""],
        ["4", "张大山", first.ids[0]!, "重复", ""],
        ["5", "李四", second.ids[0]!, "", ""],
      ],
      "gbk",
    );
    const response = await upload(bad, "医保名单.csv");
    expect(response.statusCode).toBe(400);
    const details = (response.json() as { error: { details: { path: string; message: string }[] } }).error
      .details;
    expect(details.map((d) => d.path)).toEqual([
      "file.rows.1.备注",
      "file.rows.3.证件号码",
      "file.rows.4.证件号码",
      "file.rows.5.证件号码",
      "file.rows.6.原因",
    ]);
    expect(details[0]!.message).toContain("未知的列");
    expect(details[1]!.message).toContain("不是18位");
    expect(details[2]!.message).toContain("校验位");
    expect(details[3]!.message).toContain("与第 2 行");
    expect(await counts()).toEqual(before);
    const noIdColumn = await upload(
      csvOf(
        [
          ["姓名", "原因"],
          ["张三", "x"],
        ],
        "utf-8",
      ),
      "x.csv",
    );
    expect(noIdColumn.statusCode).toBe(400);
    expect(noIdColumn.json().error.details[0].message).toContain("证件号码");
  });

  it("matches rows to active members, reports the unmatched, raises one alert per household", async () => {
    const stranger = testIdNumber("1985-02-03", "male");
    const list = await xlsxOf([
      ["身份证号", "姓名", "原因"],
      [first.ids[0]!, "张大山", "住院自付3万元"],
      [first.ids[1]!, "李秀英", "慢病门诊"],
      [second.ids[0]!, "张大山", "大病救助"],
      [stranger, "王五", "住院"],
      [pengxiMemberId, "赵六", "住院"],
    ]);
    const response = await upload(list, "医保高额支出.xlsx");
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      department: "medical_insurance",
      rowCount: 5,
      matchedCount: 3,
      unmatchedCount: 2,
      alertCount: 2,
      isRuleSwitchedOff: false,
    });
    expect(body.unmatched).toEqual([
      {
        row: 5,
        idNumber: `${stranger.slice(0, 6)}********${stranger.slice(-4)}`,
        name: "王五",
        reason: "住院",
        why: "本县建档立卡户中无此在户成员",
      },
      expect.objectContaining({ row: 6, why: expect.stringContaining("510921000000") }),
    ]);
    const alerts = await t.db.query<{
      householdId: string;
      facts: { department: string; people: unknown[] };
    }>(
      `select household_id as "householdId", facts from monitoring_alert where rule_code = 'department_list' and status = 'open'`,
    );
    const ofFirst = alerts.find((a) => a.householdId === first.id)!;
    expect(ofFirst.facts.department).toBe("medical_insurance");
    expect(ofFirst.facts.people).toEqual([
      { row: 2, name: "张大山", idNumberTail: first.ids[0]!.slice(-4), reason: "住院自付3万元" },
      { row: 3, name: "李秀英", idNumberTail: first.ids[1]!.slice(-4), reason: "慢病门诊" },
    ]);
    expect(JSON.stringify(alerts)).not.toContain(first.ids[0]!);
    const detail = await officer.request("GET", `/api/monitoring/lists/${body.id}`);
    expect(detail.json()).toMatchObject({ unmatchedCount: 2, unmatched: [{ row: 5 }, { row: 6 }] });
    const history = await officer.request("GET", "/api/monitoring/lists");
    expect((history.json() as { total: number }).total).toBe(1);
  });

  it("does not open a second alert for a household that has one open; a switched-off rule raises none", async () => {
    const again = await upload(
      csvOf(
        [
          ["证件号码", "原因"],
          [first.ids[2]!, "民政临时救助"],
        ],
        "utf-8",
      ),
      "民政.csv",
      "civil_affairs",
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ matchedCount: 1, alertCount: 0 });
    const [open] = await t.db.query<{ n: number }>(
      "select count(*)::int as n from monitoring_alert where household_id = $1 and status = 'open'",
      [first.id],
    );
    expect(open!.n).toBe(1);
    const year = new Date().getUTCFullYear();
    const off = await admin.request("PUT", "/api/monitoring/rules/department_list", {
      countyCode: JING_COUNTY,
      year,
      isEnabled: false,
      thresholds: {},
      effectiveFrom: `${year}-01-01`,
      effectiveTo: null,
      version: 0,
    });
    expect(off.statusCode, off.body).toBe(200);
    const third = await registerIn(admin, "341823100001");
    const quiet = await upload(
      csvOf(
        [
          ["证件号码", "原因"],
          [third.ids[0]!, "新办残疾证"],
        ],
        "utf-8",
      ),
      "残联.csv",
      "disabled_persons",
    );
    expect(quiet.json()).toMatchObject({ matchedCount: 1, alertCount: 0, isRuleSwitchedOff: true });
  });

  it("takes lists only from department officers and administrators of the county", async () => {
    const cadre = await createUserFixture(t.db, { role: "village_cadre", regionCode: "341823100001" });
    const csv = csvOf(
      [
        ["证件号码", "原因"],
        [first.ids[0]!, "x"],
      ],
      "utf-8",
    );
    expect((await upload(csv, "a.csv", "other", await signIn(t.app, cadre.username))).statusCode).toBe(403);
    const pengxi = await createUserFixture(t.db, { role: "department_officer", regionCode: PENGXI_COUNTY });
    const outsider = await signIn(t.app, pengxi.username);
    const refused = await outsider.request(
      "POST",
      `/api/monitoring/lists?fileName=a.csv&department=other&countyCode=${JING_COUNTY}`,
      csv,
      { "content-type": "text/csv" },
    );
    expect(refused.statusCode).toBe(403);
    expect(((await outsider.request("GET", "/api/monitoring/lists")).json() as { total: number }).total).toBe(
      0,
    );
  });
});
