import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { countyCodeOf } from "../../shared/division-code.js";
import type { Role } from "../../shared/roles.js";
import { buildApp } from "../app.js";
import { type Config, readConfig } from "../config.js";
import type { Db } from "../db/db.js";
import { hashPassword } from "../modules/auth/password.js";
import { loadOfficialRegions } from "../modules/regions/regions.loader.js";
import { insertUser } from "../modules/users/users.queries.js";
import { createTestDb } from "./test-db.js";

/** Jing County (泾县), Anhui: small enough to load fast, with 11 townships and 127 villages. */
export const JING_COUNTY = "341823000000";
/** Pengxi County (蓬溪县), Sichuan: a second county to prove that scopes keep counties apart. */
export const PENGXI_COUNTY = "510921000000";

export const testConfig: Config = { ...readConfig({}), loginLockThreshold: 3, loginLockMinutes: 15 };

export interface TestApp {
  db: Db;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A migrated database with the region tree (Jing and Pengxi counties in detail) and the app on it. */
export async function createTestApp(config: Config = testConfig): Promise<TestApp> {
  const db = await createTestDb();
  await loadOfficialRegions(db, [JING_COUNTY, PENGXI_COUNTY]);
  const app = await buildApp({ db, config });
  return {
    db,
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

let counter = 0;
/** A known password for factory users; meets the password rules. */
export const TEST_PASSWORD = "Testpass2020";
let testPasswordHash: Promise<string> | undefined;

/** Creates a user directly in the database (factory); returns id and username. */
export async function createUserFixture(
  db: Db,
  options: {
    role: Role;
    regionCode: string;
    username?: string;
    mustChangePassword?: boolean;
    phone?: string;
  },
): Promise<{ id: string; username: string }> {
  counter += 1;
  const username = options.username ?? `${options.role.replace(/_/g, "")}${counter}`;
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const id = await insertUser(db, {
    username,
    displayName: `测试${counter}`,
    role: options.role,
    regionCode: options.regionCode,
    countyCode: countyCodeOf(options.regionCode) ?? null,
    phone: options.phone ?? null,
    passwordHash: await testPasswordHash,
    isDemo: false,
  });
  if (!options.mustChangePassword)
    await db.query("update app_user set must_change_password = false where id = $1", [id]);
  return { id, username };
}

/** A signed-in client: sends the session cookie and CSRF token like the web app does. */
export interface TestAgent {
  cookie: string;
  csrfToken: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** Signs in through the API and returns an agent for that session. */
export async function signIn(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<TestAgent> {
  const response = await app.inject({ method: "POST", url: "/api/session", payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers["set-cookie"];
  const cookie = String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(";")[0]!;
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrfToken,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method: method as "GET",
        url,
        headers: { cookie, "x-csrf-token": csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      }),
  };
}
