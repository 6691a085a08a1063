import type { ActivityFigures } from "../../../shared/api/dashboard.api.js";
import { CASE_STAGES } from "../../../shared/monitoring-workflow.js";
import type { Queryable } from "../../db/db.js";
import {
  type ActivityScope,
  type CampaignRef,
  type CaseRow,
  type DifficultyRow,
  findCaseCounts,
  findCaseRisks,
  findDifficultyCounts,
  findIsolationCounts,
  findLatestCampaign,
  findOpenAlertCounts,
  findOverdueMeasureCounts,
  findScreeningCounts,
  findVisitCounts,
  type IsolationRow,
  type RiskRow,
  type ScreeningRow,
  type VisitRow,
} from "./dashboard-activity.queries.js";

// Field work and monitoring figures: read once per request grouped by child region, then added up
// per region in memory (each household lies in one group, so the sums are exact).

/** Stages of an identified 监测对象 whose risk is not yet eliminated. */
const IDENTIFIED = new Set([
  "monitored",
  "elimination_village_review",
  "elimination_township_review",
  "elimination_county_decision",
]);
const ENDED = new Set(["closed", "rejected"]);
/** The order county offices write them in: home isolation, central quarantine, released. */
const ISOLATION_ORDER = ["home_isolation", "central_quarantine", "released"] as const;

export interface ActivityRows {
  year: number;
  campaign: CampaignRef | undefined;
  visits: VisitRow[];
  screening: ScreeningRow[];
  isolation: IsolationRow[];
  difficulties: DifficultyRow[];
  cases: CaseRow[];
  risks: RiskRow[];
  alerts: { key: string; n: number }[];
  measures: { key: string; n: number }[];
}

/** Every activity row under the scope's prefix, grouped by the scope's key length. */
export async function readActivity(q: Queryable, scope: ActivityScope): Promise<ActivityRows> {
  const campaign = await findLatestCampaign(q, scope);
  const [visits, screening, isolation, difficulties, cases, risks, alerts, measures] = await Promise.all([
    findVisitCounts(q, scope),
    campaign ? findScreeningCounts(q, scope, campaign.id) : Promise.resolve([]),
    findIsolationCounts(q, scope),
    findDifficultyCounts(q, scope),
    findCaseCounts(q, scope),
    findCaseRisks(q, scope),
    findOpenAlertCounts(q, scope),
    findOverdueMeasureCounts(q, scope),
  ]);
  return {
    year: Number(scope.today.slice(0, 4)),
    campaign,
    visits,
    screening,
    isolation,
    difficulties,
    cases,
    risks,
    alerts,
    measures,
  };
}

const stageOrder = (stage: string) => CASE_STAGES.indexOf(stage as (typeof CASE_STAGES)[number]);
const sum = <T>(rows: readonly T[], of: (row: T) => number) => rows.reduce((n, row) => n + of(row), 0);

/** Adds up the rows whose key starts with `prefix` (the region's own figures, or one child's). */
export function activityOf(all: ActivityRows, prefix: string): ActivityFigures {
  const within = <T extends { key: string }>(rows: readonly T[]) =>
    rows.filter((r) => r.key.startsWith(prefix));
  const visits = within(all.visits);
  const screening = within(all.screening);
  const isolation = within(all.isolation);
  const difficulties = within(all.difficulties);
  const cases = within(all.cases);
  const risks = within(all.risks);
  // Rows without a kind are each group's totals over every kind (grouping sets).
  const difficultyTotals = difficulties.filter((d) => d.kind === null);
  const kinds = [...new Set(difficulties.flatMap((d) => (d.kind === null ? [] : [d.kind])))].sort();
  const identified = cases.filter((c) => IDENTIFIED.has(c.stage));
  const eliminated = cases.filter((c) => c.stage === "closed");
  const stages = [...new Set(cases.map((c) => c.stage))];
  const types = [...new Set(identified.flatMap((c) => (c.monitoringType ? [c.monitoringType] : [])))].sort();
  const riskTypes = [...new Set(risks.map((r) => r.riskType))].sort();
  const screeningDone = sum(screening, (r) => r.done);
  const screeningOverdue = sum(screening, (r) => r.overdue);
  return {
    visits: {
      year: all.year,
      visits: sum(visits, (r) => r.visits),
      visitedHouseholds: sum(visits, (r) => r.visitedHouseholds),
    },
    screening: all.campaign
      ? {
          campaignId: all.campaign.id,
          name: all.campaign.name,
          deadline: all.campaign.deadline,
          households: sum(screening, (r) => r.households),
          done: screeningDone,
          due: sum(screening, (r) => r.due),
          overdue: screeningOverdue,
        }
      : null,
    isolation: {
      households: sum(isolation, (r) => r.households),
      people: sum(isolation, (r) => r.people),
      byStatus: ISOLATION_ORDER.map((status) => {
        const rows = isolation.filter((r) => r.status === status);
        return { status, households: sum(rows, (r) => r.households), people: sum(rows, (r) => r.people) };
      }),
    },
    difficulties: {
      open: sum(difficultyTotals, (d) => d.open),
      resolved: sum(difficultyTotals, (d) => d.resolved),
      households: sum(difficultyTotals, (d) => d.households),
      byKind: kinds.map((kind) => {
        const rows = difficulties.filter((d) => d.kind === kind);
        return { kind, open: sum(rows, (r) => r.open), resolved: sum(rows, (r) => r.resolved) };
      }),
    },
    monitoring: {
      openAlerts: sum(within(all.alerts), (r) => r.n),
      active: sum(
        cases.filter((c) => !ENDED.has(c.stage)),
        (c) => c.cases,
      ),
      identified: { households: sum(identified, (c) => c.cases), people: sum(identified, (c) => c.people) },
      eliminated: { households: sum(eliminated, (c) => c.cases), people: sum(eliminated, (c) => c.people) },
      byStage: stages
        .map((stage) => ({
          stage,
          cases: sum(
            cases.filter((c) => c.stage === stage),
            (c) => c.cases,
          ),
        }))
        .sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage)),
      byType: types.map((monitoringType) => {
        const rows = identified.filter((c) => c.monitoringType === monitoringType);
        return { monitoringType, households: sum(rows, (c) => c.cases), people: sum(rows, (c) => c.people) };
      }),
      byRisk: riskTypes.map((riskType) => {
        const rows = risks.filter((r) => r.riskType === riskType);
        return { riskType, households: sum(rows, (r) => r.households), people: sum(rows, (r) => r.people) };
      }),
    },
    overdue: {
      caseSteps: sum(cases, (c) => c.overdue),
      measures: sum(within(all.measures), (r) => r.n),
      screening: screeningOverdue,
    },
  };
}
