import type { RegistryFigures } from "../../../shared/api/dashboard.api.js";
import type { RegionSummary } from "../../../shared/api/regions.api.js";
import { DASHBOARD_TABLES } from "../../../shared/dashboard-codes.js";
import { codePrefix, countyCodeOf, isWithinScope } from "../../../shared/division-code.js";
import { chinaToday } from "../../../shared/visit-codes.js";
import type { Db } from "../../db/db.js";
import { AppError } from "../../http/app-error.js";
import type { FileReply, ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { findChildRegions, findRegion, findRegionAncestors } from "../regions/regions.queries.js";
import { compactRollup, countRollupDeltas, findRollup, type RollupRow } from "./dashboard.queries.js";
import { activityOf, readActivity } from "./dashboard-activity.js";
import { type DashboardTable, writeDashboardTable } from "./dashboard-export.js";

const GUARANTEE_LIGHTS = new Set(["green", "yellow", "red"]);
const INCOME_BANDS = [
  "below_4000",
  "4000_6000",
  "6000_10000",
  "10000_20000",
  "from_20000",
  "unknown",
] as const;

/** The figures of a set of sum rows (one region's, or several regions' added together). */
export function figuresOf(rows: readonly RollupRow[]): RegistryFigures {
  const sums = new Map<string, { households: number; people: number }>();
  for (const row of rows) {
    const key = `${row.dimension}\u0000${row.value}`;
    const sum = sums.get(key) ?? { households: 0, people: 0 };
    sum.households += row.households;
    sum.people += row.people;
    sums.set(key, sum);
  }
  const of = (dimension: string) =>
    [...sums.entries()]
      .filter(
        ([key, sum]) => key.startsWith(`${dimension}\u0000`) && (sum.households !== 0 || sum.people !== 0),
      )
      .map(([key, sum]) => ({ value: key.slice(dimension.length + 1), ...sum }))
      .sort((a, b) => b.households - a.households || a.value.localeCompare(b.value));
  const byStatusAttribute = of("status_attribute").map(({ value, ...sum }) => {
    const [status = "", povertyAttribute = ""] = value.split("|");
    return { status, povertyAttribute, ...sum };
  });
  const caseworker = of("caseworker");
  const total = byStatusAttribute.reduce((n, r) => n + r.households, 0);
  return {
    households: total,
    people: byStatusAttribute.reduce((n, r) => n + r.people, 0),
    byStatusAttribute,
    liftedByYear: of("lifted_year")
      .map(({ value, ...sum }) => ({ year: Number(value), ...sum }))
      .sort((a, b) => a.year - b.year),
    byMainCause: of("main_cause").map(({ value, ...sum }) => ({ cause: value, ...sum })),
    byCause: of("cause").map(({ value, ...sum }) => ({ cause: value, ...sum })),
    guarantees: of("guarantee").flatMap(({ value, ...sum }) => {
      const [guarantee = "", light = ""] = value.split("|");
      return GUARANTEE_LIGHTS.has(light)
        ? [{ guarantee, light: light as "green" | "yellow" | "red", ...sum }]
        : [];
    }),
    incomeBands: INCOME_BANDS.map((band) => ({
      band,
      households: sums.get(`income_band\u0000${band}`)?.households ?? 0,
      people: sums.get(`income_band\u0000${band}`)?.people ?? 0,
    })),
    caseworkerCoverage: {
      assigned: caseworker.find((c) => c.value === "assigned")?.households ?? 0,
      total,
    },
  };
}

/**
 * The registry's figures for a region in the actor's scope (default: the actor's own region) and,
 * for drilling down, the same figures for each child region, zeros included.
 */
export async function getDashboard(ctx: ServiceContext, regionCode: string | undefined) {
  const code = regionCode ?? ctx.actor.regionCode;
  authorize(ctx.actor, "dashboard.read", { regionCode: code });
  const region = await findRegion(ctx.db, code);
  if (!region) throw new AppError("NOT_FOUND");
  if (region.level === "group") {
    throw new AppError("VALIDATION_FAILED", [
      { path: "query.regionCode", message: "统计到村为止，村民小组请查看所在村" },
    ]);
  }
  const [ancestors, allChildren] = await Promise.all([
    findRegionAncestors(ctx.db, code),
    findChildRegions(ctx.db, code),
  ]);
  // Village groups are not drilled into: the sums stop at the village.
  const children = allChildren.filter((child) => child.level !== "group");
  const prefix = codePrefix(code);
  const keyLength = Math.max(prefix.length, ...children.map((child) => codePrefix(child.code).length));
  const [rows, activity] = await Promise.all([
    findRollup(ctx.db, prefix, keyLength),
    readActivity(ctx.db, {
      prefix,
      keyLength,
      countyCode: prefix.length >= 6 ? (countyCodeOf(code) ?? null) : null,
      today: chinaToday(new Date()),
    }),
  ]);
  const ref = (r: RegionSummary) => ({
    code: r.code,
    name: r.name,
    level: r.level,
  });
  return {
    region: ref(region),
    path: ancestors.filter((a) => isWithinScope(a.code, ctx.actor.regionCode)).map(ref),
    figures: figuresOf(rows),
    activity: activityOf(activity, prefix),
    children: children.map((child) => {
      const childPrefix = codePrefix(child.code);
      return {
        ...ref(child),
        figures: figuresOf(rows.filter((row) => row.key.startsWith(childPrefix))),
        activity: activityOf(activity, childPrefix),
      };
    }),
    generatedAt: new Date().toISOString(),
  };
}

/** One table of a region's dashboard as .xlsx (see dashboard-export.ts). */
export async function exportDashboardTable(
  ctx: ServiceContext,
  regionCode: string | undefined,
  table: DashboardTable,
): Promise<FileReply> {
  const dashboard = await getDashboard(ctx, regionCode);
  const stamp = dashboard.generatedAt.slice(0, 10).replace(/-/g, "");
  return {
    fileName: `${dashboard.region.name}-${DASHBOARD_TABLES[table].zh}-${stamp}.xlsx`,
    content: await writeDashboardTable(table, dashboard),
  };
}

/**
 * Folds the sums' deltas every few seconds while the server runs, so that readers add few of them.
 * Figures are exact without it; it only keeps reads fast. Returns a stop function.
 */
export function startRollupCompaction(db: Db, everyMs = 5_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    countRollupDeltas(db)
      .then((n) => (n > 0 ? compactRollup(db) : 0))
      .catch((error: unknown) => console.error("compacting the dashboard sums failed", error))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
