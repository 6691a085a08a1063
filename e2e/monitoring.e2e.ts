import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDraft } from "../src/shared/household-draft.js";
import { idNumberChecksum } from "../src/shared/id-number.js";
import {
  isMotionReduced,
  launchBrowser,
  PAGE_OPTIONS,
  type RunningServer,
  startServer,
  watchPageErrors,
} from "./harness.js";

// The monitoring journey: the county administrator sweeps; a household saved below the line raises
// an alert; the village cadre starts identification from it, verifies and reviews; the township
// reviews; the county identifies it as a monitored household; a measure is recorded and done;
// income rises; risk elimination is proposed, reviewed and confirmed; the household stays watched.
let server: RunningServer;
let browser: Browser;
const pages = {} as Record<"admin" | "county" | "township" | "cadre", Page>;
let pageErrors: string[] = [];
let householdId = "";
let caseUrl = "";
const VILLAGE = "341823100001";
const TOWNSHIP = "341823100000";
const COUNTY = "341823000000";
const PASSWORD = "Jingxian-2020e2e";
const INCOME_YEAR = new Date().getFullYear() - 1;
const HEAD_NAME = "监测端到端";
const HEAD_ID = (() => {
  const first17 = `341823${"19820304"}${String(Date.now() % 500).padStart(3, "0")}`;
  return first17 + idNumberChecksum(first17);
})();
const today = () => new Date().toISOString().slice(0, 10);

function draft(wage: number, householdNumber: string, memberId?: string): HouseholdDraft {
  return {
    regionCode: VILLAGE,
    householdNumber,
    address: "泾川镇城南村二组",
    phone: null,
    bankAccount: null,
    povertyAttribute: "general",
    identificationStandard: "national",
    mainCause: "illness",
    secondaryCauses: [],
    status: "lifted",
    liftedYear: 2019,
    cultivatedLandMu: 2,
    forestLandMu: 0,
    houseAreaM2: 80,
    dangerousHouseGrade: "none",
    hasElectricity: true,
    isDrinkingWaterSafe: true,
    hasWaterDifficulty: false,
    hasRoadToHouse: true,
    hasSanitaryToilet: true,
    fuel: "firewood",
    isCooperativeMember: false,
    members: [
      {
        ...(memberId ? { id: memberId } : {}),
        name: HEAD_NAME,
        sex: Number(HEAD_ID[16]) % 2 === 1 ? "male" : "female",
        idNumber: HEAD_ID,
        relation: "head",
        ethnicity: "han",
        education: "junior",
        schoolingStatus: "not_in_school",
        health: "healthy",
        disabilityGrade: null,
        labourAbility: "ordinary",
        workPlace: "in_county",
        workMonths: 10,
        hasBasicMedicalInsurance: true,
        hasSeriousIllnessInsurance: true,
        hasBasicPension: true,
        phone: null,
        status: "active",
      },
    ],
    income: {
      year: INCOME_YEAR,
      wage,
      business: 0,
      property: 0,
      transfer: 0,
      pension: 0,
      dibao: 0,
      tekun: 0,
      ecoCompensation: 0,
      otherTransfer: 0,
      businessCosts: 0,
    },
  };
}

