import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  PAGE_OPTIONS,
  type RunningServer,
  signInFirstTime,
  startServer,
  watchPageErrors,
} from "./harness.js";

// The dashboard journey: the first administrator (national scope) opens the dashboard, drills down
// province → city → county → township with the same figures at each level as the API counts them,
// comes back up by the breadcrumb, and exports a table to Excel; then writes a briefing from the
// figures, edits it, issues it and downloads it as PDF and Word.
let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];
const NEW_ADMIN_PASSWORD = "Dashboard-2020e2e";
const ANHUI = "340000000000";
const XUANCHENG = "341800000000";
const JING = "341823000000";

type Figures = { households: number; people: number };

async function apiFigures(
  code: string,
): Promise<{ figures: Figures; children: { code: string; figures: Figures }[] }> {
  return page.evaluate(async (regionCode) => {
    const response = await fetch(`/api/dashboard?regionCode=${regionCode}`);
    return (await response.json()) as { figures: Figures; children: { code: string; figures: Figures }[] };
  }, code);
}

async function shownHouseholds(): Promise<number> {
  const text = await page.getByTestId("dashboard-figure-households").innerText();
  return Number(text.replace(/[^\d]/g, ""));
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({
    ...PAGE_OPTIONS,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  pageErrors = watchPageErrors(page);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("dashboard in a real browser", () => {
  it("signs in as the first administrator", async () => {
    await signInFirstTime(page, server.url, {
      username: "admin",
      password: server.adminPassword,
      newPassword: NEW_ADMIN_PASSWORD,
    });
    await page.getByTestId("nav-dashboard").first().waitFor();
  });

  it("drills down from the nation to a township with the API's figures at every level", async () => {
    await page.getByTestId("nav-dashboard").first().click();
    await page.getByTestId(`dashboard-child-${ANHUI}`).waitFor();
    const demo = await apiFigures(JING);
    // The demo county holds the only households: 300 at first start.
    expect(demo.figures.households).toBeGreaterThanOrEqual(300);
    expect(await shownHouseholds()).toBe(demo.figures.households);
    for (const [code, name] of [
      [ANHUI, "安徽省"],
      [XUANCHENG, "宣城市"],
      [JING, "泾县"],
    ]) {
      await page.getByTestId(`dashboard-child-${code}`).click();
      await page.waitForURL(new RegExp(`/dashboard/${code}$`));
      await page.getByRole("heading", { name: `${name}统计看板` }).waitFor();
      expect(await shownHouseholds()).toBe(demo.figures.households);
    }
    // The county's townships: the busiest one, then its figures one level down.
    const township = [...demo.children].sort((a, b) => b.figures.households - a.figures.households)[0]!;
    await page.getByTestId(`dashboard-child-${township.code}`).click();
    await page.waitForURL(new RegExp(`/dashboard/${township.code}$`));
    await page.getByTestId(`dashboard-crumb-${JING}`).waitFor();
    await expect.poll(shownHouseholds).toBe(township.figures.households);
    // The chart is drawn (SVG), with the region names in Chinese.
    const chartText = await page.getByTestId("dashboard-chart-status").innerText();
    expect(chartText).toContain("已脱贫");
    // Back up by the breadcrumb.
    await page.getByTestId(`dashboard-crumb-${JING}`).click();
    await page.waitForURL(new RegExp(`/dashboard/${JING}$`));
    await page.getByRole("heading", { name: "泾县统计看板" }).waitFor();
    expect(await shownHouseholds()).toBe(demo.figures.households);
    // Field work and monitoring beside the registry, with the numbers the API counts.
    const activity = await page.evaluate(async (regionCode) => {
      const response = await fetch(`/api/dashboard?regionCode=${regionCode}`);
      return ((await response.json()) as { activity: { visits: { visitedHouseholds: number } } }).activity;
    }, JING);
    expect((await page.getByTestId("dashboard-figure-visits").innerText()).replace(/,/g, "")).toContain(
      `${activity.visits.visitedHouseholds} / ${demo.figures.households}`,
    );
    await page.getByTestId("dashboard-table-monitoring").waitFor();
    expect(await page.getByTestId("dashboard-table-monitoring").innerText()).toContain("待处理预警");
  });

  it("exports the table of regions below as Excel with its header rows", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("dashboard-export-children").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^泾县-下级区划-\d{8}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? "")));
    });
    expect(rows[0]![0]).toBe("泾县下级区划统计表");
    expect(rows[1]![0]).toContain("安徽省");
    expect(rows[3]![0]).toMatch(/^统计时点：/);
    const total = rows.find((r) => r[0] === "合计")!;
    const demo = await apiFigures(JING);
    expect(Number(total[2])).toBe(demo.figures.households);
    expect(pageErrors).toEqual([]);
  });

  it("writes a briefing from the figures, edits it, issues it and downloads its PDF and Word files", async () => {
    await page.getByTestId("nav-briefings").first().click();
    await page.getByTestId("briefing-create").click();
    await page.getByTestId("briefing-title").fill("疫情防控期间脱贫攻坚工作简报");
    await page.getByTestId("briefing-create-submit").click();
    await page.waitForURL(/\/briefings\/[0-9a-f-]{36}$/);
    const registry = page.getByTestId("briefing-text-registry");
    await registry.waitFor();
    expect(await page.getByTestId("briefing-text-monitoring").inputValue()).toContain("监测预警");
    const demo = await apiFigures("000000000000");
    // Written from the records: the nation's households and people, to the unit.
    expect(await registry.inputValue()).toContain(
      `共有建档立卡贫困户${demo.figures.households}户${demo.figures.people}人`,
    );
    await registry.fill(`${await registry.inputValue()}\n\n各地要继续压实责任。`);
    await page.getByTestId("briefing-save").click();
    await page.getByText("已保存").waitFor();
    await page.getByTestId("briefing-issue").click();
    await page.getByTestId("briefing-office").fill("泾县扶贫开发领导小组办公室");
    await page.getByTestId("briefing-distribution").fill("县委、县政府主要领导，各乡镇");
    await page.getByTestId("briefing-issue-submit").click();
    await page.getByTestId("briefing-issue-confirm").click();
    await page.getByTestId("briefing-issue-line").waitFor();
    expect(await page.getByTestId("briefing-status").innerText()).toBe("已印发");
    expect(await page.getByTestId("briefing-issue-line").innerText()).toMatch(
      /^\d{4}年第1期，泾县扶贫开发领导小组办公室/,
    );
    // Frozen: no editor any more.
    expect(await page.getByTestId("briefing-save").count()).toBe(0);

    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("briefing-pdf").click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/简报-\d{4}年第1期-.*\.pdf$/);
    const pdfPath = (await pdf.path())!;
    expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe("%PDF-");
    const pdfText = execFileSync("pdftotext", [pdfPath, "-"]).toString();
    expect(pdfText).toContain("疫情防控期间脱贫攻坚工作简报");
    expect(pdfText).toContain("各地要继续压实责任。");
    const [docx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("briefing-docx").click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect((await readFile((await docx.path())!)).subarray(0, 2).toString()).toBe("PK");
    expect(pageErrors).toEqual([]);
  });
});
