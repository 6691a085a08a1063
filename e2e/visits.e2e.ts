import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  PAGE_OPTIONS,
  type RunningServer,
  signInFirstTime,
  startServer,
  watchPageErrors,
} from "./harness.js";

// The phone journey of issue 5: a caseworker signs in on a 360-px phone, loses the network, records
// three screening visits, reloads the page offline (the app and the records are still there), and
// when the network returns the visits are sent, stored exactly once, and the coverage count drops.
// One of them carries a camera-sized photo, which the phone compresses before storing it.
let server: RunningServer;
let browser: Browser;
let desk: Page;
let phoneContext: BrowserContext;
let phone: Page;
let pageErrors: string[];
let campaignId = "";
let workerId = "";
let photoBytes = 0;
const ADMIN_PASSWORD = "Jingxian-2020e2e";
const WORKER_PASSWORD = "Zoufang-2020e2e";
const VILLAGE = "341823100001";
const WORKER = "e2e.caseworker";

/** Calls the API from a signed-in page, with its CSRF token. */
async function api<T>(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch("/api/session")).json()) as { csrfToken: string };
      const response = await fetch(url, {
        method,
        headers: { "Content-Type": "application/json", "X-CSRF-Token": session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as T };
    },
    { method, url, body },
  );
}

async function changePassword(page: Page, current: string, next: string) {
  await page.getByTestId("pw-current").fill(current);
  await page.getByTestId("pw-new").fill(next);
  await page.getByTestId("pw-repeat").fill(next);
  await page.getByTestId("pw-submit").click();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  desk = await browser.newPage({ ...PAGE_OPTIONS, viewport: { width: 1280, height: 860 } });
  phoneContext = await browser.newContext({
    ...PAGE_OPTIONS,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  phone = await phoneContext.newPage();
  pageErrors = watchPageErrors(phone);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("visits on a phone, offline", () => {
  it("prepares a caseworker with three households and a screening campaign", async () => {
    await desk.goto(server.url);
    await desk.getByTestId("login-username").fill("admin");
    await desk.getByTestId("login-password").fill(server.adminPassword);
    await desk.getByTestId("login-submit").click();
    await changePassword(desk, server.adminPassword, ADMIN_PASSWORD);
    await desk.getByTestId("nav-households").first().waitFor();
    const created = await api<{ user: { id: string }; temporaryPassword: string }>(
      desk,
      "POST",
      "/api/users",
      {
        username: WORKER,
        displayName: "走访测试员",
        role: "caseworker",
        regionCode: VILLAGE,
      },
    );
    expect(created.status).toBe(200);
    workerId = created.json.user.id;
    const households = await api<{ rows: { id: string }[] }>(
      desk,
      "GET",
      `/api/households?regionCode=${VILLAGE}&pageSize=3`,
    );
    expect(households.json.rows).toHaveLength(3);
    for (const household of households.json.rows) {
      const assigned = await api(desk, "PUT", `/api/households/${household.id}/caseworkers`, {
        userIds: [created.json.user.id],
      });
      expect(assigned.status).toBe(200);
    }
    const campaign = await api<{ id: string }>(desk, "POST", "/api/campaigns", {
      name: "疫情排查（端到端）",
      regionCode: VILLAGE,
      questions: [{ code: "has_fever", text: "家中是否有人发热", kind: "yes_no" }],
      startsOn: "2020-02-01",
      deadline: "2099-12-31",
    });
    expect(campaign.status).toBe(200);
    campaignId = campaign.json.id;
    // The caseworker signs in on the phone (first sign-in: a new password).
    await phone.goto(`${server.url}/phone`);
    await phone.getByTestId("login-username").fill(WORKER);
    await phone.getByTestId("login-password").fill(created.json.temporaryPassword);
    await phone.getByTestId("login-submit").click();
    await changePassword(phone, created.json.temporaryPassword, WORKER_PASSWORD);
    // Sign-in and the password change happen at the opened address; then the phone mode shows.
    await phone.getByTestId("phone-outbox").waitFor({ timeout: 20_000 });
    expect(new URL(phone.url()).pathname).toBe("/phone");
  });

  it("opens the phone mode with the households due", async () => {
    await phone.goto(`${server.url}/phone`);
    await expect.poll(() => phone.getByTestId("due-count").textContent(), { timeout: 20_000 }).toBe("3");
    expect(await phone.getByTestId("phone-household").count()).toBe(3);
    expect(await phone.getByTestId("outbox-count").textContent()).toBe("0");
    // Nothing wider than the phone.
    const width = await phone.evaluate<number>("document.documentElement.scrollWidth");
    expect(width).toBeLessThanOrEqual(360);
    // The service worker has kept the app shell.
    await phone.evaluate("navigator.serviceWorker.ready.then(() => true)");
  });

  it("records three visits offline and keeps them across a reload", async () => {
    await phoneContext.setOffline(true);
    const visited = new Set<string>();
    for (let i = 0; i < 3; i += 1) {
      const card = phone.getByTestId("phone-household").nth(i);
      visited.add((await card.getAttribute("href")) ?? "");
      await card.click();
      await phone.getByTestId("start-campaign-visit").click();
      await phone.getByTestId("visit-met-with").fill(`户主（第 ${i + 1} 户）`);
      // The form fits the phone too.
      expect(await phone.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(360);
      await phone.getByTestId("problem-add").click();
      if (i === 0) {
        // A camera-sized photo (3000 × 2000, noisy so it does not compress to nothing), made small
        // on the phone before it is stored: offline, as the rest.
        // (Page code as text: the e2e project has no DOM types.)
        const png = await phone.evaluate<string>(`(() => {
          const canvas = document.createElement("canvas");
          canvas.width = 3000;
          canvas.height = 2000;
          const context = canvas.getContext("2d");
          const image = context.createImageData(3000, 2000);
          for (let j = 0; j < image.data.length; j += 4) {
            image.data[j] = (j / 4) % 256;
            image.data[j + 1] = 112 + Math.floor(Math.random() * 32);
            image.data[j + 2] = (j / 12000) % 256;
            image.data[j + 3] = 255;
          }
          context.putImageData(image, 0, 0);
          return canvas.toDataURL("image/png").split(",")[1];
        })()`);
        photoBytes = Buffer.from(png, "base64").length;
        // The picker opens from the app's own button; the browser's bare file input stays hidden.
        expect(await phone.getByTestId("visit-photo-add").isVisible()).toBe(true);
        expect(await phone.getByTestId("visit-photo-input").isVisible()).toBe(false);
        await phone.getByTestId("visit-photo-input").setInputFiles({
          name: "IMG_0001.png",
          mimeType: "image/png",
          buffer: Buffer.from(png, "base64"),
        });
        await phone.getByText("已选 1/").waitFor();
      }
      await phone.getByTestId("visit-save").click();
      await phone.getByTestId("start-visit").waitFor();
      await expect.poll(() => phone.getByTestId("outbox-count").textContent()).toBe(String(i + 1));
      await phone.goto(`${server.url}/phone`).catch(() => undefined);
      await phone.getByTestId("phone-household").first().waitFor();
    }
    expect(visited.size).toBe(3);
    await phone.reload();
    await phone.getByTestId("phone-offline").waitFor({ timeout: 20_000 });
    // Really offline: the server cannot be reached, so the page came from the service worker.
    expect(await phone.evaluate("fetch('/api/health').then(() => 'reached', () => 'unreachable')")).toBe(
      "unreachable",
    );
    expect(await phone.evaluate("navigator.serviceWorker.controller !== null")).toBe(true);
    await expect.poll(() => phone.getByTestId("outbox-count").textContent(), { timeout: 20_000 }).toBe("3");
    expect(await phone.getByTestId("phone-household").count()).toBe(3);
    // The outbox page is a lazy chunk: it comes from the service worker too.
    await phone.getByTestId("phone-outbox").click();
    await phone.getByTestId("outbox-record").nth(2).waitFor({ timeout: 20_000 });
    expect(await phone.getByTestId("outbox-record").count()).toBe(3);
  });

  it("sends them exactly once when the network returns, and the coverage count changes", async () => {
    await phoneContext.setOffline(false);
    await expect.poll(() => phone.getByTestId("unsent-count").textContent(), { timeout: 30_000 }).toBe("0");
    await phone.goto(`${server.url}/phone`);
    await expect.poll(() => phone.getByTestId("due-count").textContent(), { timeout: 20_000 }).toBe("0");
    const coverage = await api<{ totals: { households: number; done: number } }>(
      desk,
      "GET",
      `/api/campaigns/${campaignId}/coverage`,
    );
    expect(coverage.json.totals).toMatchObject({ done: 3 });
    const visits = await api<{ total: number; rows: { id: string }[] }>(
      desk,
      "GET",
      `/api/visits?regionCode=${VILLAGE}&pageSize=50`,
    );
    expect(visits.json.total).toBe(3);
    expect(new Set(visits.json.rows.map((r) => r.id)).size).toBe(3);
    // The photo arrived as a JPEG made small on the phone: longest side at most 1,280 px, its shape
    // kept, a fraction of the bytes.
    const details = await Promise.all(
      visits.json.rows.map(
        async (row) =>
          (
            await api<{ id: string; photos: { mediaType: string; byteSize: number }[] }>(
              desk,
              "GET",
              `/api/visits/${row.id}`,
            )
          ).json,
      ),
    );
    const withPhoto = details.filter((d) => d.photos.length > 0);
    expect(withPhoto.map((d) => d.photos.map((p) => p.mediaType))).toEqual([["image/jpeg"]]);
    expect(withPhoto[0]!.photos[0]!.byteSize).toBeLessThan(photoBytes / 4);
    const size = await desk.evaluate<number[]>(`(async () => {
      const bitmap = await createImageBitmap(await (await fetch("/api/visits/${withPhoto[0]!.id}/photos/0")).blob());
      return [bitmap.width, bitmap.height];
    })()`);
    expect(Math.max(...size)).toBeLessThanOrEqual(1280);
    expect(size[0]! / size[1]!).toBeCloseTo(1.5, 1);
    const difficulties = await api<{ total: number }>(
      desk,
      "GET",
      `/api/difficulties?campaignId=${campaignId}`,
    );
    expect(difficulties.json.total).toBe(3);
    expect(pageErrors).toEqual([]);
  });

  it("warns before signing out with unsent visits", async () => {
    await phoneContext.setOffline(true);
    await phone.getByTestId("phone-household").first().click();
    await phone.getByTestId("start-visit").click();
    await phone.getByTestId("visit-met-with").fill("户主（回访）");
    await phone.getByTestId("visit-save").click();
    await expect.poll(() => phone.getByTestId("outbox-count").textContent()).toBe("1");
    await phone.getByTestId("phone-logout").click();
    await phone.getByRole("alertdialog").getByText("还有 1 条走访记录没有上传").waitFor();
    await phone.getByRole("button", { name: "先不退出" }).click();
    expect(await phone.getByRole("alertdialog").count()).toBe(0);
    await phoneContext.setOffline(false);
    await expect.poll(() => phone.getByTestId("outbox-count").textContent(), { timeout: 30_000 }).toBe("0");
  });

  it("warns on the desk too before signing out with unsent visits; cancelling keeps the session", async () => {
    // A visit saved offline in the phone mode and not sent; the phone mode is then closed.
    await phoneContext.setOffline(true);
    await phone.goto(`${server.url}/phone`);
    await phone.getByTestId("phone-household").first().click();
    await phone.getByTestId("start-visit").click();
    await phone.getByTestId("visit-met-with").fill("户主（桌面退出前）");
    await phone.getByTestId("visit-save").click();
    await expect.poll(() => phone.getByTestId("outbox-count").textContent()).toBe("1");
    await phone.goto("about:blank");
    await phoneContext.setOffline(false);
    // The same browser opens the desk app at desk size: its user menu names the unsent record.
    const deskOfWorker = await phoneContext.newPage();
    const deskErrors = watchPageErrors(deskOfWorker);
    await deskOfWorker.setViewportSize({ width: 1280, height: 860 });
    await deskOfWorker.goto(server.url);
    await deskOfWorker.getByTestId("user-menu").click();
    await deskOfWorker.getByTestId("menu-logout").click();
    await deskOfWorker
      .locator(".ant-modal-confirm-title", { hasText: "还有 1 条走访记录没有上传" })
      .waitFor();
    await deskOfWorker.getByRole("button", { name: "先不退出" }).click();
    await deskOfWorker.locator(".ant-modal-confirm-title").waitFor({ state: "detached" });
    // Still signed in, on the desk and for the server.
    await deskOfWorker.getByTestId("user-menu").waitFor();
    expect(await deskOfWorker.evaluate("fetch('/api/session').then((response) => response.status)")).toBe(
      200,
    );
    expect(deskErrors).toEqual([]);
    await deskOfWorker.close();
    // Back in the phone mode the record goes out.
    await phone.goto(`${server.url}/phone`);
    await expect.poll(() => phone.getByTestId("outbox-count").textContent(), { timeout: 30_000 }).toBe("0");
  });

  it("shows the campaign's live figures and a printable sheet of QR codes on the desk", async () => {
    await desk.goto(`${server.url}/visits/campaigns/${campaignId}`);
    await expect
      .poll(() => desk.getByTestId("campaign-summary-text").textContent(), { timeout: 20_000 })
      .toContain("已排查 3 户");
    await desk.goto(`${server.url}/visits/qr-codes`);
    await desk.getByTestId("qr-code").first().waitFor();
    expect(await desk.getByTestId("qr-card").count()).toBeGreaterThan(0);
  });
});

describe("a QR code scanned by a new caseworker", () => {
  it("opens the sign-in, then the forced password change, then the QR code's list", async () => {
    const created = await api<{ user: { id: string }; temporaryPassword: string }>(
      desk,
      "POST",
      "/api/users",
      {
        username: "e2e.qr",
        displayName: "扫码测试员",
        role: "caseworker",
        regionCode: VILLAGE,
      },
    );
    expect(created.status).toBe(200);
    const households = await api<{ rows: { id: string }[] }>(
      desk,
      "GET",
      `/api/households?regionCode=${VILLAGE}&pageSize=1`,
    );
    const assigned = await api(desk, "PUT", `/api/households/${households.json.rows[0]?.id}/caseworkers`, {
      userIds: [workerId, created.json.user.id],
    });
    expect(assigned.status).toBe(200);
    // The address printed under the village's code on the sheet.
    await desk.goto(`${server.url}/visits/qr-codes`);
    await desk.getByPlaceholder("名称").fill(VILLAGE);
    const printed = desk.getByTestId("qr-target").filter({ hasText: `village=${VILLAGE}` });
    await printed.first().waitFor();
    const target = new URL((await printed.first().textContent()) ?? "");
    expect(target.pathname).toBe("/phone");

    // A phone that has never opened the app scans it.
    const context = await browser.newContext({
      ...PAGE_OPTIONS,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const scanner = await context.newPage();
    const errors = watchPageErrors(scanner);
    const scripts: string[] = [];
    scanner.on("response", (response) => {
      if (response.url().endsWith(".js")) scripts.push(new URL(response.url()).pathname);
    });
    await signInFirstTime(scanner, target.href, {
      username: "e2e.qr",
      password: created.json.temporaryPassword,
      newPassword: "Saoma-2020e2e",
    });
    // The list of that village, at the scanned address, with the new caseworker's one household.
    await scanner.getByTestId("phone-household").first().waitFor({ timeout: 20_000 });
    expect(await scanner.getByTestId("phone-household").count()).toBe(1);
    const landed = new URL(scanner.url());
    expect(`${landed.pathname}${landed.search}`).toBe(`${target.pathname}${target.search}`);
    // The phone mode's light entry: the desk app's chunk was never downloaded.
    expect(scripts.some((path) => path.includes("DesktopApp"))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
  it("keeps a desk address through the sign-in and the forced password change too", async () => {
    const created = await api<{ temporaryPassword: string }>(desk, "POST", "/api/users", {
      username: "e2e.desk",
      displayName: "桌面测试员",
      role: "caseworker",
      regionCode: VILLAGE,
    });
    expect(created.status).toBe(200);
    const context = await browser.newContext({ ...PAGE_OPTIONS, viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await signInFirstTime(page, `${server.url}/visits/pending-changes?from=link`, {
      username: "e2e.desk",
      password: created.json.temporaryPassword,
      newPassword: "Zhuomian-2020e2e",
    });
    await page.waitForURL((url) => url.pathname === "/visits/pending-changes");
    expect(new URL(page.url()).search).toBe("?from=link");
    await page.getByTestId("user-menu").waitFor();
    await context.close();
  });
});
