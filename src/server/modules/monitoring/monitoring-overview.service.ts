import { codePrefix, levelOfCode } from "../../../shared/division-code.js";
import type { CaseStage, MonitoringType, RiskType } from "../../../shared/monitoring-workflow.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { evaluationDay } from "./monitoring-evaluate.js";
import { findOverview } from "./monitoring-overview.queries.js";

const CHILD_PREFIX_LENGTH: Partial<Record<string, number>> = { county: 9, township: 12 };

/** The county view: cases by stage, type, risk and sub-region with overdue counts, and the trend. */
export async function getOverview(ctx: ServiceContext, regionCode: string | undefined, today = new Date()) {
  authorize(ctx.actor, "monitoring.overview");
  const code = regionCode ?? ctx.actor.regionCode;
  authorize(ctx.actor, "monitoring.overview", { regionCode: code });
  const level = levelOfCode(code);
  const overview = await findOverview(ctx.db, {
    prefix: codePrefix(code),
    childLength: (level && CHILD_PREFIX_LENGTH[level]) ?? null,
    today: evaluationDay(today),
  });
  return {
    regionCode: code,
    ...overview,
    byStage: overview.byStage.map((r) => ({ ...r, stage: r.stage as CaseStage })),
    byType: overview.byType.map((r) => ({ ...r, monitoringType: r.monitoringType as MonitoringType })),
    byRisk: overview.byRisk.map((r) => ({ ...r, riskType: r.riskType as RiskType })),
  };
}
