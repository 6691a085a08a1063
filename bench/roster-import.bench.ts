// Roster import benchmark: a generated county roster in the national person layout (.xlsx, 100,000
// households / ~350,000 members on PostgreSQL; 30,000 households on PGlite) imported through the
// CLI's own code path with validation, in a child process so that its peak RSS is the import's
// alone; then, on PostgreSQL, the same rows copied into the same tables of an empty database with
// COPY FROM STDIN, for the ratio. Prints the figures; asserts nothing.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { type CopyColumn, type Db, openPglite, openPostgres, type Queryable } from "../src/server/db/db.js";
import { migrate } from "../src/server/db/migrate.js";
import { loadOfficialRegions } from "../src/server/modules/regions/regions.loader.js";
import {
  type ImportedRoster,
  importRosterFiles,
  limitHeapGrowth,
} from "../src/server/modules/roster/roster-run.js";
import { copyIn, copyOut } from "./roster-import.copy.js";
import { generateRoster, ROSTER_GENERATOR_VERSION } from "./roster-import.generate.js";

const USAGE = `Usage: npm run bench:roster -- [options]
  --engine postgres|pglite|both   (default both)
  --households N     households on PostgreSQL (default 100000)
  --pglite-households N           households on PGlite (default 30000)
  --county CODE      county whose villages the households live in (default 520526000000, Weining)
  --fresh            regenerate the .xlsx even when a matching one is cached in bench/.data/
  --no-copy          skip the COPY comparison
  --keep             keep the bench database afterwards (PostgreSQL: bangfu_roster_bench)
  --cpu-prof DIR     write a V8 CPU profile of the import (the child process) into DIR
PostgreSQL: BENCH_SERVER_URL (default postgres://postgres@127.0.0.1:5432/postgres); the bench
creates and drops its own databases bangfu_roster_bench and bangfu_roster_bench_copy.`;

const { values: opts } = parseArgs({
  options: {
    engine: { type: "string", default: "both" },
    households: { type: "string", default: "100000" },
    "pglite-households": { type: "string", default: "30000" },
    county: { type: "string", default: "520526000000" },
    fresh: { type: "boolean", default: false },
    "no-copy": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "cpu-prof": { type: "string" },
    help: { type: "boolean", default: false },
    // Internal: the child process that runs one import.
    phase: { type: "string" },
    file: { type: "string" },
    "database-url": { type: "string" },
    "data-dir": { type: "string" },
  },
});

const benchDir = dirname(fileURLToPath(import.meta.url)).includes(join("dist", "bench"))
  ? resolve(dirname(fileURLToPath(import.meta.url)), "../../../bench")
  : dirname(fileURLToPath(import.meta.url));
const serverUrl = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const TABLES = ["household", "member", "household_income", "household_version", "household_finding"];
const MB = 1024 * 1024;
/** The node flags of the import script in package.json (kept in step by hand). */
const IMPORT_NODE_FLAGS = (process.env.BENCH_IMPORT_FLAGS ?? "--max-semi-space-size=32").split(" ");

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
const per = (n: number, seconds: number) => Math.round(n / seconds).toLocaleString();

interface ChildResult {
  seconds: number;
  maxRssBytes: number;
  summary: ImportedRoster["summary"];
  phases: Record<string, number>;
  /** Seconds the import's thread had nothing to do (waiting for the database or the disk). */
  idleSeconds: number;
  /** CPU seconds of the import's process (all its threads, start-up included): steadier than time on a busy machine. */
  cpuSeconds: number;
  /** Seconds each kind of statement held the connection, until this thread heard it was done (so a busy thread counts too). */
  serverSeconds: Record<string, number>;
}

/**
 * The database handle with the time of each statement of a transaction recorded by kind: on the
 * transaction's one connection statements run one after another, so a statement's time is from
 * when it was sent, or when the one before it ended if later, to when it ended.
 */
