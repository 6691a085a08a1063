// Visit submission benchmark (issue 5): POST /api/visits on PostgreSQL at 50 and 200 concurrent
// clients, against a bare endpoint of the same framework that does one INSERT of the same row.
// Prints requests/s, p50/p99, the ratio, and the web app's built JavaScript sizes (the phone mode's
// initial load). Not a test: it asserts nothing and only reports. See bench/README.md.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../src/server/app.js";
import { readConfig } from "../src/server/config.js";
import { openPostgres } from "../src/server/db/db.js";
import { migrate } from "../src/server/db/migrate.js";
import { sealAuditTrail, startAuditSealing } from "../src/server/modules/audit/audit-seal.js";
import { verifyAuditTrail } from "../src/server/modules/audit/audit-verify.js";
import { ensureDemoCounty } from "../src/server/modules/demo/demo.service.js";
import { projectRoot } from "../src/server/paths.js";
import { createUserFixture, signIn } from "../src/server/test/test-app.js";
import { cpuPerRequest, cpuSnapshot } from "./visits.cpu.js";
import type { LoadJob, LoadResult } from "./visits.load.js";

const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    households: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "50,200" },
    rounds: { type: "string", default: "3" },
    // Diagnosis: no background sealer during the runs (the trail is sealed at the end instead).
    "no-sealer": { type: "boolean", default: false },
  },
});
const SERVER_URL = process.env.BENCH_SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const JING = "341823000000";

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type Measured = LoadResult & { serverBusy: number; cpu: ReturnType<typeof cpuPerRequest> };

/**
 * A run's result, with how busy the servers' thread (this one) was meanwhile (1 = never idle) and
 * the CPU time per request of that thread, the load generator and PostgreSQL.
 */
function load(job: LoadJob): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const cpuBefore = cpuSnapshot();
    const worker = new Worker(new URL("./visits.load.js", import.meta.url), { workerData: job });
    const before = performance.eventLoopUtilization();
    worker.once("message", (result: LoadResult) => {
      const serverBusy = performance.eventLoopUtilization(before).utilization;
      const cpu = cpuPerRequest(cpuBefore, cpuSnapshot(), result.latenciesMs.length);
      void worker.terminate();
      resolve({ ...result, serverBusy, cpu });
    });
    worker.once("error", reject);
  });
}

function summarise(result: Measured) {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  return {
    serverBusy: result.serverBusy,
    cpu: result.cpu,
    requestsPerSecond: result.latenciesMs.length / result.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors: result.errors,
    statuses: result.statuses,
  };
}

/** The built web app's JavaScript, raw and gzipped; "initial" is what index.html loads (lazy chunks come later). */
// The sizes come from scripts/web-sizes.mjs (also runnable alone): what index.html loads with its
// modulepreloads and their static imports, i.e. the phone mode's first screen; then the desk's.
async function printBuiltSizes() {
  const script = pathToFileURL(join(projectRoot, "scripts", "web-sizes.mjs")).href;
  const { printWebSizes } = (await import(script)) as {
    printWebSizes: (
      webDir: string,
      firstScreen?: string[],
      log?: (line: string) => void,
    ) => { initialGzip: number };
  };
  const webDir = join(projectRoot, "dist", "web");
  if (!existsSync(join(webDir, "index.html"))) {
    console.log("web build: dist/web not found (run npm run build first)");
    return;
  }
  const phone = printWebSizes(webDir);
  console.log(
    `web build: phone mode initial JavaScript gzip ${(phone.initialGzip / 1024).toFixed(1)} KB (target ≤ 200 KB)`,
  );
  const desk = printWebSizes(webDir, ["DesktopApp"], () => undefined);
  console.log(`web build: desk app initial JavaScript gzip ${(desk.initialGzip / 1024).toFixed(1)} KB`);
}

