import type { CaseDetail, CaseListRow, takeCaseStep } from "../../../shared/api/monitoring-cases.api.js";
import { codePrefix } from "../../../shared/division-code.js";
import type { BodyOf } from "../../../shared/endpoint.js";
import {
  defaultMonitoringLine,
  MONITORING_RULES,
  type MonitoringRuleCode,
} from "../../../shared/monitoring-rules.js";
import {
  CASE_ACTIONS,
  type CaseAction,
  type CaseStage,
  checkTransition,
  DEADLINE_STAGES,
  type DeadlineStage,
  isOpenMeasure,
  type MeasureKind,
  type MeasureStatus,
  type MonitoringType,
  type RiskType,
  TRANSITIONS,
} from "../../../shared/monitoring-workflow.js";
import type { Role } from "../../../shared/roles.js";
import type { Queryable } from "../../db/db.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize, can } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import { findHouseholdScope } from "../households/households.queries.js";
import { settingsOf } from "./monitoring-case-settings.service.js";
import {
  type CaseChange,
  type CaseRow,
  findCase,
  findCaseAlerts,
  findCaseSteps,
  findCases,
  insertCase,
  insertCaseStep,
  takeAlertsIntoCase,
  updateCaseStage,
} from "./monitoring-cases.queries.js";
import { evaluationDay } from "./monitoring-evaluate.js";
import { findEliminationFacts, findMeasures } from "./monitoring-measures.queries.js";

// Monitoring cases: opening (from alerts or an application), the identification and elimination
// workflow (shared/monitoring-workflow.ts decides which step is allowed from which stage by which
// role; the household's region decides whose scope it is), deadlines and overdue flags. Measures,
// settings and the overview have their own .service.ts files.

type StepBody = BodyOf<typeof takeCaseStep>;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

function dueOn(stage: CaseStage, deadlines: Record<DeadlineStage, number>, today: string): string | null {
  return (DEADLINE_STAGES as readonly string[]).includes(stage)
    ? addDays(today, deadlines[stage as DeadlineStage])
    : null;
}

const scopeOf = (row: CaseRow) => ({ regionCode: row.regionCode, caseworkerIds: row.caseworkerIds });

function presentRow(row: Omit<CaseRow, "caseworkerIds">, today: string): CaseListRow {
  return {
    id: row.id,
    householdId: row.householdId,
    householdNumber: row.householdNumber,
    headName: row.headName,
    regionCode: row.regionCode,
    regionName: row.regionName,
    origin: row.origin,
    stage: row.stage as CaseStage,
    stageDueOn: row.stageDueOn,
    isOverdue: row.stageDueOn !== null && row.stageDueOn < today,
    monitoringType: row.monitoringType as MonitoringType | null,
    riskTypes: row.riskTypes as RiskType[],
    openedAt: row.openedAt.toISOString(),
    watchUntil: row.watchUntil,
    version: row.version,
  };
}

/** The actions the actor could take on the case now. */
function allowedActions(actor: Actor, row: CaseRow): CaseAction[] {
  if (!can(actor, "monitoring.case.step", scopeOf(row))) return [];
  return CASE_ACTIONS.filter((action) => checkTransition(row.stage as CaseStage, action, actor.role).ok);
}

export async function presentCase(ctx: ServiceContext, row: CaseRow, today: string): Promise<CaseDetail> {
  const [alerts, steps, measures] = await Promise.all([
    findCaseAlerts(ctx.db, row.id),
    findCaseSteps(ctx.db, row.id),
    findMeasures(ctx.db, row.id),
  ]);
  return {
    ...presentRow(row, today),
    countyCode: row.countyCode,
    applicantName: row.applicantName,
    applicantStatement: row.applicantStatement,
    appliedOn: row.appliedOn,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
    rejectionReason: row.rejectionReason,
    identifiedAt: row.identifiedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    isWatched: row.stage === "closed" && row.watchUntil !== null && row.watchUntil >= today,
    perCapitaIncome: row.perCapitaIncome,
    alerts: alerts.map((a) => ({
      id: a.id,
      ruleCode: a.ruleCode as MonitoringRuleCode,
      ruleName: MONITORING_RULES[a.ruleCode as MonitoringRuleCode].zh,
      year: a.year,
      facts: a.facts,
      raisedAt: a.raisedAt.toISOString(),
    })),
    steps: steps.map((s) => ({
      ...s,
      action: s.action as CaseAction | "open",
      fromStage: s.fromStage as CaseStage | null,
      toStage: s.toStage as CaseStage,
      occurredAt: s.occurredAt.toISOString(),
    })),
    measures: measures.map((m) => ({
      ...m,
      kind: m.kind as MeasureKind,
      status: m.status as MeasureStatus,
      isOverdue: isOpenMeasure(m.status as MeasureStatus) && m.dueOn < today,
    })),
    allowedActions: allowedActions(ctx.actor, row),
  };
}

