// Household registry benchmark: list, filter, search and detail requests through the real service
// functions on a generated province (PostgreSQL, 1,000,000 households) or county (PGlite, 30,000).
// Prints the dataset size, p50/p95/p99 per query shape and actor, and what the query plans scan.
// Not a test: it asserts nothing and only reports. See bench/README.md.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { type Db, openPglite, openPostgres } from "../src/server/db/db.js";
import { MIGRATIONS_DIR, migrate } from "../src/server/db/migrate.js";
import type { Actor } from "../src/server/http/actor.js";
import type { ServiceContext } from "../src/server/http/route.js";
import { getHousehold, listHouseholds } from "../src/server/modules/households/households.service.js";
import { explain, labelOf, type PlanSummary, recordingDb } from "./explain.js";
import {
  type DatasetMeta,
  GENERATOR_VERSION,
  generateDataset,
  isEmpty,
  readMeta,
} from "./households.generate.js";

const USAGE = `Usage: npm run bench:households -- [options]
  --engine postgres|pglite   database engine (default postgres; BENCH_DATABASE_URL, default
                             postgres://postgres@127.0.0.1:5432/bangfu_bench)
  --fresh                    rebuild the dataset even when a matching one exists
  --households N             households to generate (default 1000000 on postgres, 30000 on pglite)
  --province CODE2           province whose villages get households on postgres (default 52, Guizhou)
  --county CODE6             county for pglite (default 520526, Weining)
  --requests N               measured requests per shape and actor (default 1000)
  --warmup N                 unmeasured requests first (default 50)
  --max-seconds S            stop a shape early after S seconds of measuring (default 300)
  --actors LIST              admin,township,caseworker (default all)
  --shapes LIST              shape names, comma-separated (default all; see --list-shapes)
  --setup FILE               SQL file run on the bench database first (an index to try)
  --plans                    print the full plan tree of each statement
  --no-explain               skip EXPLAIN
  --generate-only            build (or check) the dataset and stop
  --seed N                   seed of the request parameters (default 1)`;

const TARGET_LIST_MS = 100;
const TARGET_DETAIL_MS = 50;

// ---------------------------------------------------------------------------------------------
// Options

const { values: opts } = parseArgs({
  options: {
    engine: { type: "string", default: "postgres" },
    fresh: { type: "boolean", default: false },
    households: { type: "string" },
    province: { type: "string", default: "52" },
    county: { type: "string", default: "520526" },
    requests: { type: "string", default: "1000" },
    warmup: { type: "string", default: "50" },
    "max-seconds": { type: "string", default: "300" },
    actors: { type: "string", default: "admin,township,caseworker" },
    shapes: { type: "string" },
    setup: { type: "string" },
    plans: { type: "boolean", default: false },
    "no-explain": { type: "boolean", default: false },
    "generate-only": { type: "boolean", default: false },
    "list-shapes": { type: "boolean", default: false },
    seed: { type: "string", default: "1" },
    help: { type: "boolean", default: false },
  },
});

if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
const engine = opts.engine === "pglite" ? "pglite" : "postgres";
if (opts.engine !== engine) throw new Error(`--engine must be postgres or pglite\n${USAGE}`);
const requests = Number(opts.requests);
const warmup = Number(opts.warmup);
const maxSeconds = Number(opts["max-seconds"]);
const prefix = engine === "postgres" ? opts.province! : opts.county!;
const households = Number(opts.households ?? (engine === "postgres" ? 1_000_000 : 30_000));

const benchDir = dirname(fileURLToPath(import.meta.url)).includes(join("dist", "bench"))
  ? resolve(dirname(fileURLToPath(import.meta.url)), "../../../bench")
  : dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Seeded randomness for request parameters (mulberry32), so reruns send the same requests.

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error("nothing to pick from");
      return items[Math.floor(next() * items.length)]!;
    },
    weighted<T>(pairs: readonly [T, number][]): T {
      const total = pairs.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, w] of pairs) {
        r -= w;
        if (r < 0) return value;
      }
      return pairs[pairs.length - 1]![0];
    },
  };
}
type Rng = ReturnType<typeof rng>;

// ---------------------------------------------------------------------------------------------
// Database: open, (re)build when needed

