import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDraft, MemberDraft } from "../src/shared/household-draft.js";
import { idNumberChecksum } from "../src/shared/id-number.js";
import {
  launchBrowser,
  PAGE_OPTIONS,
  type RunningServer,
  signInFirstTime,
  startServer,
  watchPageErrors,
} from "./harness.js";

// The household journey: find a household by the tail of a member's ID number, edit that member,
// and see the change in the household's timeline, field by field; then a refused save shows the
// server's complaint at the field, and the list fits a phone.
let server: RunningServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];
let householdId = "";
const NEW_ADMIN_PASSWORD = "Jingxian-2020e2e";
const VILLAGE = "341823100001";
const HOUSEHOLD_NUMBER = `3418231000019${String(Date.now() % 100_000).padStart(5, "0")}`;

function idNumber(birthDate: string, sequence: string): string {
  const first17 = `341823${birthDate.replace(/-/g, "")}${sequence}`;
  return first17 + idNumberChecksum(first17);
}

const HEAD_ID = idNumber("1975-03-02", "731");
const SPOUSE_ID = idNumber("1977-08-19", "846");

function member(overrides: Partial<MemberDraft>): MemberDraft {
  return {
    name: "",
    sex: "male",
    idNumber: "",
    relation: "head",
    ethnicity: "han",
    education: "junior",
    schoolingStatus: "not_in_school",
    health: "healthy",
    disabilityGrade: null,
    labourAbility: "ordinary",
    workPlace: "out_of_province",
    workMonths: 10,
    hasBasicMedicalInsurance: true,
    hasSeriousIllnessInsurance: true,
    hasBasicPension: true,
    phone: null,
    status: "active",
    ...overrides,
  };
}

