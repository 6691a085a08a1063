import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openPglite, openPostgres } from "../src/server/db/db.js";
import { KUIFENG_HEADER, kuifengHouseholds, xlsxOf } from "../src/server/test/roster-fixtures.js";
import { idNumberChecksum } from "../src/shared/id-number.js";

// Issue 4's atomicity: the built CLI (npm run import) is killed with SIGKILL while its one import
// transaction is open — a test-only variable makes it stop there, after its first chunk of
// households (updates and new ones) has been written — and the registry must be exactly as
// before; the next server start marks the import interrupted. On the embedded database (a PGlite
// data directory), and on PostgreSQL when one is reachable.

const COUNTY = "341823000000";
const TABLES = [
  "household",
  "member",
  "household_income",
  "household_version",
  "household_finding",
  "household_caseworker",
  "audit_event",
  "audit_chain",
];
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Runs a built command to its end. */
function run(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve({ code, signal, output }));
  });
}

/** Starts a built command and waits until its output says `ready`. */
async function startUntil(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<{ child: ChildProcess; exited: Promise<Run>; output: () => string }> {
  const child = spawn(process.execPath, [script, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<Run>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, output })),
  );
  const deadline = Date.now() + 120_000;
  while (!ready.test(output)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`not ready in time:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, exited, output: () => output };
}

/** A fingerprint of every row of the registry's tables (and the audit trail). */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const prints: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await db.query<{ n: number; digest: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
       from ${table} t`,
    );
    prints[table] = `${row!.n}:${row!.digest}`;
  }
  return prints;
}

/** Rosters of single-person households of 奎峰村: `count` of them from `first`, with the work column set. */
async function rosterOf(first: number, count: number, workPlace: string): Promise<Buffer> {
  const template = kuifengHouseholds().rows[0]!;
  const rows = Array.from({ length: count }, (_, i) => {
    const n = first + i;
    const row = [...template];
    row[4] = `3418231012${String(800_000 + n).padStart(6, "0")}`;
    row[5] = "";
    // The same person in both files: the ID number depends on n alone.
    const birth = new Date(Date.UTC(1950, 0, 1) + n * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replace(/-/g, "");
    const first17 = `341823${birth}001`;
    row[7] = first17 + idNumberChecksum(first17);
    row[8] = "1";
    row[15] = workPlace;
    row[25] = "";
    row[27] = "";
    return row;
  });
  return xlsxOf([KUIFENG_HEADER, ...rows]);
}

interface Engine {
  name: string;
  env: NodeJS.ProcessEnv;
  open(): Promise<Db>;
  dispose(): Promise<void>;
}

async function pgliteEngine(): Promise<Engine> {
  const dataDir = mkdtempSync(join(tmpdir(), "bangfu-atomic-"));
  return {
    name: "PGlite data directory",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" },
    open: () => openPglite(dataDir),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresEngine(): Promise<Engine | undefined> {
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `bangfu_atomic_${randomBytes(5).toString("hex")}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), "bangfu-atomic-pg-"));
  return {
    name: "PostgreSQL",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    open: () => openPostgres(url.toString()),
    dispose: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

const engines: Engine[] = [];
let files: string;

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), "bangfu-atomic-files-"));
  writeFileSync(join(files, "first.xlsx"), await rosterOf(0, 300, "未务工"));
  // The first 300 households again, changed, then 1,000 new ones: the first chunk written holds both.
  writeFileSync(join(files, "second.xlsx"), await rosterOf(0, 1_300, "省外务工"));
  engines.push(await pgliteEngine());
  const postgres = await postgresEngine();
  if (postgres) engines.push(postgres);
});
afterAll(async () => {
  for (const engine of engines) await engine.dispose();
  if (files) rmSync(files, { recursive: true, force: true });
});

describe("an import killed mid-commit", () => {
  it.each([
    ["the embedded database", 0],
    ["PostgreSQL (when reachable)", 1],
  ])("leaves the registry exactly as it was on %s, and the next start says so", async (_name, i) => {
    const engine = engines[i];
    if (!engine) return; // No PostgreSQL server here: the embedded run still counts.
    const env = engine.env;
    const regions = await run("dist/server/cli/regions.js", ["load", "--county", COUNTY], env);
    expect(regions.code, regions.output).toBe(0);
    const first = await run(
      "dist/server/cli/import.js",
      [join(files, "first.xlsx"), "--county", COUNTY],
      env,
    );
    expect(first.code, first.output).toBe(0);
    expect(JSON.parse(first.output.trim().split("\n").pop()!)).toMatchObject({
      status: "committed",
      created: 300,
    });

    let db = await engine.open();
    const before = await fingerprint(db);
    await db.close();

    const killed = await startUntil(
      "dist/server/cli/import.js",
      [join(files, "second.xlsx"), "--county", COUNTY],
      // Its own temporary directory: the killed process leaves its spill file there.
      { ...env, BANGFU_TEST_PAUSE_IMPORT_AFTER_CHUNK: "1", TMPDIR: files },
      /PAUSED INSIDE THE TRANSACTION after 1000 households/,
    );
    killed.child.kill("SIGKILL");
    expect((await killed.exited).signal).toBe("SIGKILL");

    db = await engine.open();
    expect(await fingerprint(db), engine.name).toEqual(before);
    const [left] = await db.query<{ id: string; status: string }>(
      "select id, status from roster_import where file_name = 'second.xlsx'",
    );
    expect(left?.status).toBe("committing");
    await db.close();

    const server = await startUntil(
      "dist/server/main.js",
      [],
      { ...env, PORT: "0", HOST: "127.0.0.1" },
      /Bangfu .* is running at/,
    );
    server.child.kill("SIGTERM");
    await server.exited;

    db = await engine.open();
    const [marked] = await db.query<{ status: string; message: string }>(
      "select status, message from roster_import where id = $1",
      [left!.id],
    );
    expect(marked).toMatchObject({
      status: "interrupted",
      message: expect.stringContaining("数据库未被改动"),
    });
    expect(await db.query("select 1 from roster_import_file where import_id = $1", [left!.id])).toEqual([]);
    const households = await db.query<{ n: number }>(
      "select count(*)::int as n from household where household_number like '34182310128%'",
    );
    expect(households[0]?.n).toBe(300);
    await db.close();
  });
});
