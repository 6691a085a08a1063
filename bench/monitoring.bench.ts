// Monitoring benchmark: the full sweep of every rule over a generated province on PostgreSQL
// (1,000,000 households, reusing households.generate.ts's dataset), against a plain count(*) scan of
// the household and member tables measured in the same run; the incremental re-evaluation of one
// household (p50/p95/p99); and one county's sweep on PGlite. Prints figures, asserts nothing.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { type Db, openPglite, openPostgres, type Queryable } from "../src/server/db/db.js";
import { migrate } from "../src/server/db/migrate.js";
import { insertDefaultRules } from "../src/server/modules/monitoring/monitoring.queries.js";
import { evaluateHouseholds, evaluationDay } from "../src/server/modules/monitoring/monitoring-evaluate.js";
import { evaluateRules, prepareSweep } from "../src/server/modules/monitoring/monitoring-sweep.queries.js";
import { MONITORING_RULE_CODES, MONITORING_RULES, SWEPT_RULE_CODES } from "../src/shared/monitoring-rules.js";
import {
  type DatasetMeta,
  GENERATOR_VERSION,
  generateDataset,
  isEmpty,
  readMeta,
} from "./households.generate.js";

const USAGE = `Usage: npm run bench:monitoring -- [options]
  --engine postgres|pglite|both  (default both)
  --households N      households on postgres (default 1000000; the households bench's dataset is reused)
  --province CODE2    province on postgres (default 52, Guizhou)
  --county CODE6      county on pglite (default 520526, Weining; 30,000 households)
  --incremental N     households re-evaluated one by one (default 1000)`;

const { values: opts } = parseArgs({
  options: {
    engine: { type: "string", default: "both" },
    households: { type: "string", default: "1000000" },
    province: { type: "string", default: "52" },
    county: { type: "string", default: "520526" },
    incremental: { type: "string", default: "1000" },
    help: { type: "boolean", default: false },
  },
});
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}

const benchDir = dirname(fileURLToPath(import.meta.url)).includes(join("dist", "bench"))
  ? resolve(dirname(fileURLToPath(import.meta.url)), "../../../bench")
  : dirname(fileURLToPath(import.meta.url));
const incomeYear = new Date().getUTCFullYear() - 1;
const today = evaluationDay(new Date());

