import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export interface RunningServer {
  url: string;
  dataDir: string;
  adminPassword: string;
  output: () => string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Starts the built server (`node dist/server/main.js`) on a fresh embedded database, as a user would. */
export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "bangfu-e2e-"));
  const child: ChildProcess = spawn(process.execPath, ["dist/server/main.js"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 120_000;
  while (!/password: (\S+)/.test(output)) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const adminPassword = /password: (\S+)/.exec(output)![1]!;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    adminPassword,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What every page of the journeys is opened with: motion reduced, so the app switches Ant Design's
 * animations off and a click never lands on a dialog or a drop-down list still sliding in (on a busy
 * machine such a click fell on a dialog's mask and closed it: the step it was to submit was never
 * sent). `isMotionReduced` checks it took effect.
 */
export const PAGE_OPTIONS = { reducedMotion: "reduce" } as const;

/** Debian's Chromium, headless, with the flags this network-less machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Whether the page runs with motion reduced (the app's animations off), as PAGE_OPTIONS asks. */
export function isMotionReduced(page: Page): Promise<boolean> {
  return page.evaluate<boolean>("window.matchMedia('(prefers-reduced-motion: reduce)').matches");
}

/** Fails the test on any uncaught error in the page. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Signs in with a one-time password and sets the new one the app asks for at first sign-in. */
export async function signInFirstTime(
  page: Page,
  url: string,
  account: { username: string; password: string; newPassword: string },
): Promise<void> {
  await page.goto(url);
  await page.getByTestId("login-username").fill(account.username);
  await page.getByTestId("login-password").fill(account.password);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("pw-current").fill(account.password);
  await page.getByTestId("pw-new").fill(account.newPassword);
  await page.getByTestId("pw-repeat").fill(account.newPassword);
  await page.getByTestId("pw-submit").click();
}