const DRAFT: HouseholdDraft = {
  regionCode: VILLAGE,
  householdNumber: HOUSEHOLD_NUMBER,
  address: "泾川镇城南村一组",
  phone: "13955501234",
  bankAccount: "6228480012345678",
  povertyAttribute: "general",
  identificationStandard: "national",
  mainCause: "illness",
  secondaryCauses: ["lack_skills"],
  status: "lifted",
  liftedYear: 2019,
  cultivatedLandMu: 3.5,
  forestLandMu: 1,
  houseAreaM2: 90,
  dangerousHouseGrade: "none",
  hasElectricity: true,
  isDrinkingWaterSafe: true,
  hasWaterDifficulty: false,
  hasRoadToHouse: true,
  hasSanitaryToilet: true,
  fuel: "firewood",
  isCooperativeMember: false,
  members: [
    member({ name: "端木大山", idNumber: HEAD_ID, phone: "13955501234" }),
    member({
      name: "端木秀英",
      sex: "female",
      idNumber: SPOUSE_ID,
      relation: "spouse",
      workPlace: "in_county",
      workMonths: 6,
      phone: "13900001111",
    }),
  ],
  income: {
    year: new Date().getFullYear(),
    wage: 30000,
    business: 2000,
    property: 0,
    transfer: 3000,
    pension: 1800,
    dibao: 0,
    tekun: 0,
    ecoCompensation: 200,
    otherTransfer: 1000,
    businessCosts: 500,
  },
};

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ ...PAGE_OPTIONS, viewport: { width: 1280, height: 860 } });
  pageErrors = watchPageErrors(page);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("household journey in a real browser", () => {
  it("signs in as the first administrator", async () => {
    await signInFirstTime(page, server.url, {
      username: "admin",
      password: server.adminPassword,
      newPassword: NEW_ADMIN_PASSWORD,
    });
    await page.getByTestId("nav-households").first().waitFor();
  });

  it("registers a household through the API, as the web client calls it", async () => {
    const answer = await page.evaluate(async (draft) => {
      const session = (await (await fetch("/api/session")).json()) as { csrfToken: string };
      const response = await fetch("/api/households", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": session.csrfToken },
        body: JSON.stringify({ household: draft, reason: "端到端测试建档" }),
      });
      return { status: response.status, body: (await response.json()) as { household?: { id: string } } };
    }, DRAFT);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    householdId = answer.body.household?.id ?? "";
    expect(householdId).not.toBe("");
  });

  it("finds the household by the tail of a member's ID number", async () => {
    await page.getByTestId("nav-households").first().click();
    await page.getByTestId("households-table").waitFor();
    await page.getByTestId("household-search").fill(SPOUSE_ID.slice(-6));
    await page.waitForURL(/[?&]q=/);
    // The demo county has households of its own: wait until the search has narrowed the list.
    await expect.poll(() => page.getByTestId("household-row").count(), { timeout: 15_000 }).toBe(1);
    const row = page.getByTestId("household-row").filter({ hasText: HOUSEHOLD_NUMBER });
    await row.waitFor();
    // The head's ID number is listed masked.
    expect(await row.getByTestId("household-head-id").textContent()).toBe(
      `${HEAD_ID.slice(0, 6)}********${HEAD_ID.slice(-4)}`,
    );
    await row.getByTestId("household-link").click();
    await page.waitForURL(new RegExp(`/households/${householdId}`));
    expect(await page.getByTestId("household-title").textContent()).toContain("端木大山");
  });

  it("shows a member's full ID number only on request, saying that it is recorded", async () => {
    await page.getByTestId("household-tab-members").click();
    const idCell = page.getByTestId("member-id-number-1");
    expect(await idCell.textContent()).toContain("********");
    await page.getByTestId("reveal-member-id-number-1").click();
    await page.getByText("本次查看已记入审计日志").first().waitFor();
    expect(await idCell.textContent()).toBe(SPOUSE_ID);
  });

  it("edits a member with a reason and saves a new version", async () => {
    await page.getByTestId("household-edit").click();
    await page.getByTestId("household-save").waitFor();
    await page.getByTestId("member-edit-1").click();
    const months = page.getByTestId("member-1-workMonths");
    await months.fill("8");
    await page.getByTestId("household-reason").fill("入户核实：配偶务工月数更正");
    await page.getByTestId("household-save").click();
    await page.waitForURL(new RegExp(`/households/${householdId}(\\?|$)`));
    await page.getByText("已保存").first().waitFor();
  });

  it("shows the edit in the timeline, field by field", async () => {
    await page.getByTestId("household-tab-timeline").click();
    const entries = page.getByTestId("timeline-entry");
    await entries.nth(1).waitFor();
    expect(await entries.count()).toBe(2);
    expect(await entries.first().textContent()).toContain("入户核实：配偶务工月数更正");
    expect(await entries.nth(1).textContent()).toContain("端到端测试建档");
    const diff = page.getByTestId("version-diff");
    await diff.waitFor();
    const text = (await diff.textContent()) ?? "";
    expect(text).toContain("端木秀英");
    expect(text).toContain("务工时间（月）");
    expect(text).toMatch(/6.*8/);
  });

  it("shows the server's refusal at the field it concerns", async () => {
    await page.getByTestId("household-edit").click();
    await page.getByTestId("member-edit-1").click();
    await page
      .getByTestId("member-1-idNumber")
      .fill(`${SPOUSE_ID.slice(0, 17)}${SPOUSE_ID.endsWith("0") ? "1" : "0"}`);
    await page.getByTestId("household-reason").fill("测试错误的证件号码");
    await page.getByTestId("household-save").click();
    await page.getByTestId("household-problems").waitFor();
    const error = page.locator(".ant-form-item-explain-error").filter({ hasText: /校验|证件/ });
    await error.first().waitFor();
    expect(page.url()).toContain("/edit");
  });

  it("fits a 360-px phone screen without sideways scrolling", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/households?q=${SPOUSE_ID.slice(-6)}`);
    await page.getByTestId("household-row").first().waitFor();
    expect(await page.getByTestId("household-search").inputValue()).toBe(SPOUSE_ID.slice(-6));
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(1);
    await page.goto(`${server.url}/households/${householdId}?tab=members`);
    await page.getByTestId("members-table").waitFor();
    const detailOverflow = await page.evaluate<number>(
      "document.documentElement.scrollWidth - window.innerWidth",
    );
    expect(detailOverflow).toBeLessThanOrEqual(1);
  });

  it("raised no uncaught errors in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
