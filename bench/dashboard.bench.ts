// Dashboard latency on the province dataset of the household benchmark (bench/README.md):
// GET /api/dashboard's service function for the province, a city and a county administrator,
// p50/p95/p99 per level; then the same with a backlog of unfolded deltas from a bulk update, and
// the time to fold them. Prints figures; asserts nothing.
//
//   npm run bench:households -- --generate-only     # the 1,000,000-household dataset, once
//   npm run bench:dashboard [-- --requests 1000]

import { parseArgs } from "node:util";
import { openPostgres } from "../src/server/db/db.js";
import { migrate } from "../src/server/db/migrate.js";
import type { Actor } from "../src/server/http/actor.js";
import type { ServiceContext } from "../src/server/http/route.js";
import { writeBriefingPdf } from "../src/server/modules/briefings/briefing-pdf.js";
import { writeSections } from "../src/server/modules/briefings/briefing-text.js";
import { compactRollup, countRollupDeltas } from "../src/server/modules/dashboard/dashboard.queries.js";
import { getDashboard } from "../src/server/modules/dashboard/dashboard.service.js";
import { BRIEFING_SECTIONS } from "../src/shared/api/briefings.api.js";

const { values: opts } = parseArgs({
  options: {
    requests: { type: "string", default: "1000" },
    warmup: { type: "string", default: "50" },
    "update-households": { type: "string", default: "20000" },
  },
});
const requests = Number(opts.requests);
const warmup = Number(opts.warmup);

const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bangfu_bench";
const db = await openPostgres(url);

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

try {
  const [households] = await db.query<{ n: number }>("select count(*)::int as n from household");
  if (!households || households.n === 0)
    throw new Error("no dataset: run npm run bench:households -- --generate-only");
  const [applied, migrateMs] = await timed(() => migrate(db));
  if (applied.length > 0) console.log(`applied ${applied.join(", ")} in ${(migrateMs / 1000).toFixed(1)}s`);
  const [size] = await db.query<{ rows: number; bytes: string }>(
    "select count(*)::int as rows, pg_size_pretty(pg_total_relation_size('household_rollup')) as bytes from household_rollup",
  );
  console.log(
    `dataset: ${households.n.toLocaleString()} households; sums: ${size!.rows.toLocaleString()} rows (${size!.bytes})`,
  );
  const [pendingFolded, firstFoldMs] = await timed(() => compactRollup(db));
  if (pendingFolded > 0)
    console.log(`folded ${pendingFolded} pending deltas in ${firstFoldMs.toFixed(0)} ms`);

  // An administrator at each level: the province, its largest city, that city's largest county.
  const [city] = await db.query<{ code: string }>(
    `select left(region_code, 4) || '00000000' as code from household group by 1 order by count(*) desc limit 1`,
  );
  const [county] = await db.query<{ code: string }>(
    `select county_code as code from household where region_code like $1 group by 1 order by count(*) desc limit 1`,
    [`${city!.code.slice(0, 4)}%`],
  );
  const [province] = await db.query<{ code: string }>(
    "select left(region_code, 2) || '0000000000' as code from household group by 1 order by count(*) desc limit 1",
  );
  const levels = [
    ["province", province!.code],
    ["city", city!.code],
    ["county", county!.code],
  ] as const;
  const ctxOf = (regionCode: string): ServiceContext => {
    const actor: Actor = {
      id: "00000000-0000-4000-8000-000000000001",
      username: "bench",
      displayName: "bench",
      role: "administrator",
      regionCode,
      regionName: "",
      mustChangePassword: false,
    };
    return { db, actor, origin: { ip: null, userAgent: "bangfu-bench" } };
  };

  const measure = async (label: string) => {
    console.log(`\n=== ${label} ===`);
    console.log("level       requests   p50 ms   p95 ms   p99 ms   households  children");
    for (const [level, code] of levels) {
      const ctx = ctxOf(code);
      for (let i = 0; i < warmup; i += 1) await getDashboard(ctx, undefined);
      const times: number[] = [];
      let last: Awaited<ReturnType<typeof getDashboard>> | undefined;
      for (let i = 0; i < requests; i += 1) {
        const [result, ms] = await timed(() => getDashboard(ctx, undefined));
        times.push(ms);
        last = result;
      }
      times.sort((a, b) => a - b);
      const p = (q: number) => percentile(times, q).toFixed(1).padStart(8);
      console.log(
        `${level.padEnd(10)} ${String(requests).padStart(9)} ${p(0.5)} ${p(0.95)} ${p(0.99)}   ${last!.figures.households
          .toLocaleString()
          .padStart(10)}  ${String(last!.children.length).padStart(8)}  ${code}`,
      );
    }
  };

  await measure("sums folded");

  // A briefing of the province: its figures counted, every section written, the PDF rendered.
  const briefingTimes: number[] = [];
  let pdfBytes = 0;
  for (let i = 0; i < 10; i += 1) {
    const [pdf, ms] = await timed(async () => {
      const dashboard = await getDashboard(ctxOf(province!.code), undefined);
      const sections = writeSections(
        BRIEFING_SECTIONS,
        dashboard.figures,
        dashboard.activity,
        dashboard.region.name,
        dashboard.generatedAt,
      );
      return writeBriefingPdf({
        id: "00000000-0000-4000-8000-000000000002",
        regionCode: province!.code,
        regionName: dashboard.region.name,
        title: "脱贫攻坚工作简报",
        periodStart: "2020-03-01",
        periodEnd: "2020-03-31",
        status: "issued",
        issueYear: 2020,
        issueNumber: i + 1,
        issuedOn: "2020-04-01",
        issuingOffice: "扶贫开发领导小组办公室",
        distribution: "各市（州）、县（市、区）扶贫办",
        sections,
        countedAt: dashboard.generatedAt,
        createdAt: dashboard.generatedAt,
        updatedAt: dashboard.generatedAt,
        version: 2,
      });
    });
    briefingTimes.push(ms);
    pdfBytes = pdf.length;
  }
  briefingTimes.sort((a, b) => a - b);
  console.log(
    `\nbriefing PDF of the province (figures + text + PDF, ${(pdfBytes / 1024).toFixed(0)} KB): p50 ${percentile(briefingTimes, 0.5).toFixed(0)} ms, max ${briefingTimes.at(-1)!.toFixed(0)} ms over ${briefingTimes.length} (target < 5 s)`,
  );

  // A bulk update inside the county (as a roster re-import would write): the lifted year of
  // N households moves on by one (and back at the end), leaving deltas that readers add until
  // they are folded.
  const updated = Number(opts["update-households"]);
  const [, updateMs] = await timed(() =>
    db.query(
      `update household set lifted_year = lifted_year + 1
       where id in (select id from household where county_code = $1 order by id limit $2)`,
      [county!.code, updated],
    ),
  );
  const deltas = await countRollupDeltas(db);
  console.log(
    `\nupdated ${updated.toLocaleString()} households of ${county!.code} in ${(updateMs / 1000).toFixed(2)}s; ${deltas.toLocaleString()} deltas wait`,
  );
  await measure(`with ${deltas.toLocaleString()} deltas not yet folded`);
  const [folded, foldMs] = await timed(() => compactRollup(db));
  console.log(`\nfolded ${folded.toLocaleString()} deltas in ${foldMs.toFixed(0)} ms`);
  // Put the years back, folded, so the dataset stays as generated.
  await db.query(
    `update household set lifted_year = lifted_year - 1
     where id in (select id from household where county_code = $1 order by id limit $2)`,
    [county!.code, updated],
  );
  await compactRollup(db);
} finally {
  await db.close();
}
