import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { recordAudit } from "../audit/audit.service.js";
import { findCase } from "./monitoring-cases.queries.js";
import { presentCase, scopedCase } from "./monitoring-cases.service.js";
import { evaluationDay } from "./monitoring-evaluate.js";
import {
  findMeasures,
  insertMeasure,
  type MeasureWrite,
  updateMeasure,
} from "./monitoring-measures.queries.js";

// Assistance measures of a monitored case: added and changed only while the case is monitored
// (frozen while its risk elimination is reviewed); version-checked; every change audited.

function checkMeasureDates(measure: MeasureWrite) {
  if (measure.dueOn < measure.startsOn) {
    throw new AppError("VALIDATION_FAILED", [{ path: "body.dueOn", message: "完成期限不能早于开始日期" }]);
  }
}

/** A case whose measures the actor may change: only while the household is monitored. */
async function monitoredCase(ctx: ServiceContext, id: string) {
  const row = await scopedCase(ctx, id, "monitoring.measure.write");
  if (row.stage !== "monitored") {
    throw new AppError("MONITORING_CASE_NOT_MONITORED", [
      {
        path: "params.id",
        message: "只有“监测帮扶中”的案件可以登记或修改帮扶措施",
        code: "case_not_monitored",
      },
    ]);
  }
  return row;
}

/** Adds an assistance measure to a monitored case. */
export async function addMeasure(ctx: ServiceContext, id: string, measure: MeasureWrite, today = new Date()) {
  const row = await monitoredCase(ctx, id);
  checkMeasureDates(measure);
  await ctx.db.transaction(async (tx) => {
    const measureId = await insertMeasure(tx, id, row.countyCode, measure, ctx.actor.id);
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "monitoring.measure.add",
      entityType: "monitoring_measure",
      entityId: measureId,
      regionCode: row.regionCode,
      after: { caseId: id, ...measure },
    });
  });
  return presentCase(ctx, (await findCase(ctx.db, id))!, evaluationDay(today));
}

/** Updates an assistance measure of a monitored case (version-checked). */
export async function changeMeasure(
  ctx: ServiceContext,
  id: string,
  measureId: string,
  measure: MeasureWrite & { version: number },
  today = new Date(),
) {
  const row = await monitoredCase(ctx, id);
  const { version, ...fields } = measure;
  checkMeasureDates(fields);
  await ctx.db.transaction(async (tx) => {
    const before = await updateMeasure(tx, id, measureId, fields, version);
    if (!before) {
      const exists = (await findMeasures(tx, id)).some((m) => m.id === measureId);
      throw new AppError(exists ? "STALE_VERSION" : "NOT_FOUND");
    }
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "monitoring.measure.update",
      entityType: "monitoring_measure",
      entityId: measureId,
      regionCode: row.regionCode,
      before: { status: before.status, outcome: before.outcome, dueOn: before.dueOn },
      after: { status: fields.status, outcome: fields.outcome, dueOn: fields.dueOn },
    });
  });
  return presentCase(ctx, (await findCase(ctx.db, id))!, evaluationDay(today));
}
