import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idNumberChecksum } from "../src/shared/id-number.js";
import { headerOf, NATIONAL_COLUMNS, type RosterColumnKey } from "../src/shared/roster/roster-columns.js";
import { launchBrowser, PAGE_OPTIONS, type RunningServer, startServer, watchPageErrors } from "./harness.js";

// The roster journey: upload a file with errors, read the problems, download the error report, fix
// the file, upload it again, import it, and find the new households in the household list.
let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let badImportUrl = "";
const NEW_ADMIN_PASSWORD = "Jingxian-2020roster";
// Household numbers of village 341823100001 (泾川镇 城南居委会) with a prefix unique to this run.
const PREFIX = `3418231000018${String(Date.now() % 100_000).padStart(5, "0")}`;
const NUMBER_A = `${PREFIX}1`;
const NUMBER_B = `${PREFIX}2`;

function idNumber(birthDate: string, sequence: string): string {
  const first17 = `341823${birthDate.replace(/-/g, "")}${sequence}`;
  return first17 + idNumberChecksum(first17);
}

const IDS = {
  headA: idNumber("1961-11-23", "917"),
  wifeA: idNumber("1963-04-14", "926"),
  headB: idNumber("1958-07-09", "935"),
  wifeB: idNumber("1960-12-30", "948"),
};
const WRONG_ID = `${IDS.headB.slice(0, 17)}${IDS.headB.endsWith("0") ? "1" : "0"}`;

type Person = Partial<Record<RosterColumnKey, string>>;

function personRow(householdNumber: string, index: number, person: Person): string[] {
  const row: Person = {
    county: "泾县",
    township: "泾川镇",
    village: "城南居委会",
    group: "",
    householdNumber,
    personNumber: `${householdNumber}0${index}`,
    memberCount: "2",
    ethnicity: "汉族",
    education: "初中",
    schoolingStatus: "非在校生",
    health: "健康",
    labourAbility: "普通劳动力",
    workPlace: "省外务工",
    workMonths: "10",
    hasSeriousIllnessInsurance: "是",
    status: "未脱贫",
    povertyAttribute: "一般贫困户",
    mainCause: "因病",
    isDangerousHouse: "否",
    isDrinkingWaterSafe: "是",
    hasWaterDifficulty: "否",
    perCapitaIncome: "3800.00",
    phone: "13955507788",
    ...person,
  };
  return NATIONAL_COLUMNS.map((key) => row[key] ?? "");
}

/** The roster as a county clerk's CSV (UTF-8 with BOM, as Excel saves it); `isFixed` corrects its two errors. */
function rosterCsv(isFixed: boolean): Buffer {
  const rows = [
    NATIONAL_COLUMNS.map(headerOf),
    personRow(NUMBER_A, 1, { name: "欧阳建国", idNumber: IDS.headA, relation: "户主" }),
    personRow(NUMBER_A, 2, { name: "司马春兰", idNumber: IDS.wifeA, relation: "配偶" }),
    personRow(NUMBER_B, 1, { name: "上官德明", idNumber: isFixed ? IDS.headB : WRONG_ID, relation: "户主" }),
    personRow(NUMBER_B, 2, { name: "诸葛秋菊", idNumber: IDS.wifeB, relation: isFixed ? "之妻" : "表哥" }),
  ];
  const text = `${rows.map((row) => row.join(",")).join("\r\n")}\r\n`;
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

async function sheetRows(download: Download): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const bytes = await readFile((await download.path())!);
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    rows.push(
      (row.values as unknown[])
        .slice(1)
        .map((cell) => (cell === null || cell === undefined ? "" : String(cell))),
    );
  });
  return rows;
}

async function upload(fileName: string, content: Buffer): Promise<void> {
  await page.locator('[data-testid="roster-upload"] input[type=file]').setInputFiles({
    name: fileName,
    mimeType: "text/csv",
    buffer: content,
  });
  await page.getByTestId("roster-submit").click();
  await page.waitForURL(/\/roster\/imports\/[0-9a-f-]{36}$/);
}

async function countOf(name: "created" | "updated" | "unchanged" | "rejected"): Promise<string> {
  return (
    (await page.locator(`[data-testid="roster-count-${name}"] .ant-statistic-content`).textContent()) ?? ""
  );
}