async function openBench(): Promise<{ db: Db; meta: DatasetMeta; where: string }> {
  const spec = { prefix, households };
  const matches = (meta: DatasetMeta | undefined) =>
    meta !== undefined &&
    meta.generatorVersion === GENERATOR_VERSION &&
    meta.prefix === spec.prefix &&
    meta.households === spec.households;

  if (engine === "postgres") {
    const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bangfu_bench");
    const name = url.pathname.replace(/^\//, "");
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name: ${name}`);
    const adminUrl = new URL(url);
    adminUrl.pathname = "/postgres";
    const admin = new pg.Client({ connectionString: adminUrl.toString() });
    await admin.connect();
    const recreate = async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    };
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await admin.query(`create database ${name}`);
    let db = await openPostgres(url.toString());
    let meta = opts.fresh ? undefined : await readMeta(db);
    if (matches(meta) && !(await migrationsStillApply(db))) meta = undefined;
    if (!matches(meta)) {
      if (!(await isEmpty(db)) || opts.fresh || meta) {
        await db.close();
        console.log(`rebuilding ${name}`);
        await recreate();
        db = await openPostgres(url.toString());
      }
      console.log(
        `generating ${households.toLocaleString()} households under ${prefix} on PostgreSQL (${name})`,
      );
      meta = await generateDataset(db, spec, (line) => console.log(`  ${line}`));
    }
    await admin.end();
    return { db, meta: meta!, where: `${url.host}/${name}` };
  }

  const dir = process.env.BENCH_PGLITE_DIR ?? join(benchDir, ".data", `pglite-${prefix}-${households}`);
  if (opts.fresh && existsSync(dir)) await rm(dir, { recursive: true, force: true });
  await mkdir(dirname(dir), { recursive: true });
  let db = await openPglite(dir);
  let meta = await readMeta(db);
  if (matches(meta) && !(await migrationsStillApply(db))) meta = undefined;
  if (!matches(meta)) {
    if (!(await isEmpty(db)) || meta) {
      await db.close();
      await rm(dir, { recursive: true, force: true });
      db = await openPglite(dir);
    }
    console.log(`generating ${households.toLocaleString()} households under ${prefix} on PGlite (${dir})`);
    meta = await generateDataset(db, spec, (line) => console.log(`  ${line}`));
  }
  return { db, meta: meta!, where: dir };
}

/**
 * False when a migration the dataset depends on (one creating or altering the tables it fills) has
 * been edited since the bench database ran it: the dataset is then rebuilt. An edit to another
 * migration (a module under way elsewhere) only earns a warning.
 */
async function migrationsStillApply(db: Db): Promise<boolean> {
  try {
    await migrate(db);
    return true;
  } catch (error) {
    const message = (error as Error).message;
    const name = /^Migration (\S+\.sql) was edited/.exec(message)?.[1];
    const sql = name ? await readFile(join(MIGRATIONS_DIR, name), "utf8").catch(() => "") : "";
    if (name && !/\b(create|alter)\s+table\s+(region|app_user|household\w*|member)\b/i.test(sql)) {
      console.log(`warning: ${message} It does not touch the registry's tables; continuing without it.`);
      return true;
    }
    console.log(`migrations changed since the dataset was built (${message}); rebuilding`);
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Actors and the samples their requests draw from

type ActorKind = "admin" | "township" | "caseworker";

interface ActorPool {
  actor: Actor;
  /** Regions inside the scope to filter by. */
  regions: string[];
  householdIds: string[];
  householdNumbers: string[];
  names: string[];
  idTails: string[];
  phoneTails: string[];
}

interface SampleRow {
  id: string;
  household_number: string;
  region_code: string;
  phone: string | null;
  members: { name: string; id_number: string; phone: string | null }[];
}

function samplePool(actor: Actor, rows: SampleRow[], regions: string[]): ActorPool {
  const members = rows.flatMap((r) => r.members);
  const phones = [...rows.map((r) => r.phone), ...members.map((m) => m.phone)].filter(
    (p): p is string => p !== null,
  );
  return {
    actor,
    regions,
    householdIds: rows.map((r) => r.id),
    householdNumbers: rows.map((r) => r.household_number),
    names: members.map((m) => m.name),
    idTails: members.map((m) => m.id_number.slice(-4)),
    phoneTails: phones.map((p) => p.slice(-4)),
  };
}

const SAMPLE_COLUMNS = `h.id, h.household_number, h.region_code, h.phone,
  (select coalesce(json_agg(json_build_object('name', m.name, 'id_number', m.id_number, 'phone', m.phone)), '[]')
   from member m where m.household_id = h.id and m.status = 'active') as members`;

function actorOf(
  row: { id: string; username: string; display_name: string; region_code: string },
  role: Actor["role"],
) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role,
    regionCode: row.region_code,
    regionName: "",
    mustChangePassword: false,
  } satisfies Actor;
}