function timedDb(db: Db): { db: Db; serverSeconds: Record<string, number> } {
  const serverSeconds: Record<string, number> = {};
  let lastEnd = 0;
  const timed = async <T>(kind: string, run: () => Promise<T>): Promise<T> => {
    const sent = performance.now();
    try {
      return await run();
    } finally {
      const end = performance.now();
      serverSeconds[kind] = (serverSeconds[kind] ?? 0) + (end - Math.max(sent, lastEnd)) / 1000;
      lastEnd = end;
    }
  };
  const kindOf = (sql: string) => {
    const words = sql.replace(/\s+/g, " ").trim().slice(0, 200);
    const from = /\bfrom (\w+)/.exec(words)?.[1] ?? "";
    return `${words.split(" ")[0]!.toLowerCase()} ${from}`.trim();
  };
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => timed(kindOf(sql), () => q.query(sql, params)),
    exec: (script) => q.exec(script),
    ...(q.copyFrom
      ? {
          copyFrom: (table: string, columns: readonly CopyColumn[], rows: readonly (readonly unknown[])[]) =>
            timed(`copy ${table}`, () => q.copyFrom!(table, columns, rows)),
        }
      : {}),
  });
  return {
    serverSeconds,
    db: {
      ...wrap(db),
      engine: db.engine,
      transaction: (work) => db.transaction((tx) => work(wrap(tx))),
      close: () => db.close(),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Child: one import, as `npm run import -- FILE --county CODE` runs it.

async function runChild(): Promise<void> {
  // As the CLI does (src/server/cli/import.ts).
  limitHeapGrowth();
  const opened = opts["database-url"]
    ? await openPostgres(opts["database-url"])
    : await openPglite(opts["data-dir"]);
  const { db, serverSeconds } = timedDb(opened);
  const phases: Record<string, number> = {};
  let phase = "";
  let phaseStarted = 0;
  const started = performance.now();
  const loopAtStart = performance.eventLoopUtilization();
  const result = await importRosterFiles(db, [opts.file!], {
    countyCode: opts.county!,
    isDryRun: false,
    isOnlyValid: false,
    onProgress: (progress) => {
      if (progress.phase !== phase) {
        const now = performance.now();
        if (phase) phases[phase] = (phases[phase] ?? 0) + (now - phaseStarted) / 1000;
        phase = progress.phase;
        phaseStarted = now;
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const loop = performance.eventLoopUtilization(loopAtStart);
  if (phase) phases[phase] = (phases[phase] ?? 0) + (performance.now() - phaseStarted) / 1000;
  await db.close();
  const { problems: _problems, ...summary } = result.summary;
  const out: ChildResult = {
    seconds,
    // resourceUsage().maxRSS is in kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    summary: { ...summary, problems: result.summary.problems.slice(0, 5) },
    phases,
    idleSeconds: loop.idle / 1000,
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    serverSeconds,
  };
  console.log(JSON.stringify(out));
}

function runImportChild(args: string[]): Promise<ChildResult> {
  const script = fileURLToPath(import.meta.url);
  return new Promise((resolveChild, reject) => {
    // The same V8 flags as `npm run import` (see package.json).
    const profile = opts["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", resolve(opts["cpu-prof"])] : [];
    const flags = [...IMPORT_NODE_FLAGS, ...profile];
    const child = spawn(process.execPath, [...flags, script, "--phase", "import", ...args], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = output.trim().split("\n").pop() ?? "";
      if (code !== 0) return reject(new Error(`import child exited ${code}:\n${output}`));
      try {
        resolveChild(JSON.parse(last) as ChildResult);
      } catch {
        reject(new Error(`import child printed no result:\n${output}`));
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Parent

async function rosterFile(households: number): Promise<string> {
  const dir = join(benchDir, ".data");
  await mkdir(dir, { recursive: true });
  const county = opts.county!;
  const path = join(dir, `roster-${county.slice(0, 6)}-${households}-v${ROSTER_GENERATOR_VERSION}.xlsx`);
  if (existsSync(path) && !opts.fresh) {
    console.log(`roster file: ${path} (cached)`);
    return path;
  }
  console.log(`generating ${households.toLocaleString()} households of ${county} into ${path}`);
  const started = performance.now();
  const generated = await generateRoster(path, { countyCode: county, households }, (line) =>
    console.log(`  ${line}`),
  );
  console.log(
    `  ${generated.members.toLocaleString()} member rows in ${((performance.now() - started) / 1000).toFixed(1)}s`,
  );
  return path;
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function freshDatabase(name: string): Promise<{ url: string; db: Db }> {
  await withAdmin(async (admin) => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  await migrate(db);
  await loadOfficialRegions(db, [opts.county!]);
  return { url: url.toString(), db };
}

const dropDatabase = (name: string) =>
  withAdmin(async (admin) => {
    await admin.query(`drop database if exists ${name} with (force)`);
  });

async function countRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    counts[table] = (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
  }
  return counts;
}

function printImport(engine: string, result: ChildResult, counts: Record<string, number>) {
  const { summary } = result;
  const rows = summary.rows;
  const tableRows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`\n=== ${engine}: import ===`);
  console.log(
    `status ${summary.status}; rows ${rows.toLocaleString()}; created ${summary.created.toLocaleString()}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected ${summary.rejected}; problems ${summary.problemCount ?? summary.problems.length}; warnings ${summary.warnings.toLocaleString()}`,
  );
  if (summary.message) console.log(`message: ${summary.message}`);
  for (const problem of summary.problems) console.log(`  e.g. ${JSON.stringify(problem)}`);
  console.log(
    `table rows written: ${Object.entries(counts)
      .map(([t, n]) => `${t} ${n.toLocaleString()}`)
      .join(", ")} (total ${tableRows.toLocaleString()})`,
  );
  console.log(
    `time ${result.seconds.toFixed(1)}s (${Object.entries(result.phases)
      .map(([p, s]) => `${p} ${s.toFixed(1)}s`)
      .join(
        ", ",
      )}); ${per(rows, result.seconds)} file rows/s; ${per(tableRows, result.seconds)} table rows/s`,
  );
  console.log(
    `import thread busy ${(result.seconds - result.idleSeconds).toFixed(1)}s, idle ${result.idleSeconds.toFixed(1)}s (waiting for the database or the disk); process CPU ${result.cpuSeconds.toFixed(1)}s`,
  );
  const server = Object.entries(result.serverSeconds).sort((a, b) => b[1] - a[1]);
  console.log(
    `statements on the connection (sent, or the one before heard done, until heard done) ${server.reduce((sum, [, s]) => sum + s, 0).toFixed(1)}s: ${server
      .filter(([, s]) => s >= 0.05)
      .map(([kind, s]) => `${kind} ${s.toFixed(1)}s`)
      .join(", ")}`,
  );
  console.log(`peak RSS ${mb(result.maxRssBytes)} (target < 1024 MB)`);
}

async function benchPostgres(): Promise<void> {
  const households = Number(opts.households);
  const file = await rosterFile(households);
  const name = "bangfu_roster_bench";
  const { url, db } = await freshDatabase(name);
  await db.close();
  console.log(`\nimporting into PostgreSQL ${new URL(url).host}/${name}`);
  const result = await runImportChild(["--file", file, "--county", opts.county!, "--database-url", url]);
  const bench = await openPostgres(url);
  const counts = await countRows(bench);
  printImport("PostgreSQL", result, counts);
  if (!opts["no-copy"]) {
    // The same rows, out of the tables the import filled and into the same (empty, indexed) tables.
    const copyName = `${name}_copy`;
    const target = await freshDatabase(copyName);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const dumps: { table: string; chunks: Buffer[]; bytes: number }[] = [];
    for (const table of TABLES) {
      const chunks = await copyOut(client, `copy ${table} to stdout`);
      dumps.push({ table, chunks, bytes: chunks.reduce((s, c) => s + c.length, 0) });
    }
    await client.end();
    await target.db.close();
    const copyClient = new pg.Client({ connectionString: target.url });
    await copyClient.connect();
    const started = performance.now();
    await copyClient.query("begin");
    const tableSeconds: string[] = [];
    for (const dump of dumps) {
      const tableStarted = performance.now();
      await copyIn(copyClient, `copy ${dump.table} from stdin`, dump.chunks);
      tableSeconds.push(`${dump.table} ${((performance.now() - tableStarted) / 1000).toFixed(1)}s`);
    }
    await copyClient.query("commit");
    const copySeconds = (performance.now() - started) / 1000;
    await copyClient.end();
    const tableRows = Object.values(counts).reduce((a, b) => a + b, 0);
    const rows = result.summary.rows;
    console.log(
      "\n=== PostgreSQL: COPY FROM STDIN of the same rows into the same tables (one transaction) ===",
    );
    console.log(
      `${dumps.map((d) => `${d.table} ${mb(d.bytes)}`).join(", ")}; time ${copySeconds.toFixed(1)}s; ${per(tableRows, copySeconds)} table rows/s (${per(rows, copySeconds)} file-row equivalents/s)`,
    );
    console.log(`by table: ${tableSeconds.join(", ")}`);
    const ratio = copySeconds / result.seconds;
    console.log(
      `\nimport throughput / COPY throughput = ${(ratio * 100).toFixed(0)}% (target >= 50%): import ${result.seconds.toFixed(1)}s vs COPY ${copySeconds.toFixed(1)}s`,
    );
    if (!opts.keep) await dropDatabase(copyName);
  }
  await bench.close();
  if (!opts.keep) await dropDatabase(name);
}

async function benchPglite(): Promise<void> {
  const households = Number(opts["pglite-households"]);
  const file = await rosterFile(households);
  const dir = await mkdtemp(join(tmpdir(), "bangfu-roster-bench-"));
  try {
    const setup = await openPglite(dir);
    await migrate(setup);
    await loadOfficialRegions(setup, [opts.county!]);
    await setup.close();
    console.log(`\nimporting into PGlite ${dir}`);
    const result = await runImportChild(["--file", file, "--county", opts.county!, "--data-dir", dir]);
    const db = await openPglite(dir);
    printImport("PGlite", result, await countRows(db));
    await db.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  if (opts.phase === "import") return runChild();
  const engine = opts.engine!;
  if (!["postgres", "pglite", "both"].includes(engine))
    throw new Error(`--engine: postgres, pglite or both\n${USAGE}`);
  console.log(`node ${process.version}; county ${opts.county}`);
  if (engine !== "pglite") await benchPostgres();
  if (engine !== "postgres") await benchPglite();
}

await main();