/** Calls the API from a signed-in page, as the web client does. */
async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch("/api/session")).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { "Content-Type": "application/json", "X-CSRF-Token": session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

async function signIn(page: Page, username: string, password: string) {
  await page.goto(server.url);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("pw-current").fill(password);
  await page.getByTestId("pw-new").fill(PASSWORD);
  await page.getByTestId("pw-repeat").fill(PASSWORD);
  await page.getByTestId("pw-submit").click();
  await page.getByTestId("nav-monitoring").first().waitFor();
}

/** Chooses an option of an antd Select by its visible text. */
async function choose(page: Page, testId: string, optionText: string) {
  const openLists = page.locator(".ant-select-dropdown:visible");
  // A list left open (a multiple choice stays open) or still closing swallows the next click:
  // close it by a click on the dialog's title and wait until no list shows.
  if ((await openLists.count()) > 0) await page.locator(".ant-modal-title:visible").first().click();
  await expect.poll(() => openLists.count(), { timeout: 10_000 }).toBe(0);
  await page.getByTestId(testId).click();
  await openLists.locator(".ant-select-item-option").filter({ hasText: optionText }).first().click();
  // The select shows its choice a render after the click.
  await page.getByTestId(testId).filter({ hasText: optionText }).waitFor();
}

/** Takes the case's step `action` on its page with a comment. */
async function takeStep(page: Page, action: string, comment: string, fill?: () => Promise<void>) {
  await page.goto(caseUrl);
  await page.getByTestId(`case-action-${action}`).click();
  await fill?.();
  await page.getByTestId("step-comment").fill(comment);
  await page.getByTestId("step-submit").click();
  // Done when the action is gone; a refusal shown in the dialog instead fails with its words.
  const refusal = page.getByTestId("step-refusal");
  const refused = refusal.waitFor().then(
    async () => (await refusal.textContent()) ?? "",
    // No refusal: the step's outcome is the action's going (or its timeout).
    () => new Promise<string>(() => undefined),
  );
  const done = page
    .getByTestId(`case-action-${action}`)
    .waitFor({ state: "detached" })
    .then(() => undefined);
  const reason = await Promise.race([done, refused]);
  if (reason !== undefined) throw new Error(`step ${action} refused: ${reason}`);
}

async function stageText(page: Page) {
  return (await page.getByTestId("case-stage").first().textContent()) ?? "";
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  for (const name of ["admin", "county", "township", "cadre"] as const) {
    const context = await browser.newContext({ ...PAGE_OPTIONS, viewport: { width: 1280, height: 900 } });
    pages[name] = await context.newPage();
    pageErrors = [...pageErrors, ...watchPageErrors(pages[name])];
  }
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("monitoring journey in a real browser", () => {
  it("sets up the county's staff", async () => {
    await signIn(pages.admin, "admin", server.adminPassword);
    for (const [name, role, regionCode] of [
      ["county", "administrator", COUNTY],
      ["township", "township_officer", TOWNSHIP],
      ["cadre", "village_cadre", VILLAGE],
    ] as const) {
      const created = await api(pages.admin, "POST", "/api/users", {
        username: `e2e.monitor.${name}`,
        displayName: `端到端${name}`,
        role,
        regionCode,
      });
      expect(created.status, JSON.stringify(created.json)).toBe(200);
      await signIn(pages[name], `e2e.monitor.${name}`, created.json.temporaryPassword as string);
    }
    // Dialogs and lists appear without animation (the steps below click into them at once).
    expect(await isMotionReduced(pages.admin)).toBe(true);
    const duration = await pages.admin.evaluate<string>(
      `getComputedStyle(document.querySelector("[class*='css-var-']")).getPropertyValue("--ant-motion-duration-mid")`,
    );
    expect(duration.trim()).toBe("0s");
  });

  it("the county sweeps with its rules; rules without data are marked, not evaluated", async () => {
    const page = pages.county;
    await page.getByTestId("nav-monitoring").first().click();
    await page.getByTestId("monitoring-link-rules").click();
    await page.getByTestId("rule-income_below_line").waitFor();
    expect(await page.getByTestId("rule-not-evaluable").count()).toBe(2);
    await page.getByTestId("sweep-run").click();
    await page.getByText("筛查完成").first().waitFor();
  });

  it("a household saved below the line raises an alert the village cadre opens a case from", async () => {
    const saved = await api(pages.county, "POST", "/api/households", {
      household: draft(3000, `3418231000019${String(Date.now() % 100_000).padStart(5, "0")}`),
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    householdId = (saved.json.household as { id: string }).id;
    const page = pages.cadre;
    await page.getByTestId("nav-monitoring").first().click();
    const row = page.getByTestId("alert-row").filter({ hasText: HEAD_NAME }).filter({ hasText: "监测线" });
    await row.waitFor();
    expect(await row.getByTestId("alert-facts").textContent()).toContain("3,000.00");
    // The workbench counts what waits for the cadre as the inbox does, asked again when it opens
    // (the cadre saw it at sign-in, before this household), and links to it.
    const waiting = (await page.getByRole("tab", { name: /待处理预警 \(\d+\)/ }).textContent())!.replace(
      /\D/g,
      "",
    );
    expect(Number(waiting)).toBeGreaterThan(0);
    await page.getByTestId("nav-home").first().click();
    const todo = page.getByTestId("home-todo-alerts").locator(".ant-statistic-content-value");
    await expect.poll(async () => (await todo.textContent()) ?? "", { timeout: 10_000 }).toBe(waiting);
    await page.getByTestId("home-todo-alerts").click();
    await row.waitFor();
    // Filtered by its rule, the inbox shows that rule's alerts only, this household's among them.
    await choose(page, "alerts-rule-filter", "人均纯收入低于监测线");
    const onlyThatRule = async () => {
      const shown = await page.getByTestId("alert-row").allTextContents();
      return shown.length > 0 && shown.every((text) => text.includes("低于监测线"));
    };
    await expect.poll(onlyThatRule, { timeout: 10_000 }).toBe(true);
    await row.waitFor();
    await row.getByTestId("alert-open-case").click();
    await page.getByTestId("open-case-comment").fill("人均纯收入低于监测线，启动识别");
    await page.getByTestId("open-case-submit").click();
    await page.waitForURL(/\/monitoring\/cases\/[0-9a-f-]{36}$/);
    caseUrl = page.url();
    expect(await stageText(page)).toBe("入户核实");
  });

  it("goes through verification, village review and township review to the county's decision", async () => {
    await takeStep(pages.cadre, "verify", "入户核实：家中主要劳力务工不稳定", async () => {
      await pages.cadre.getByTestId("step-visited-on").click();
      await pages.cadre.getByTestId("step-visited-on").fill(today());
      await pages.cadre.keyboard.press("Enter");
    });
    expect(await stageText(pages.cadre)).toBe("村级评议");
    // Not the township's turn yet: no action offered.
    await pages.township.goto(caseUrl);
    await pages.township.getByText("当前环节不需要您办理").waitFor();
    await takeStep(pages.cadre, "approve", "村民代表评议通过");
    await takeStep(pages.township, "approve", "乡镇审核同意");
    expect(await stageText(pages.township)).toBe("县级确认");
    await takeStep(pages.county, "identify", "认定为边缘易致贫户", async () => {
      // The risks first (their list stays open for more; choose closes it), then the type.
      await choose(pages.county, "step-risks", "因务工就业不稳");
      await choose(pages.county, "step-type", "边缘易致贫户");
      await pages.county.getByTestId("step-risks").filter({ hasText: "因务工就业不稳" }).waitFor();
    });
    expect(await stageText(pages.county)).toBe("监测帮扶中");
    expect(await pages.county.getByTestId("case-type").textContent()).toContain("边缘易致贫户");
  });

  it("records a measure, which must be done before risk elimination", async () => {
    const page = pages.county;
    await page.getByTestId("measure-add").click();
    await page.getByTestId("measure-content").fill("推荐到县工业园稳定务工");
    await page.getByTestId("measure-responsible").fill("县人社局");
    await page.getByTestId("measure-submit").click();
    await page.getByTestId("measure-status-tag").filter({ hasText: "实施中" }).waitFor();
    // Income rises above the line.
    const detail = await api(page, "GET", `/api/households/${householdId}`);
    const household = detail.json as { version: number; householdNumber: string; members: { id: string }[] };
    const revised = await api(page, "PUT", `/api/households/${householdId}`, {
      household: draft(9000, household.householdNumber, household.members[0]!.id),
      version: household.version,
      reason: "务工收入增加",
    });
    expect(revised.status, JSON.stringify(revised.json)).toBe(200);
    // While the measure is open, the elimination proposal is refused with the reason.
    await pages.cadre.goto(caseUrl);
    await pages.cadre.getByTestId("case-action-propose_elimination").click();
    await pages.cadre.getByTestId("step-comment").fill("申请风险消除");
    await pages.cadre.getByTestId("step-submit").click();
    // The refusal stays in the dialog, naming what is missing.
    await pages.cadre.getByTestId("step-refusal").filter({ hasText: "项帮扶措施未完成" }).waitFor();
    await pages.cadre.keyboard.press("Escape");
    await page.goto(caseUrl);
    await page.getByTestId("measure-edit").click();
    await choose(page, "measure-status", "已完成");
    await page.getByTestId("measure-outcome").fill("已在工业园稳定务工，月收入3000元");
    await page.getByTestId("measure-submit").click();
    await page.getByTestId("measure-status-tag").filter({ hasText: "已完成" }).waitFor();
  });

  it("eliminates the risk after review; the household stays watched", async () => {
    await takeStep(pages.cadre, "propose_elimination", "收入稳定，两不愁三保障均已落实");
    expect(await stageText(pages.cadre)).toBe("风险消除·村级评议");
    await takeStep(pages.cadre, "approve", "村级评议同意消除");
    await takeStep(pages.township, "approve", "乡镇审核同意消除");
    await takeStep(pages.county, "eliminate", "确认风险消除");
    expect(await stageText(pages.county)).toBe("风险已消除");
    expect(await pages.county.getByTestId("case-watch").textContent()).toContain("监测至");
    expect(await pages.county.getByTestId("case-step").count()).toBe(9);
  });

  it("shows the case in the county view with the monthly trend", async () => {
    const page = pages.county;
    await page.getByTestId("nav-monitoring").first().click();
    await page.getByTestId("monitoring-link-overview").click();
    await page.getByTestId("trend-chart").waitFor();
    // The trend is drawn by the shared ECharts component (lazily loaded), its figures in a table behind it.
    await page.getByTestId("trend-echart").locator("svg").first().waitFor();
    // The legend sits above the plot, clear of the month labels (ECharts 6 put it over them).
    const chart = page.getByTestId("trend-echart");
    await chart.locator("text", { hasText: "风险消除" }).waitFor();
    const legend = await chart.locator("text", { hasText: "风险消除" }).boundingBox();
    const months = await chart
      .locator("text", { hasText: /^\d{4}-\d{2}$/ })
      .first()
      .boundingBox();
    const box = await chart.boundingBox();
    expect(legend!.y + legend!.height).toBeLessThan(box!.y + 40);
    expect(legend!.y + legend!.height).toBeLessThan(months!.y);
    await page.getByTestId("trend-chart").getByRole("tab", { name: "表格" }).click();
    expect(await page.getByTestId("trend-table").textContent()).toContain("合计");
    expect(await page.getByTestId("overview-regions").textContent()).toContain("泾川镇");
    expect(pageErrors).toEqual([]);
  });
});