async function main() {
  const name = `bangfu_bench_visits_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  try {
    await migrate(db);
    const households = Number(opts.households);
    await ensureDemoCounty(db, { countyCode: JING, seed: 2020, households });
    const targets = await db.query<{ householdId: string; memberId: string }>(
      `select h.id as "householdId", (select m.id from member m where m.household_id = h.id order by position limit 1)
         as "memberId" from household h where h.county_code = $1`,
      [JING],
    );
    const user = await createUserFixture(db, { role: "administrator", regionCode: JING });
    const app = await buildApp({ db, config: readConfig({}) });
    // As in the server: the audit trail is sealed in the background while visits come in.
    const stopSealing = opts["no-sealer"] ? () => undefined : startAuditSealing(db);
    const agent = await signIn(app, user.username);
    const visitsUrl = `${await app.listen({ port: 0, host: "127.0.0.1" })}/api/visits`;

    // The baseline: the same framework, one INSERT of the same row into a copy of the table.
    await db.query("create table bench_visit_baseline (like visit including defaults)");
    const bare = Fastify();
    bare.post("/baseline", async (request) => {
      const body = request.body as {
        id: string;
        householdId: string;
        kind: string;
        visitedOn: string;
        metWith: string;
      };
      await db.query(
        `insert into bench_visit_baseline (id, county_code, region_code, household_id, recorded_by, kind, visited_on,
           met_with, payload_hash, recorded_at) values ($1, $2, $2, $3, $4, $5, $6, $7, '', now())`,
        [body.id, JING, body.householdId, user.id, body.kind, body.visitedOn, body.metWith],
      );
      return { id: body.id };
    });
    const baselineUrl = `${await bare.listen({ port: 0, host: "127.0.0.1" })}/baseline`;

    console.log(
      `visits bench: PostgreSQL, ${targets.length} households, ${opts.seconds} s per run, pool ${process.env.DB_POOL_SIZE ?? 10}` +
        (opts["no-sealer"] ? ", no background sealer" : ""),
    );
    const headers = { cookie: agent.cookie, "x-csrf-token": agent.csrfToken };
    const line = (label: string, r: ReturnType<typeof summarise>) =>
      `${label.padEnd(9)} ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  server thread busy ${(r.serverBusy * 100).toFixed(0)}%  errors ${r.errors}  statuses ${JSON.stringify(r.statuses)}` +
      (r.cpu === null
        ? ""
        : `\n          CPU per request: server thread ${r.cpu.server.toFixed(0)} µs, load generator ${r.cpu.load.toFixed(0)} µs, PostgreSQL ${r.cpu.postgres.toFixed(0)} µs`);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    for (const concurrency of opts.concurrency.split(",").map(Number)) {
      const seconds = Number(opts.seconds);
      // A short warm-up of each, then rounds of the two one after the other: this machine's speed
      // drifts, so each ratio compares runs made side by side, and the median of them is reported.
      await load({ url: baselineUrl, headers, concurrency, seconds: 1, targets });
      await load({ url: visitsUrl, headers, concurrency, seconds: 1, targets });
      console.log(`\n${concurrency} concurrent clients`);
      const ratios: number[] = [];
      const p99s: number[] = [];
      for (let round = 1; round <= Number(opts.rounds); round++) {
        const baseline = summarise(await load({ url: baselineUrl, headers, concurrency, seconds, targets }));
        const visits = summarise(await load({ url: visitsUrl, headers, concurrency, seconds, targets }));
        ratios.push(visits.requestsPerSecond / baseline.requestsPerSecond);
        p99s.push(visits.p99);
        console.log(`round ${round}`);
        console.log(line("baseline", baseline));
        console.log(line("visits", visits));
        console.log(`ratio ${(ratios.at(-1)! * 100).toFixed(0)}%`);
      }
      console.log(
        `${concurrency} clients: median ratio ${(median(ratios) * 100).toFixed(0)}% of baseline (target ≥ 70%; ` +
          `rounds ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(", ")}), median visits p99 ` +
          `${median(p99s).toFixed(1)} ms (target < 50 ms)`,
      );
    }
    const [count] = await db.query<{ n: number }>("select count(*)::int as n from visit");
    console.log(`\nvisits stored: ${count?.n}`);
    stopSealing();
    const sealStarted = performance.now();
    const leftUnsealed = await sealAuditTrail(db);
    const sealMs = performance.now() - sealStarted;
    const verifyStarted = performance.now();
    const verified = await verifyAuditTrail(db);
    console.log(
      `audit: ${leftUnsealed} entries left unsealed by the background sealer, sealed in ${sealMs.toFixed(0)} ms; ` +
        `verify ${verified.events} entries in ${(performance.now() - verifyStarted).toFixed(0)} ms, ${verified.problems.length} problems`,
    );
    await bare.close();
    await app.close();
  } finally {
    await db.close();
    const dropper = new pg.Client({ connectionString: SERVER_URL });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  }
  await printBuiltSizes();
}

await main();
