import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RosterImportView } from "../../../shared/api/roster.api.js";
import { headerOf } from "../../../shared/roster/roster-columns.js";
import {
  csvOf,
  KUIFENG_HEADER,
  kuifengHouseholds,
  twoSheetHouseholds,
  xlsxOf,
} from "../../test/roster-fixtures.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";
import ExcelJS from "./exceljs.js";
import { EXPORT_COLUMNS } from "./roster-export.js";

// The web app's path through an import: upload, poll the background job, read the problems,
// download the error report, confirm; then export and import the export again (round trip).

let t: TestApp;
let admin: TestAgent;
let leader: TestAgent;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type ImportWithProblems = RosterImportView & {
  problemList: { row: number; column: string; reason: string }[];
};

async function upload(agent: TestAgent, content: Buffer, fileName: string, type = XLSX) {
  const response = await agent.request(
    "POST",
    `/api/roster/imports?fileName=${encodeURIComponent(fileName)}`,
    content,
    { "content-type": type },
  );
  expect(response.statusCode, response.body).toBe(200);
  return settle(agent, (response.json() as RosterImportView).id);
}

/** Polls an import as the page does until its job has finished. */
async function settle(agent: TestAgent, id: string): Promise<ImportWithProblems> {
  for (let i = 0; i < 600; i += 1) {
    const response = await agent.request("GET", `/api/roster/imports/${id}`);
    const view = response.json() as ImportWithProblems;
    if (view.status !== "validating" && view.status !== "committing") return view;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("import did not finish");
}

async function commit(agent: TestAgent, id: string, isOnlyValid = false) {
  const response = await agent.request("POST", `/api/roster/imports/${id}/commit`, { isOnlyValid });
  expect(response.statusCode, response.body).toBe(200);
  return settle(agent, id);
}

async function sheetRows(content: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const fixture = kuifengHouseholds();

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(
    t.app,
    (await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY })).username,
  );
  leader = await signIn(
    t.app,
    (await createUserFixture(t.db, { role: "leader", regionCode: JING_COUNTY })).username,
  );
});
afterAll(() => t.close());

describe("import through the API", () => {
  it("validates in the background, then commits on confirmation", async () => {
    const file = await xlsxOf([KUIFENG_HEADER, ...fixture.rows], {
      title: "泾县贫困人口信息",
      extraSheetFirst: true,
    });
    const validated = await upload(admin, file, "茂林镇.xlsx");
    expect(validated).toMatchObject({
      status: "validated",
      rowsTotal: 5,
      created: 2,
      problems: 0,
      hasErrorReport: false,
    });
    expect(await t.db.query("select 1 from household")).toEqual([]);
    const committed = await commit(admin, validated.id);
    expect(committed).toMatchObject({ status: "committed", created: 2 });
    expect(committed.committedAt).not.toBeNull();
    const [stored] = await t.db.query<{ n: number }>("select count(*)::int as n from household");
    expect(stored?.n).toBe(2);
    // The uploaded file is deleted just after the status says committed.
    await expect
      .poll(() => t.db.query("select 1 from roster_import_file where import_id = $1", [validated.id]))
      .toEqual([]);
    const again = await admin.request("POST", `/api/roster/imports/${validated.id}/commit`, {
      isOnlyValid: false,
    });
    expect(again.statusCode).toBe(409);
  });

  it("lists every problem, offers the error report, and imports nothing until told", async () => {
    const rows = fixture.rows.map((row) => [...row]);
    rows[1]![9] = "表哥";
    rows[2]![13] = "残疾";
    const validated = await upload(admin, await xlsxOf([KUIFENG_HEADER, ...rows]), "改过.xlsx");
    expect(validated.problemList.map((p) => [p.row, p.column])).toEqual([
      [3, "与户主关系"],
      [4, "健康状况"],
    ]);
    expect(validated).toMatchObject({
      status: "validated",
      problems: 2,
      rejected: 1,
      unchanged: 1,
      hasErrorReport: true,
    });
    const report = await admin.request("GET", `/api/roster/imports/${validated.id}/error-report`);
    expect(report.statusCode).toBe(200);
    expect(report.headers["content-type"]).toContain("spreadsheetml");
    const reportRows = await sheetRows(report.rawPayload);
    expect(reportRows[0]).toContain("错误说明");
    expect(String(reportRows[2]!.at(-1))).toContain("【与户主关系】“表哥”");
    expect(reportRows[1]!.length).toBeLessThan(reportRows[2]!.length);
    const refused = await commit(admin, validated.id);
    expect(refused).toMatchObject({ status: "validated", message: expect.stringContaining("2 处错误") });
    const partial = await commit(admin, validated.id, true);
    expect(partial).toMatchObject({ status: "committed", rejected: 1, unchanged: 1, created: 0 });
  });

  it("refuses a file that is not a roster, with a reason, and keeps serving", async () => {
    const pdf = Buffer.from("%PDF-1.4\n%…");
    const rejected = await upload(admin, pdf, "花名册.xlsx");
    expect(rejected).toMatchObject({ status: "rejected", message: expect.stringContaining("PDF") });
    expect((await admin.request("GET", "/api/health")).statusCode).toBe(200);
  });

  it("keeps the history of the county's imports", async () => {
    const history = await admin.request("GET", "/api/roster/imports?pageSize=50");
    const page = history.json() as { rows: RosterImportView[]; total: number };
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(page.rows[0]!.fileName).toBe("花名册.xlsx");
    expect((await leader.request("GET", "/api/roster/imports")).statusCode).toBe(403);
  });
});

