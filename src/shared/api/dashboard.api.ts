import { z } from "zod";
import { DASHBOARD_TABLES } from "../dashboard-codes.js";
import { defineEndpoint } from "../endpoint.js";
import { codesOf } from "../household-codes.js";
import { fileResponse, regionCodeSchema, regionLevelSchema } from "./common.js";
import { XLSX_MEDIA_TYPE } from "./roster.api.js";

// The registry's figures for a region, with the same figures for each of its children (drill-down).

const count = z.number().int();
const counted = { households: count, people: count };

export const registryFigures = z.object({
  households: count,
  people: count,
  /** Households and people by poverty status and attribute (each pair once). */
  byStatusAttribute: z.array(z.object({ status: z.string(), povertyAttribute: z.string(), ...counted })),
  /** Lifted households by the year they were lifted. */
  liftedByYear: z.array(z.object({ year: count, ...counted })),
  /** By main poverty cause (each household once). */
  byMainCause: z.array(z.object({ cause: z.string(), ...counted })),
  /** By every cause, main or secondary (a household counts once under each of its causes). */
  byCause: z.array(z.object({ cause: z.string(), ...counted })),
  /** Households by each basic guarantee's light. */
  guarantees: z.array(
    z.object({ guarantee: z.string(), light: z.enum(["green", "yellow", "red"]), ...counted }),
  ),
  /** Per-capita net income bands (yuan a year). */
  incomeBands: z.array(
    z.object({
      band: z.enum(["below_4000", "4000_6000", "6000_10000", "10000_20000", "from_20000", "unknown"]),
      ...counted,
    }),
  ),
  /** Households with at least one caseworker assigned, of all households. */
  caseworkerCoverage: z.object({ assigned: count, total: count }),
});
export type RegistryFigures = z.infer<typeof registryFigures>;

/**
 * Field work and monitoring in a region, counted live from the records: visits this year, the
 * latest screening campaign reaching the region, isolation status, difficulties, monitoring cases,
 * and what is overdue. Every figure adds up over the child regions.
 */
export const activityFigures = z.object({
  /** Visits in the calendar year (China time) and the households they reached. */
  visits: z.object({ year: count, visits: count, visitedHouseholds: count }),
  /** The newest screening campaign reaching the region (null when none), its share in the region. */
  screening: z
    .object({
      campaignId: z.string(),
      name: z.string(),
      deadline: z.string(),
      households: count,
      done: count,
      due: count,
      overdue: count,
    })
    .nullable(),
  /**
   * Isolation by each member's latest recorded status: people under their own status, households
   * under their most severe member's (central quarantine, home isolation, released).
   */
  isolation: z.object({
    households: count,
    people: count,
    byStatus: z.array(
      z.object({ status: z.enum(["home_isolation", "central_quarantine", "released"]), ...counted }),
    ),
  }),
  /** Difficulties found on visits, by kind, open and resolved; households with any. */
  difficulties: z.object({
    open: count,
    resolved: count,
    households: count,
    byKind: z.array(z.object({ kind: z.string(), open: count, resolved: count })),
  }),
  /** Monitoring cases (防返贫监测) of households in the region. */
  monitoring: z.object({
    openAlerts: count,
    /** Cases not closed or rejected. */
    active: count,
    /** Identified 监测对象 still monitored (risk not yet eliminated). */
    identified: z.object(counted),
    /** Cases closed with the risk eliminated. */
    eliminated: z.object(counted),
    byStage: z.array(z.object({ stage: z.string(), cases: count })),
    /** Identified, not yet eliminated, by monitoring type. */
    byType: z.array(z.object({ monitoringType: z.string(), ...counted })),
    /** Identified, not yet eliminated, by risk type (a household counts once under each risk). */
    byRisk: z.array(z.object({ riskType: z.string(), ...counted })),
  }),
  /** What is past its date: case steps, assistance measures, screening households. */
  overdue: z.object({ caseSteps: count, measures: count, screening: count }),
});
export type ActivityFigures = z.infer<typeof activityFigures>;

const regionRef = z.object({ code: z.string(), name: z.string(), level: regionLevelSchema });

export const getDashboard = defineEndpoint({
  method: "GET",
  path: "/api/dashboard",
  summary: "Registry figures of a region in scope (default: the user's own) and of each of its children",
  tag: "dashboard",
  query: z.strictObject({ regionCode: regionCodeSchema.optional() }),
  response: z.object({
    region: regionRef,
    /** From the user's own region down to the parent of `region` (the breadcrumb). */
    path: z.array(regionRef),
    figures: registryFigures,
    activity: activityFigures,
    /** Every child region, with zeros where it has no households; empty below village level. */
    children: z.array(regionRef.extend({ figures: registryFigures, activity: activityFigures })),
    generatedAt: z.string(),
  }),
});

export const exportDashboardTable = defineEndpoint({
  method: "GET",
  path: "/api/dashboard/export",
  summary:
    "One table of a region's dashboard as .xlsx, with the region and the time it was counted in its header rows",
  tag: "dashboard",
  query: z.strictObject({
    regionCode: regionCodeSchema.optional(),
    table: z.enum(codesOf(DASHBOARD_TABLES)),
  }),
  download: XLSX_MEDIA_TYPE,
  response: fileResponse,
});
