import { resolve } from "node:path";
import { projectRoot } from "./paths.js";

/** Settings read once from the environment; README lists them. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoCountyCode: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginLockThreshold: number;
  loginLockMinutes: number;
  secureCookies: boolean;
  bodyLimitBytes: number;
}

function numberFrom(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && value !== "" && Number.isFinite(parsed) ? parsed : fallback;
}

/** The configuration from `env` (process.env by default). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: numberFrom(env.PORT, 3000),
    host: env.HOST || "0.0.0.0",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(projectRoot, env.DATA_DIR || "data"),
    demoCountyCode: env.DEMO_COUNTY || "341823000000",
    sessionIdleMinutes: numberFrom(env.SESSION_IDLE_MINUTES, 12 * 60),
    sessionMaxHours: numberFrom(env.SESSION_MAX_HOURS, 7 * 24),
    loginLockThreshold: numberFrom(env.LOGIN_LOCK_THRESHOLD, 5),
    loginLockMinutes: numberFrom(env.LOGIN_LOCK_MINUTES, 15),
    secureCookies: env.COOKIE_SECURE === "true",
    bodyLimitBytes: numberFrom(env.BODY_LIMIT_BYTES, 1024 * 1024),
  };
}