async function loadPools(db: Db, kind: ActorKind): Promise<ActorPool[]> {
  type UserRow = { id: string; username: string; display_name: string; region_code: string };
  if (kind === "admin") {
    const [user] = await db.query<UserRow>(
      "select id, username, display_name, region_code from app_user where username = 'benchadmin'",
    );
    const rows = await db.query<SampleRow>(
      `select ${SAMPLE_COLUMNS} from household h where h.id in (
         select id from household order by md5(id::text || 'sample') limit 400)`,
    );
    // Region filters an administrator uses: a county or a township (half each).
    const regions = await db.query<{ code: string }>(
      `(select code from region where level = 'county' and code like $1 || '%'
          and exists (select 1 from region t where t.parent_code = region.code) order by md5(code) limit 40)
       union all
       (select code from region where level = 'township' and code like $1 || '%' order by md5(code) limit 40)`,
      [user!.region_code.replace(/0+$/, "")],
    );
    return [
      samplePool(
        actorOf(user!, "administrator"),
        rows,
        regions.map((r) => r.code),
      ),
    ];
  }
  if (kind === "township") {
    const users = await db.query<UserRow>(
      `select u.id, u.username, u.display_name, u.region_code from app_user u
       where u.role = 'township_officer'
         and exists (select 1 from household h where h.region_code like left(u.region_code, 9) || '%')
       order by md5(u.id::text) limit 100`,
    );
    const pools: ActorPool[] = [];
    for (const user of users) {
      const township = user.region_code.slice(0, 9);
      const rows = await db.query<SampleRow>(
        `select ${SAMPLE_COLUMNS} from household h where h.region_code like $1 || '%' order by md5(h.id::text) limit 30`,
        [township],
      );
      const villages = await db.query<{ code: string }>(
        "select code from region where parent_code = $1 order by code",
        [user.region_code],
      );
      pools.push(
        samplePool(
          actorOf(user, "township_officer"),
          rows,
          villages.map((v) => v.code),
        ),
      );
    }
    return pools;
  }
  const users = await db.query<UserRow>(
    `select u.id, u.username, u.display_name, u.region_code from app_user u
     where u.role = 'caseworker'
       and exists (select 1 from household_caseworker c where c.user_id = u.id and c.ended_at is null)
     order by md5(u.id::text) limit 200`,
  );
  const pools: ActorPool[] = [];
  for (const user of users) {
    const rows = await db.query<SampleRow>(
      `select ${SAMPLE_COLUMNS} from household h
       where exists (select 1 from household_caseworker c where c.household_id = h.id and c.user_id = $1 and c.ended_at is null)`,
      [user.id],
    );
    const regions = [...new Set(rows.map((r) => r.region_code)), user.region_code];
    pools.push(samplePool(actorOf(user, "caseworker"), rows, regions));
  }
  return pools;
}

// ---------------------------------------------------------------------------------------------
// Query shapes

type ListQuery = Parameters<typeof listHouseholds>[1];

interface Shape {
  name: string;
  kind: "list" | "detail";
  make(pool: ActorPool, r: Rng): Partial<ListQuery> | { id: string };
}

const CAUSES = [
  "illness",
  "disability",
  "schooling",
  "disaster",
  "lack_land",
  "lack_water",
  "lack_skills",
  "lack_labour",
  "lack_capital",
  "poor_transport",
  "low_motivation",
  "other",
] as const;
const GUARANTEES = ["food_clothing", "education", "medical", "housing", "water"] as const;