describe("export", () => {
  it("round-trips: importing an export changes nothing", async () => {
    const exported = await admin.request("GET", "/api/roster/export");
    expect(exported.statusCode).toBe(200);
    expect(String(exported.headers["content-disposition"])).toContain("filename*=UTF-8''");
    const rows = await sheetRows(exported.rawPayload);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map(headerOf));
    expect(rows[0]!.slice(0, 5)).toEqual(["县(市、区、旗)", "乡(镇)", "行政村", "自然村", "户编号"]);
    expect(rows).toHaveLength(1 + 5);
    expect(rows[1]).toContain(fixture.ids.head);
    // 人编号 comes back as the file gave it (text, not a rounded number).
    expect(rows.slice(1).map((row) => row[5])).toEqual(fixture.rows.map((row) => row[5]));
    const versions = await t.db.query("select 1 from household_version");
    const reimported = await upload(admin, exported.rawPayload, "导出.xlsx");
    expect(reimported).toMatchObject({ problems: 0, created: 0, updated: 0, unchanged: 2 });
    expect(await commit(admin, reimported.id)).toMatchObject({ status: "committed", unchanged: 2 });
    expect(await t.db.query("select 1 from household_version")).toHaveLength(versions.length);
  });

  it("masks personal data for a user who may not reveal it, and the masked file still re-imports", async () => {
    const exported = await leader.request("GET", "/api/roster/export?format=xlsx");
    expect(exported.statusCode).toBe(200);
    const rows = await sheetRows(exported.rawPayload);
    expect(rows.flat()).not.toContain(fixture.ids.head);
    expect(rows[1]!.join(",")).toMatch(/341823\*{8}\d{3}[\dX]/);
    const reimported = await upload(admin, exported.rawPayload, "脱敏.xlsx");
    expect(reimported.problemList).toEqual([]);
    expect(reimported).toMatchObject({ problems: 0, unchanged: 2 });
    const audit = await t.db.query<{ after: { isMasked: boolean } }>(
      "select after from audit_event where action = 'roster.export' order by occurred_at",
    );
    expect(audit.map((a) => a.after.isMasked)).toEqual([false, true]);
  });

  it("exports CSV that re-imports unchanged, filtered like the household list", async () => {
    const exported = await admin.request("GET", "/api/roster/export?format=csv&povertyAttribute=dibao");
    expect(exported.statusCode).toBe(200);
    expect(exported.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = exported.rawPayload.toString("utf8").trim().split("\r\n");
    expect(lines).toHaveLength(1 + 2);
    const reimported = await upload(admin, exported.rawPayload, "导出.csv", "text/csv");
    expect(reimported).toMatchObject({ problems: 0, unchanged: 1, created: 0 });
  });

  it("offers the empty template", async () => {
    const template = await admin.request("GET", "/api/roster/template");
    expect(template.statusCode).toBe(200);
    expect((await sheetRows(template.rawPayload))[0]).toContain("证件号码");
  });
});

describe("a household file and a member file in one upload", () => {
  const BOUNDARY = "----bangfuFormBoundary0123";
  const form = (files: [string, Buffer][]) =>
    Buffer.concat([
      ...files.flatMap(([name, content]) => [
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        content,
        Buffer.from("\r\n"),
      ]),
      Buffer.from(`--${BOUNDARY}--\r\n`),
    ]);

  it("validates both, names the sheet of each problem, reports both sheets, and commits", async () => {
    const two = twoSheetHouseholds();
    const renumber = (cell: unknown) =>
      cell === two.numbers.a ? "3418231012000701" : cell === two.numbers.b ? "3418231012000702" : cell;
    const households = two.households.map((row) => row.map((cell) => String(renumber(cell) ?? "")));
    const members = two.members.map((row) => row.map(renumber) as (string | number | null)[]);
    members[2]![3] = "表哥";
    const body = form([
      ["户表.csv", csvOf(households, "gbk")],
      ["人表.xlsx", await xlsxOf(members)],
    ]);
    const response = await admin.request("POST", "/api/roster/imports", body, {
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const validated = await settle(admin, (response.json() as RosterImportView).id);
    expect(validated).toMatchObject({
      status: "validated",
      fileName: "户表.csv + 人表.xlsx",
      rowsTotal: 7,
      problems: 1,
      created: 1,
      rejected: 1,
      hasErrorReport: true,
    });
    expect(validated.problemList).toMatchObject([{ sheet: "人表.xlsx", row: 3, column: "与户主关系" }]);
    const report = await admin.request("GET", `/api/roster/imports/${validated.id}/error-report`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["户表-户表.csv", "人表-人表.xlsx", "问题清单"]);
    expect(String(workbook.worksheets[1]!.getRow(3).getCell(members[0]!.length + 1).value)).toContain(
      "【与户主关系】“表哥”",
    );
    const committed = await commit(admin, validated.id, true);
    expect(committed).toMatchObject({ status: "committed", created: 1, rejected: 1 });
    expect(
      await t.db.query("select 1 from household where household_number = '3418231012000702'"),
    ).toHaveLength(1);
  });

  it("refuses a third file and a body over the limit", async () => {
    const three = form([
      ["a.csv", Buffer.from("a")],
      ["b.csv", Buffer.from("b")],
      ["c.csv", Buffer.from("c")],
    ]);
    const response = await admin.request("POST", "/api/roster/imports", three, {
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("最多上传两个文件");
    const noName = await admin.request("POST", "/api/roster/imports", Buffer.from("x"), {
      "content-type": "text/csv",
    });
    expect(noName.statusCode).toBe(400);
  });
});