async function horizontalOverflow(): Promise<number> {
  return page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({
    ...PAGE_OPTIONS,
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
  });
  pageErrors = watchPageErrors(page);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("roster import journey in a real browser", () => {
  it("signs in as the first administrator", async () => {
    await page.goto(server.url);
    await page.getByTestId("login-username").fill("admin");
    await page.getByTestId("login-password").fill(server.adminPassword);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("pw-current").fill(server.adminPassword);
    await page.getByTestId("pw-new").fill(NEW_ADMIN_PASSWORD);
    await page.getByTestId("pw-repeat").fill(NEW_ADMIN_PASSWORD);
    await page.getByTestId("pw-submit").click();
    await page.getByTestId("nav-roster").first().waitFor();
  });

  it("offers the template in the national layout", async () => {
    await page.getByTestId("nav-roster").first().click();
    await page.waitForURL(/\/roster\/import$/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("roster-template").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect((await sheetRows(download)).flat()).toContain("证件号码");
  });

  it("asks a national administrator for the county, then checks a file with errors", async () => {
    await page.locator('[data-testid="roster-upload"] input[type=file]').setInputFiles({
      name: "城南社区花名册.csv",
      mimeType: "text/csv",
      buffer: rosterCsv(false),
    });
    await page.getByTestId("roster-submit").click();
    await page.getByText("请选择要导入到哪个县").waitFor();
    await page.getByTestId("roster-county").click();
    await page.keyboard.type("泾县");
    await page.locator(".ant-select-dropdown:visible").getByText("泾县").first().click();
    await page.getByTestId("roster-submit").click();
    await page.waitForURL(/\/roster\/imports\/[0-9a-f-]{36}$/);
    badImportUrl = page.url();
    await page.getByTestId("roster-problems").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("roster-file-name").textContent()).toBe("城南社区花名册.csv");
  });

  it("lists every problem by row and column, and refuses to import by default", async () => {
    const problems = page.getByTestId("roster-problem");
    expect(await problems.count()).toBeGreaterThanOrEqual(2);
    const text = (await page.getByTestId("roster-problems").textContent()) ?? "";
    expect(text).toContain("证件号码");
    expect(text).toContain(WRONG_ID);
    expect(text).toContain("与户主关系");
    expect(text).toContain("表哥");
    expect(await countOf("created")).toBe("1");
    expect(await countOf("rejected")).toBe("1");
    expect(await page.getByTestId("roster-commit").isDisabled()).toBe(true);
    await page.getByTestId("roster-only-valid").click();
    expect(await page.getByTestId("roster-commit").isDisabled()).toBe(false);
    await page.getByTestId("roster-commit").click();
    expect(await page.getByTestId("roster-commit-dialog").textContent()).toContain("将跳过 1 户");
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByTestId("roster-only-valid").click();
  });

  it("downloads the error report: the rows with an added 错误说明 column", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("roster-error-report").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/错误报告\.xlsx$/);
    const rows = await sheetRows(download);
    const header = rows[0] ?? [];
    const errorColumn = header.indexOf("错误说明");
    expect(errorColumn).toBeGreaterThan(0);
    const bad = rows.slice(1).filter((row) => row[errorColumn]);
    expect(bad.map((row) => row.find((cell) => /上官|诸葛/.test(cell)))).toEqual(["上官德明", "诸葛秋菊"]);
    expect(bad.map((row) => row[errorColumn]).join("\n")).toContain("表哥");
  });

  it("fits a 360-px phone screen: the problem list, the upload form and the history", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await page.getByTestId("roster-problems").waitFor();
    expect(await horizontalOverflow()).toBeLessThanOrEqual(1);
    await page.goto(`${server.url}/roster/import`);
    await page.getByTestId("roster-upload").waitFor();
    expect(await horizontalOverflow()).toBeLessThanOrEqual(1);
    await page.goto(`${server.url}/roster/imports`);
    await page.getByTestId("roster-import-link").first().waitFor();
    expect(await horizontalOverflow()).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(badImportUrl);
    await page.getByTestId("roster-problems").waitFor();
  });

  it("takes the fixed file, imports it after confirmation, and shows the outcome", async () => {
    await page.getByTestId("roster-reupload").first().click();
    await page.waitForURL(/\/roster\/import\?countyCode=341823000000/);
    await upload("城南社区花名册（已改）.csv", rosterCsv(true));
    await page.getByTestId("roster-no-problems").waitFor({ timeout: 60_000 });
    expect(await countOf("created")).toBe("2");
    expect(await countOf("rejected")).toBe("0");
    await page.getByTestId("roster-commit").click();
    await page.getByTestId("roster-commit-confirm").click();
    await page.getByTestId("roster-outcome").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("roster-outcome").textContent()).toContain("新建 2 户");
    expect(await page.getByTestId("roster-import-status").first().textContent()).toBe("已导入");
  });

  it("shows the new households in the household list", async () => {
    await page.getByTestId("roster-view-households").click();
    await page.waitForURL(/\/households\?regionCode=341823000000/);
    await page.getByTestId("household-search").fill(PREFIX);
    await expect.poll(() => page.getByTestId("household-row").count(), { timeout: 15_000 }).toBe(2);
    const text = (await page.getByTestId("households-table").textContent()) ?? "";
    expect(text).toContain("欧阳建国");
    expect(text).toContain("上官德明");
  });

  it("exports the filtered list, saying that personal data is not masked for an administrator", async () => {
    await page.getByTestId("household-export").click();
    expect(await page.getByTestId("household-export-note").textContent()).toContain("完整的证件号码");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("household-export-xlsx").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const rows = await sheetRows(download);
    expect(rows[0]).toContain("证件号码");
    expect(
      rows
        .slice(1)
        .map((row) => row[rows[0]!.indexOf("证件号码")])
        .sort(),
    ).toEqual(Object.values(IDS).sort());
  });

  it("keeps both imports in the history", async () => {
    await page.goto(`${server.url}/roster/imports`);
    const table = page.getByTestId("roster-imports-table");
    await table.getByText("城南社区花名册（已改）.csv").waitFor();
    const text = (await table.textContent()) ?? "";
    expect(text).toContain("已导入");
    expect(text).toContain("待确认");
    await page.getByTestId("roster-import-link").filter({ hasText: "城南社区花名册.csv" }).click();
    expect(page.url()).toBe(badImportUrl);
  });

  it("takes a household file and a member file together, and names the file of each problem", async () => {
    const numberC = `${PREFIX}3`;
    const csv = (rows: string[][]) =>
      Buffer.from(`${rows.map((row) => row.join(",")).join("\r\n")}\r\n`, "utf8");
    const households = csv([
      ["户编号", "户主姓名", "乡镇", "村", "人数", "贫困户属性", "致贫原因", "脱贫属性"],
      // 人数 says three; the member file has two.
      [numberC, "公孙大年", "泾川镇", "城南居委会", "3", "一般贫困户", "因病", "未脱贫"],
    ]);
    const member = (name: string, id: string, relation: string, sex: string) => [
      numberC,
      name,
      id,
      relation,
      sex,
      "汉族",
      "初中",
      "非在校生",
      "健康",
      "普通劳动力",
      "省外务工",
      "10",
      "是",
    ];
    const members = csv([
      [
        "户编号",
        "姓名",
        "证件号码",
        "与户主关系",
        "性别",
        "民族",
        "文化程度",
        "在校生状况",
        "健康状况",
        "劳动技能",
        "务工状况",
        "务工时间（月）",
        "参加大病医疗",
      ],
      member("公孙大年", idNumber("1966-02-03", "957"), "户主", "男"),
      member("公孙小红", idNumber("1968-05-06", "962"), "表哥", "女"),
    ]);
    await page.goto(`${server.url}/roster/import?countyCode=341823000000`);
    await page.locator('[data-testid="roster-upload"] input[type=file]').setInputFiles([
      { name: "城南户表.csv", mimeType: "text/csv", buffer: households },
      { name: "城南人表.csv", mimeType: "text/csv", buffer: members },
    ]);
    await page.getByTestId("roster-submit").click();
    await page.waitForURL(/\/roster\/imports\/[0-9a-f-]{36}$/);
    await page.getByTestId("roster-problems").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("roster-file-name").textContent()).toBe("城南户表.csv + 城南人表.csv");
    const sheets = await page.getByTestId("roster-problem-sheet").allTextContents();
    expect(new Set(sheets)).toEqual(new Set(["城南户表.csv", "城南人表.csv"]));
    const text = (await page.getByTestId("roster-problems").textContent()) ?? "";
    expect(text).toContain("表哥");
    expect(text).toContain("人数");
  });

  it("raised no uncaught errors in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