const SHAPES: Shape[] = [
  { name: "list", kind: "list", make: () => ({}) },
  { name: "region filter", kind: "list", make: (p, r) => ({ regionCode: r.pick(p.regions) }) },
  {
    name: "status+attribute",
    kind: "list",
    make: (_p, r) => ({
      status: r.weighted<ListQuery["status"]>([
        ["not_lifted", 4],
        ["lifted", 3],
        ["returned", 2],
        ["removed", 1],
      ]),
      povertyAttribute: r.pick(["general", "dibao", "tekun"] as const),
    }),
  },
  { name: "cause", kind: "list", make: (_p, r) => ({ cause: r.pick(CAUSES) }) },
  {
    name: "income band",
    kind: "list",
    make: (_p, r) =>
      r.pick<Partial<ListQuery>>([
        { incomeBelow: 4000 },
        { incomeAtLeast: 4000, incomeBelow: 6000 },
        { incomeAtLeast: 6000, incomeBelow: 10000 },
        { incomeAtLeast: 20000 },
      ]),
  },
  { name: "guarantee at risk", kind: "list", make: (_p, r) => ({ guaranteeAtRisk: r.pick(GUARANTEES) }) },
  { name: "search name", kind: "list", make: (p, r) => ({ q: r.pick(p.names) }) },
  {
    name: "search household no.",
    kind: "list",
    make: (p, r) => ({ q: r.pick(p.householdNumbers).slice(0, 12 + Math.floor(r.next() * 7)) }),
  },
  { name: "search ID tail", kind: "list", make: (p, r) => ({ q: r.pick(p.idTails) }) },
  { name: "search phone tail", kind: "list", make: (p, r) => ({ q: r.pick(p.phoneTails) }) },
  {
    name: "sort by income",
    kind: "list",
    make: (_p, r) => ({ sort: "perCapitaIncome", order: r.pick(["asc", "desc"] as const) }),
  },
  { name: "detail", kind: "detail", make: (p, r) => ({ id: r.pick(p.householdIds) }) },
];

if (opts["list-shapes"]) {
  for (const shape of SHAPES) console.log(shape.name);
  process.exit(0);
}

const LIST_DEFAULTS: ListQuery = { q: "", sort: "householdNumber", order: "asc", page: 1, pageSize: 20 };

/** One request of a shape; resolves to the list's total (or 1 for a detail). */
async function send(ctx: ServiceContext, shape: Shape, params: Partial<ListQuery> | { id: string }) {
  if (shape.kind === "detail") {
    await getHousehold(ctx, (params as { id: string }).id);
    return 1;
  }
  const query = { ...LIST_DEFAULTS, ...(params as Partial<ListQuery>) };
  return (await listHouseholds(ctx, query)).total;
}

// ---------------------------------------------------------------------------------------------
// Measuring and printing

/** One of the slowest requests of a shape, to reproduce it. */
interface Slow {
  ms: number;
  actor: string;
  params: unknown;
}