/** A case the actor may see (404 when it does not exist). */
export async function scopedCase(
  ctx: ServiceContext,
  id: string,
  action: "monitoring.read" | "monitoring.case.step" | "monitoring.measure.write",
) {
  authorize(ctx.actor, action);
  const row = await findCase(ctx.db, id);
  if (!row) throw new AppError("NOT_FOUND");
  authorize(ctx.actor, action, scopeOf(row));
  return row;
}

/** One case with its household, alerts, steps, measures and what the actor may do next. */
export async function getCase(ctx: ServiceContext, id: string, today = new Date()) {
  const row = await scopedCase(ctx, id, "monitoring.read");
  return presentCase(ctx, row, evaluationDay(today));
}

/** Stages at which a role takes some step (its inbox). */
function stagesActedOnBy(role: Role): CaseStage[] {
  return (Object.entries(TRANSITIONS) as [CaseStage, Record<string, { roles: readonly Role[] }>][])
    .filter(([, actions]) => Object.values(actions).some((t) => t.roles.includes(role)))
    .map(([stage]) => stage);
}

/** Cases in the actor's scope, filtered, one page. */
export async function listCases(
  ctx: ServiceContext,
  query: {
    stage?: string | undefined;
    monitoringType?: string | undefined;
    riskType?: string | undefined;
    regionCode?: string | undefined;
    householdId?: string | undefined;
    isOverdue?: "true" | "false" | undefined;
    awaitingMe?: "true" | "false" | undefined;
    page: number;
    pageSize: number;
  },
  today = new Date(),
) {
  authorize(ctx.actor, "monitoring.read");
  if (query.regionCode) authorize(ctx.actor, "monitoring.read", { regionCode: query.regionCode });
  const day = evaluationDay(today);
  const result = await findCases(ctx.db, {
    scopePrefix: codePrefix(ctx.actor.regionCode),
    assignedTo: ctx.actor.role === "caseworker" ? ctx.actor.id : undefined,
    regionPrefix: query.regionCode ? codePrefix(query.regionCode) : undefined,
    stage: query.stage,
    monitoringType: query.monitoringType,
    riskType: query.riskType,
    householdId: query.householdId,
    isOverdue: query.isOverdue === undefined ? undefined : query.isOverdue === "true",
    stages: query.awaitingMe === "true" ? stagesActedOnBy(ctx.actor.role) : undefined,
    today: day,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    rows: result.rows.map((row) => presentRow(row, day)),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

type OpenCaseBody =
  | { origin: "alert"; householdId: string; alertIds: string[]; comment?: string | undefined }
  | {
      origin: "application";
      householdId: string;
      applicantName: string;
      statement: string;
      appliedOn: string;
    };

/**
 * Opens a case for a household: from its open alerts (taken into the case), or from the
 * household's application entered by a cadre. A household has one case in progress at most.
 */
export async function openCase(ctx: ServiceContext, body: OpenCaseBody, today = new Date()) {
  authorize(ctx.actor, "monitoring.case.open");
  const household = await findHouseholdScope(ctx.db, body.householdId);
  if (!household) throw new AppError("NOT_FOUND");
  authorize(ctx.actor, "monitoring.case.open", household);
  const day = evaluationDay(today);
  if (body.origin === "application" && body.appliedOn > day) {
    throw new AppError("VALIDATION_FAILED", [{ path: "body.appliedOn", message: "申报日期不能晚于今天" }]);
  }
  const settings = await settingsOf(ctx.db, household.countyCode);
  const id = await ctx.db.transaction(async (tx) => {
    const caseId = await insertCase(tx, {
      countyCode: household.countyCode,
      householdId: household.id,
      origin: body.origin,
      applicantName: body.origin === "application" ? body.applicantName : null,
      applicantStatement: body.origin === "application" ? body.statement : null,
      appliedOn: body.origin === "application" ? body.appliedOn : null,
      stage: "verification",
      stageDueOn: dueOn("verification", settings.deadlines, day),
      openedBy: ctx.actor.id,
    });
    if (!caseId) {
      throw new AppError("MONITORING_CASE_IN_PROGRESS", [
        { path: "body.householdId", message: "该户已有进行中的监测案件", code: "case_in_progress" },
      ]);
    }
    if (body.origin === "alert") {
      const alertIds = [...new Set(body.alertIds)];
      const taken = await takeAlertsIntoCase(tx, caseId, household.id, alertIds, ctx.actor.id);
      if (taken !== alertIds.length) {
        throw new AppError("MONITORING_ALERT_NOT_OPEN", [
          { path: "body.alertIds", message: "所选预警须是本户待处理的预警", code: "alert_not_open" },
        ]);
      }
    }
    await insertCaseStep(tx, {
      caseId,
      countyCode: household.countyCode,
      action: "open",
      fromStage: null,
      toStage: "verification",
      actor: ctx.actor,
      comment: body.origin === "alert" ? (body.comment ?? "") : body.statement,
      details: body.origin === "alert" ? { alertIds: body.alertIds } : { applicantName: body.applicantName },
      wasOverdue: false,
    });
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "monitoring.case.open",
      entityType: "monitoring_case",
      entityId: caseId,
      regionCode: household.regionCode,
      after: { householdId: household.id, origin: body.origin },
    });
    return caseId;
  });
  return presentCase(ctx, (await findCase(ctx.db, id))!, day);
}

/** Refuses risk elimination unless income is above the line, no guarantee is red and every measure is done. */
async function eliminationEvidence(q: Queryable, caseId: string) {
  const facts = await findEliminationFacts(q, caseId);
  const line =
    facts.configuredLine !== null
      ? Number(facts.configuredLine)
      : defaultMonitoringLine(facts.incomeYear ?? 2020);
  const income = facts.perCapitaIncome === null ? null : Number(facts.perCapitaIncome);
  const redGuarantees = Object.entries(facts.guaranteeLights)
    .filter(([, light]) => light === "red")
    .map(([guarantee]) => guarantee);
  const problems: string[] = [];
  if (income === null || income < line) {
    problems.push(
      `最近年度（${facts.incomeYear ?? "无"}）人均纯收入 ${income ?? "无"} 元未达到监测线 ${line} 元`,
    );
  }
  if (redGuarantees.length > 0)
    problems.push(`“两不愁三保障”及饮水安全未全部保障：${redGuarantees.join("、")}`);
  if (facts.openMeasures > 0) problems.push(`还有 ${facts.openMeasures} 项帮扶措施未完成`);
  if (facts.doneMeasures === 0) problems.push("没有已完成的帮扶措施");
  return {
    problems,
    evidence: {
      incomeYear: facts.incomeYear,
      perCapitaIncome: income,
      line,
      isIncomeAboveLine: income !== null && income >= line,
      redGuarantees,
      openMeasures: facts.openMeasures,
      doneMeasures: facts.doneMeasures,
    },
  };
}

/**
 * Takes the case's next step. Out of turn (not allowed from the current stage), by a role the step
 * does not belong to, or outside the actor's region: refused, with nothing written.
 */
export async function takeStep(ctx: ServiceContext, id: string, body: StepBody, today = new Date()) {
  const row = await scopedCase(ctx, id, "monitoring.case.step");
  const stage = row.stage as CaseStage;
  const check = checkTransition(stage, body.action, ctx.actor.role);
  if (!check.ok) {
    const detail = [{ path: "body.action", message: check.message, code: check.problem }];
    throw new AppError(
      check.problem === "wrong_role" ? "MONITORING_STEP_WRONG_ROLE" : "MONITORING_STEP_OUT_OF_TURN",
      detail,
    );
  }
  if (body.version !== row.version) throw new AppError("STALE_VERSION");
  const day = evaluationDay(today);
  const settings = await settingsOf(ctx.db, row.countyCode);
  const change: CaseChange = { stage: check.to, stageDueOn: dueOn(check.to, settings.deadlines, day) };
  let details: Record<string, unknown> = {};
  if (body.action === "verify") details = { visitedOn: body.visitedOn };
  if (body.action === "identify") {
    change.monitoringType = body.monitoringType;
    change.riskTypes = [...new Set(body.riskTypes)];
    change.isIdentified = true;
    details = { monitoringType: body.monitoringType, riskTypes: change.riskTypes };
  }
  if (body.action === "reject") change.rejectionReason = body.comment;
  if (body.action === "propose_elimination" || body.action === "eliminate") {
    const { problems, evidence } = await eliminationEvidence(ctx.db, id);
    if (problems.length > 0) {
      // The close rule has its own code: no elimination while a measure is open.
      throw new AppError(
        evidence.openMeasures > 0 ? "MONITORING_CASE_HAS_OPEN_MEASURES" : "MONITORING_ELIMINATION_NOT_READY",
        problems.map((message) => ({ path: "body.action", message, code: "elimination_not_ready" })),
      );
    }
    details = { evidence };
  }
  if (body.action === "eliminate") {
    change.isClosed = true;
    change.watchUntil = addMonths(day, settings.watchMonths);
    details = { ...details, watchUntil: change.watchUntil };
  }
  await ctx.db.transaction(async (tx) => {
    if (!(await updateCaseStage(tx, id, row.version, change))) throw new AppError("STALE_VERSION");
    await insertCaseStep(tx, {
      caseId: id,
      countyCode: row.countyCode,
      action: body.action,
      fromStage: stage,
      toStage: check.to,
      actor: ctx.actor,
      comment: body.comment,
      details,
      wasOverdue: row.stageDueOn !== null && row.stageDueOn < day,
    });
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: `monitoring.case.${body.action}`,
      entityType: "monitoring_case",
      entityId: id,
      regionCode: row.regionCode,
      before: { stage, version: row.version },
      after: { stage: check.to, comment: body.comment, ...details },
    });
  });
  return presentCase(ctx, (await findCase(ctx.db, id))!, day);
}