const ms = (value: number) => `${value.toFixed(1)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The dataset of the households bench, generated when absent (about 11 minutes for a province). */
async function ensureDataset(db: Db, prefix: string, households: number): Promise<DatasetMeta> {
  const meta = await readMeta(db);
  if (
    meta &&
    meta.generatorVersion === GENERATOR_VERSION &&
    meta.prefix === prefix &&
    meta.households === households
  ) {
    await migrate(db);
    return meta;
  }
  if (!(await isEmpty(db))) {
    throw new Error(
      "the bench database holds another dataset; rebuild it with npm run bench:households -- --fresh first",
    );
  }
  console.log(`generating ${households.toLocaleString()} households under ${prefix}`);
  return generateDataset(db, { prefix, households }, (line) => console.log(`  ${line}`));
}

/** Every county of the dataset gets the default rules for the income year; alerts start empty. */
async function prepare(db: Db): Promise<number> {
  const counties = (
    await db.query<{ code: string }>("select distinct county_code as code from household")
  ).map((r) => r.code);
  await db.query("delete from monitoring_alert");
  await db.query("delete from monitoring_rule where year = $1", [incomeYear]);
  await insertDefaultRules(
    db,
    counties.flatMap((countyCode) =>
      MONITORING_RULE_CODES.map((code) => ({
        countyCode,
        year: incomeYear,
        ruleCode: code,
        isEnabled: MONITORING_RULES[code].pendingModule === undefined,
        thresholds: MONITORING_RULES[code].defaults(incomeYear),
        effectiveFrom: `${incomeYear}-01-01`,
        effectiveTo: null,
      })),
    ),
  );
  await db.query("analyze monitoring_rule");
  return counties.length;
}

/**
 * What the service's sweep runs (evaluateCounty, in a transaction: statistics refreshed, then the
 * read of the differences and their write), over one county or every county at once.
 */
const sweep = (db: Db, countyCode: string | null) =>
  db.transaction(async (tx) => {
    await prepareSweep(tx);
    return evaluateRules(
      tx,
      { countyCode, householdIds: null },
      { today, raisedBy: "sweep", ruleCodes: SWEPT_RULE_CODES },
    );
  });

/** The scan node a count(*) plan reads each table with (e.g. "Parallel Seq Scan", "Index Only Scan using member_pkey"). */
async function scanNodes(q: Queryable, isFullScan: boolean): Promise<string> {
  const nodes: string[] = [];
  for (const table of ["household", "member"]) {
    const plan = await q.query<Record<string, string>>(`explain select count(*) from ${table}`);
    const line = plan.map((row) => Object.values(row)[0]!).find((text) => /Scan/.test(text)) ?? "?";
    nodes.push(`${table}: ${line.replace(/^[\s->]*/, "").replace(/\s+\(cost=.*$/, "")}`);
  }
  return `${isFullScan ? "full table scans" : "planner's choice"} (${nodes.join("; ")})`;
}

/**
 * A plain count(*) of household and member, warm, in both shapes: as the baseline, a full
 * scan of the tables (index scans switched off for the transaction), and as the planner picks it
 * (an index-only scan when the visibility map allows). Returns the full-scan time.
 */
async function countScan(db: Db, isQuiet = false): Promise<number> {
  const measure = (isFullScan: boolean) =>
    db.transaction(async (tx) => {
      if (isFullScan) {
        for (const setting of ["enable_indexonlyscan", "enable_indexscan", "enable_bitmapscan"])
          await tx.query(`set local ${setting} = off`);
      }
      const run = () =>
        timed(async () => {
          await tx.query("select count(*) from household");
          await tx.query("select count(*) from member");
        });
      await run();
      return { ms: (await run()).ms, plan: await scanNodes(tx, isFullScan) };
    });
  const full = await measure(true);
  const chosen = await measure(false);
  if (!isQuiet) {
    console.log(`  count(*) of household + member (warm), ${full.plan}: ${ms(full.ms)}`);
    console.log(`  count(*) of household + member (warm), ${chosen.plan}: ${ms(chosen.ms)}`);
  }
  return full.ms;
}

async function alertsByRule(db: Db): Promise<string> {
  const rows = await db.query<{ rule: string; n: number }>(
    "select rule_code as rule, count(*)::int as n from monitoring_alert where status = 'open' group by 1 order by 1",
  );
  return rows.map((r) => `${r.rule} ${r.n.toLocaleString()}`).join(", ");
}

async function incremental(db: Db, count: number): Promise<void> {
  const ids = (
    await db.query<{ id: string }>(
      `select id from household tablesample system (1) where status <> 'removed' limit $1`,
      [count],
    )
  ).map((r) => r.id);
  for (const id of ids.slice(0, 20)) await evaluateHouseholds(db, [id]);
  const times: number[] = [];
  for (const id of ids) times.push((await timed(() => evaluateHouseholds(db, [id]))).ms);
  times.sort((a, b) => a - b);
  console.log(
    `  incremental re-evaluation of one household (${times.length} households): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, p99 ${ms(percentile(times, 99))}, max ${ms(times.at(-1)!)}  (target p95 < 20 ms)`,
  );
}

async function benchPostgres(): Promise<void> {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bangfu_bench");
  const name = url.pathname.replace(/^\//, "");
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name: ${name}`);
  const adminUrl = new URL(url);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
  if (!rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  const db = await openPostgres(url.toString());
  try {
    const meta = await ensureDataset(db, opts.province!, Number(opts.households));
    const counties = await prepare(db);
    console.log(
      `PostgreSQL ${url.host}/${name}: ${meta.households.toLocaleString()} households, ${meta.members.toLocaleString()} members, ${counties} counties; rules of ${incomeYear}, evaluated on ${today}`,
    );
    await db.query("vacuum analyze monitoring_alert");
    const scan = await countScan(db);
    const first = await timed(() => sweep(db, null));
    console.log(
      `  full sweep, first (raises every alert): ${seconds(first.ms)} = ${(first.ms / scan).toFixed(1)}× the full count scan; firing ${first.value.firing.toLocaleString()}, raised ${first.value.raised.toLocaleString()}`,
    );
    console.log(`    open alerts by rule: ${await alertsByRule(db)}`);
    await db.query("vacuum analyze monitoring_alert");
    for (const round of [1, 2]) {
      const again = await timed(() => sweep(db, null));
      const scanAgain = await countScan(db, true);
      console.log(
        `  full sweep, steady state (nothing new), run ${round}: ${seconds(again.ms)} = ${(again.ms / scanAgain).toFixed(1)}× the full count scan (${ms(scanAgain)}); raised ${again.value.raised}, refreshed ${again.value.refreshed}, cleared ${again.value.cleared}  (target ≤ 2×)`,
      );
    }
    await incremental(db, Number(opts.incremental));
  } finally {
    await db.close();
  }
}

async function benchPglite(): Promise<void> {
  const households = 30_000;
  const dir = process.env.BENCH_PGLITE_DIR ?? join(benchDir, ".data", `pglite-${opts.county}-${households}`);
  await mkdir(dirname(dir), { recursive: true });
  const isNew = !existsSync(dir);
  const db = await openPglite(dir);
  try {
    if (isNew) console.log(`PGlite dataset at ${dir} (generated once, reused by the households bench)`);
    const meta = await ensureDataset(db, opts.county!, households);
    await prepare(db);
    const countyCode = `${opts.county}000000`;
    console.log(
      `PGlite, county ${countyCode}: ${meta.households.toLocaleString()} households, ${meta.members.toLocaleString()} members`,
    );
    const scan = await countScan(db);
    const first = await timed(() => sweep(db, countyCode));
    const again = await timed(() => sweep(db, countyCode));
    console.log(
      `  county sweep: first ${seconds(first.ms)} (raised ${first.value.raised.toLocaleString()}), steady state ${seconds(again.ms)} = ${(again.ms / scan).toFixed(1)}× the full count scan`,
    );
    await incremental(db, 200);
  } finally {
    await db.close();
  }
}

if (opts.engine === "postgres" || opts.engine === "both") await benchPostgres();
if (opts.engine === "pglite" || opts.engine === "both") await benchPglite();