interface Figures {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  meanTotal: number;
  cappedAt?: number;
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function measure(
  db: Db,
  pools: ActorPool[],
  shape: Shape,
  r: Rng,
): Promise<{ figures: Figures; errors: number; slowest: Slow[]; lastError?: string }> {
  const ctxOf = (pool: ActorPool): ServiceContext => ({
    db,
    actor: pool.actor,
    origin: { ip: null, userAgent: "bangfu-bench" },
  });
  let errors = 0;
  let lastError: string | undefined;
  const slowest: Slow[] = [];
  const usable = pools.filter((p) => p.householdIds.length > 0);
  let measuring = false;
  const one = async () => {
    const pool = r.pick(usable);
    const params = shape.make(pool, r);
    const started = performance.now();
    try {
      const total = await send(ctxOf(pool), shape, params);
      const ms = performance.now() - started;
      if (measuring && (slowest.length < 3 || ms > slowest[slowest.length - 1]!.ms)) {
        slowest.push({ ms, actor: `${pool.actor.role} ${pool.actor.regionCode} ${pool.actor.id}`, params });
        slowest.sort((a, b) => b.ms - a.ms);
        slowest.length = Math.min(slowest.length, 3);
      }
      return { ms, total };
    } catch (error) {
      errors += 1;
      lastError = `${(error as Error).message} ${JSON.stringify(params)}`;
      return { ms: performance.now() - started, total: 0 };
    }
  };
  // Warm-up is bounded too, so a shape that takes seconds a request does not stall the run.
  const warmupDeadline = performance.now() + maxSeconds * 200;
  for (let i = 0; i < warmup && performance.now() < warmupDeadline; i += 1) await one();
  measuring = true;
  const times: number[] = [];
  let totals = 0;
  const deadline = performance.now() + maxSeconds * 1000;
  for (let i = 0; i < requests; i += 1) {
    const { ms, total } = await one();
    times.push(ms);
    totals += total;
    if (performance.now() > deadline) break;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const figures: Figures = {
    n: times.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1]!,
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    meanTotal: totals / times.length,
  };
  if (times.length < requests) figures.cappedAt = maxSeconds;
  return { figures, errors, slowest, ...(lastError ? { lastError } : {}) };
}

/** The statements one request of the shape sends, explained. */
async function explainShape(db: Db, pools: ActorPool[], shape: Shape, r: Rng): Promise<PlanSummary[]> {
  const recorder = recordingDb(db);
  const usable = pools.filter((p) => p.householdIds.length > 0);
  const pool = r.pick(usable);
  const params = shape.make(pool, r);
  recorder.start();
  await send(
    { db: recorder.db, actor: pool.actor, origin: { ip: null, userAgent: "bangfu-bench" } },
    shape,
    params,
  );
  const statements = recorder.stop();
  const summaries: PlanSummary[] = [];
  for (const statement of statements) summaries.push(await explain(db, labelOf(statement.sql), statement));
  return summaries;
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)}s` : `${ms.toFixed(1)}`);
const pad = (text: string, width: number) => text.padEnd(width);
const lpad = (text: string, width: number) => text.padStart(width);

async function printDataset(db: Db, meta: DatasetMeta, where: string) {
  const [version] = await db.query<{ v: string }>("select version() as v");
  const counts = await db.query<{ what: string; n: number }>(
    `select 'households' as what, count(*)::int as n from household
     union all select 'members (all)', count(*)::int from member
     union all select 'members (active)', count(*)::int from member where status = 'active'
     union all select 'household versions', count(*)::int from household_version
     union all select 'income rows', count(*)::int from household_income
     union all select 'caseworker assignments (open)', count(*)::int from household_caseworker where ended_at is null
     union all select 'caseworker assignments (ended)', count(*)::int from household_caseworker where ended_at is not null
     union all select 'findings', count(*)::int from household_finding
     union all select 'users ' || role, count(*)::int from app_user group by role
     union all select 'regions ' || level, count(*)::int from region where code like $1 || '%' group by level`,
    [meta.prefix],
  );
  const sizes = await db.query<{ relname: string; heap: string; indexes: string; total: string }>(
    `select c.relname, pg_size_pretty(pg_relation_size(c.oid)) as heap, pg_size_pretty(pg_indexes_size(c.oid)) as indexes,
       pg_size_pretty(pg_total_relation_size(c.oid)) as total
     from pg_class c where c.relname in ('household', 'member', 'household_version', 'household_income',
       'household_caseworker', 'household_finding', 'region', 'app_user')
     order by pg_total_relation_size(c.oid) desc`,
  );
  const settings = await db.query<{ name: string; setting: string }>(
    `select name, current_setting(name) as setting from pg_settings
     where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit',
       'max_parallel_workers_per_gather')
     union all select 'collation', datcollate from pg_database where datname = current_database()`,
  );
  console.log(`\n=== Dataset (${engine}: ${where}) ===`);
  console.log(version?.v);
  console.log(
    `generated ${meta.generatedAt} in ${meta.seconds}s: ${meta.households.toLocaleString()} households under region ${meta.prefix}`,
  );
  for (const c of counts) console.log(`  ${pad(c.what, 34)} ${lpad(c.n.toLocaleString(), 12)}`);
  console.log("  table sizes (heap / indexes / total):");
  for (const s of sizes) console.log(`    ${pad(s.relname, 22)} ${s.heap} / ${s.indexes} / ${s.total}`);
  console.log(`  settings: ${settings.map((s) => `${s.name}=${s.setting}`).join(", ")}`);
  const setups = await db.query<{ key: string; value: string }>(
    "select key, value #>> '{}' as value from bench_meta where key like 'setup %' order by value",
  );
  if (setups.length === 0) console.log("  schema: the migrations' only");
  for (const setup of setups)
    console.log(`  schema changed after generation by ${setup.key.slice(6)} (${setup.value})`);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const { db, meta, where } = await openBench();
  try {
    if (opts.setup) {
      const script = await readFile(opts.setup, "utf8");
      console.log(`running setup ${opts.setup}`);
      const setupStarted = performance.now();
      for (const statement of script
        .split(/;\s*$/m)
        .map((s) => s.trim())
        .filter(Boolean)) {
        // Statement by statement: VACUUM and CREATE INDEX CONCURRENTLY cannot run in a transaction block.
        await db.exec(statement);
      }
      console.log(`  setup took ${((performance.now() - setupStarted) / 1000).toFixed(1)}s`);
      // Remembered, so later runs say the schema is no longer the migrations' alone (--fresh resets it).
      await db.query(
        `insert into bench_meta (key, value) values ($1, to_jsonb(now())) on conflict (key) do update set value = excluded.value`,
        [`setup ${opts.setup}`],
      );
    }
    await printDataset(db, meta, where);
    if (opts["generate-only"]) return;

    const kinds = opts.actors!.split(",").map((k) => k.trim()) as ActorKind[];
    const wanted = opts.shapes ? new Set(opts.shapes.split(",").map((s) => s.trim())) : undefined;
    const shapes = SHAPES.filter((s) => !wanted || wanted.has(s.name));
    if (wanted && shapes.length !== wanted.size)
      throw new Error(`unknown shape in --shapes; see --list-shapes`);
    const r = rng(Number(opts.seed));
    const results: { kind: ActorKind; shape: Shape; figures: Figures; errors: number }[] = [];

    for (const kind of kinds) {
      const pools = await loadPools(db, kind);
      const scope =
        kind === "admin"
          ? `administrator scoped to ${pools[0]!.actor.regionCode}`
          : `${pools.length} ${kind === "township" ? "township officers" : "caseworkers"} picked at random per request`;
      console.log(`\n=== ${kind}: ${scope} ===`);
      console.log(
        `${pad("shape", 22)}${lpad("n", 6)}${lpad("p50", 9)}${lpad("p95", 9)}${lpad("p99", 9)}${lpad("max", 9)}${lpad("mean", 9)}  ${pad("avg total", 10)} target`,
      );
      for (const shape of shapes) {
        const { figures, errors, slowest, lastError } = await measure(db, pools, shape, r);
        results.push({ kind, shape, figures, errors });
        const target = shape.kind === "detail" ? TARGET_DETAIL_MS : TARGET_LIST_MS;
        const verdict = figures.p95 < target ? "ok" : `MISS (p95 >= ${target})`;
        const capped = figures.cappedAt ? ` (stopped after ${figures.cappedAt}s)` : "";
        console.log(
          `${pad(shape.name, 22)}${lpad(String(figures.n), 6)}${lpad(fmt(figures.p50), 9)}${lpad(fmt(figures.p95), 9)}${lpad(fmt(figures.p99), 9)}${lpad(fmt(figures.max), 9)}${lpad(fmt(figures.mean), 9)}  ${pad(shape.kind === "list" ? Math.round(figures.meanTotal).toLocaleString() : "-", 10)} ${verdict}${capped}`,
        );
        if (errors > 0) console.log(`    ${errors} errors; last: ${lastError}`);
        const target_ = shape.kind === "detail" ? TARGET_DETAIL_MS : TARGET_LIST_MS;
        for (const slow of slowest.filter((x) => x.ms >= target_))
          console.log(`    slow: ${fmt(slow.ms)} ms ${slow.actor} ${JSON.stringify(slow.params)}`);
        if (!opts["no-explain"]) {
          for (const plan of await explainShape(db, pools, shape, r)) {
            const seq = plan.seqScans.length > 0 ? `  SEQ SCAN: ${plan.seqScans.join(", ")}` : "";
            const jit = plan.jitMs > 0 ? `, JIT ${plan.jitMs.toFixed(1)}ms` : "";
            console.log(
              `    [${plan.label}] ${plan.executionMs.toFixed(1)}ms (plan ${plan.planningMs.toFixed(1)}ms${jit}, buffers hit ${plan.sharedHit} read ${plan.sharedRead})${seq}`,
            );
            if (opts.plans) for (const line of plan.tree) console.log(`        ${line}`);
            else console.log(`        ${[...new Set(plan.scans)].join("; ")}`);
          }
        }
      }
    }

    console.log("\n=== Summary (p95 in ms; list target < 100, detail < 50) ===");
    console.log(`${pad("shape", 22)}${kinds.map((k) => lpad(k, 12)).join("")}`);
    for (const shape of shapes) {
      const cells = kinds.map((kind) => {
        const found = results.find((x) => x.kind === kind && x.shape === shape);
        if (!found) return lpad("-", 12);
        const target = shape.kind === "detail" ? TARGET_DETAIL_MS : TARGET_LIST_MS;
        return lpad(`${fmt(found.figures.p95)}${found.figures.p95 < target ? "" : "!"}`, 12);
      });
      console.log(`${pad(shape.name, 22)}${cells.join("")}`);
    }
  } finally {
    await db.close();
  }
}

await main();
