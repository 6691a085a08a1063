import type { MonitoringAlertView, MonitoringRuleView } from "../../../shared/api/monitoring.api.js";
import { codePrefix, countyCodeOf, isWithinScope, levelOfCode } from "../../../shared/division-code.js";
import {
  isEvaluable,
  MONITORING_RULE_CODES,
  MONITORING_RULES,
  type MonitoringRuleCode,
  SWEPT_RULE_CODES,
} from "../../../shared/monitoring-rules.js";
import type { Queryable } from "../../db/db.js";
import type { Actor, RequestOrigin } from "../../http/actor.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import { findHouseholdScope } from "../households/households.queries.js";
import {
  closeAlert,
  findAlertScope,
  findAlerts,
  findRigidSpending,
  findRules,
  findRulesInEffect,
  insertDefaultRules,
  insertRule,
  type RuleWrite,
  type StoredRule,
  updateRule,
  upsertRigidSpending,
} from "./monitoring.queries.js";
import { evaluateCounty, evaluateHouseholds, evaluationDay } from "./monitoring-evaluate.js";

const PENDING_REASON: Record<string, string> = {
  visits: "需要走访与疫情排查模块的数据（尚未建成），暂不评估",
  consumption: "需要消费扶贫（滞销农产品）模块的数据（尚未建成），暂不评估",
  microloans: "需要扶贫小额信贷模块的数据（尚未建成），暂不评估",
};

function assertCounty(countyCode: string, path: string): void {
  if (levelOfCode(countyCode) !== "county") {
    throw new AppError("VALIDATION_FAILED", [{ path, message: "须为县级行政区划代码" }]);
  }
}

/** A county's rule configuration is read by users of the county, its regions and above. */
export function authorizeCountyRead(ctx: ServiceContext, countyCode: string): void {
  authorize(ctx.actor, "monitoring.read");
  const isInside = countyCodeOf(ctx.actor.regionCode) === countyCode;
  if (!isInside && !isWithinScope(countyCode, ctx.actor.regionCode)) throw new AppError("OUT_OF_SCOPE");
}

/** The configuration a county has until its administrator saves one. */
export function defaultRules(countyCode: string, year: number): RuleWrite[] {
  return MONITORING_RULE_CODES.map((code) => defaultRule(countyCode, year, code));
}

function defaultRule(countyCode: string, year: number, code: MonitoringRuleCode): RuleWrite {
  return {
    countyCode,
    year,
    ruleCode: code,
    isEnabled: isEvaluable(code),
    thresholds: MONITORING_RULES[code].defaults(year),
    effectiveFrom: `${year}-01-01`,
    effectiveTo: null,
  };
}

function presentRule(
  code: MonitoringRuleCode,
  stored: StoredRule | RuleWrite,
  version: number,
): MonitoringRuleView {
  const definition = MONITORING_RULES[code];
  return {
    code,
    name: definition.zh,
    isEvaluable: isEvaluable(code),
    pendingModule: definition.pendingModule ?? null,
    isEnabled: stored.isEnabled,
    thresholds: stored.thresholds,
    effectiveFrom: stored.effectiveFrom,
    effectiveTo: stored.effectiveTo,
    version,
    updatedAt: "updatedAt" in stored ? stored.updatedAt.toISOString() : null,
  };
}

/** Every rule of the catalogue for a county and year: as saved, or the defaults. */
export async function listRules(ctx: ServiceContext, countyCode: string, year: number) {
  authorizeCountyRead(ctx, countyCode);
  assertCounty(countyCode, "query.countyCode");
  const stored = new Map((await findRules(ctx.db, countyCode, year)).map((rule) => [rule.ruleCode, rule]));
  return {
    countyCode,
    year,
    rules: MONITORING_RULE_CODES.map((code) => {
      const saved = stored.get(code);
      return saved
        ? presentRule(code, saved, saved.version)
        : presentRule(code, defaultRule(countyCode, year, code), 0);
    }),
  };
}

/** The thresholds parsed by the rule's own ranges; every problem named by its field. */
function checkedThresholds(code: MonitoringRuleCode, thresholds: Record<string, number | string>) {
  const parsed = MONITORING_RULES[code].thresholds.safeParse(thresholds);
  if (parsed.success) return parsed.data;
  throw new AppError(
    "VALIDATION_FAILED",
    parsed.error.issues.map((issue) => ({
      path: ["body", "thresholds", ...issue.path.map(String)].join("."),
      message: issue.code === "unrecognized_keys" ? `未知的阈值：${issue.keys.join("、")}` : issue.message,
    })),
  );
}

/** Saves one rule of a county and year; thresholds outside the rule's ranges save nothing. */
export async function saveRule(
  ctx: ServiceContext,
  code: MonitoringRuleCode,
  input: Omit<RuleWrite, "ruleCode"> & { version: number },
) {
  authorize(ctx.actor, "monitoring.configure", { regionCode: input.countyCode });
  assertCounty(input.countyCode, "body.countyCode");
  const thresholds = checkedThresholds(code, input.thresholds);
  if (input.effectiveTo !== null && input.effectiveTo < input.effectiveFrom) {
    throw new AppError("VALIDATION_FAILED", [
      { path: "body.effectiveTo", message: "失效日期不能早于生效日期" },
    ]);
  }
  const rule: RuleWrite = { ...input, ruleCode: code, thresholds };
  const saved = await ctx.db.transaction(async (tx) => {
    const before = (await findRules(tx, input.countyCode, input.year)).find((r) => r.ruleCode === code);
    const written =
      input.version === 0
        ? await insertRule(tx, rule, ctx.actor.id)
        : await updateRule(tx, rule, input.version, ctx.actor.id);
    if (!written) throw new AppError("STALE_VERSION");
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "monitoring.rule.save",
      entityType: "monitoring_rule",
      entityId: `${input.countyCode}/${input.year}/${code}`,
      regionCode: input.countyCode,
      before: before
        ? {
            isEnabled: before.isEnabled,
            thresholds: before.thresholds,
            effectiveFrom: before.effectiveFrom,
            effectiveTo: before.effectiveTo,
          }
        : null,
      after: {
        isEnabled: rule.isEnabled,
        thresholds,
        effectiveFrom: rule.effectiveFrom,
        effectiveTo: rule.effectiveTo,
      },
    });
    return written;
  });
  return presentRule(code, saved, saved.version);
}

/**
 * One sweep of a county inside the caller's transaction: the defaults of `year` where the county has
 * no rules of that year, every rule evaluated, the sweep audited (as `actor`, or as the system when
 * null: the demo's first sweep). Not authorised here: callers check.
 */
export async function sweepCounty(
  tx: Queryable,
  actor: Actor | null,
  origin: RequestOrigin,
  countyCode: string,
  year: number,
  today: Date,
) {
  await insertDefaultRules(tx, defaultRules(countyCode, year));
  const counts = await evaluateCounty(tx, countyCode, today);
  const inEffect = await findRulesInEffect(tx, countyCode, evaluationDay(today));
  await recordAudit(tx, actor, origin, {
    action: "monitoring.sweep",
    entityType: "county",
    entityId: countyCode,
    regionCode: countyCode,
    after: { year, ...counts },
  });
  return { counts, inEffect };
}

/**
 * Evaluates every rule over all households of a county in one statement. A county with no
 * configuration for `year` gets the defaults first. Rules switched on whose data Bangfu does not
 * hold yet are reported as skipped.
 */
export async function runSweep(ctx: ServiceContext, countyCode: string, year?: number, today = new Date()) {
  authorize(ctx.actor, "monitoring.sweep", { regionCode: countyCode });
  assertCounty(countyCode, "body.countyCode");
  const sweepYear = year ?? today.getUTCFullYear() - 1;
  const started = performance.now();
  const { counts, inEffect } = await ctx.db.transaction((tx) =>
    sweepCounty(tx, ctx.actor, ctx.origin, countyCode, sweepYear, today),
  );
  const codes = new Set(inEffect.map((r) => r.ruleCode as MonitoringRuleCode));
  return {
    countyCode,
    year: sweepYear,
    firing: counts.firing,
    raised: counts.raised,
    cleared: counts.cleared,
    durationMs: Math.round(performance.now() - started),
    evaluatedRules: SWEPT_RULE_CODES.filter((code) => codes.has(code)),
    skippedRules: MONITORING_RULE_CODES.filter((code) => codes.has(code) && !isEvaluable(code)).map(
      (code) => ({
        code,
        reason: PENDING_REASON[MONITORING_RULES[code].pendingModule!]!,
      }),
    ),
  };
}

/** Alerts on households in the actor's scope (a caseworker's: their assigned households). */
export async function listAlerts(
  ctx: ServiceContext,
  query: {
    status?: string | undefined;
    ruleCode?: string | undefined;
    regionCode?: string | undefined;
    householdId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  authorize(ctx.actor, "monitoring.read");
  if (query.regionCode) authorize(ctx.actor, "monitoring.read", { regionCode: query.regionCode });
  const result = await findAlerts(ctx.db, {
    scopePrefix: codePrefix(ctx.actor.regionCode),
    assignedTo: ctx.actor.role === "caseworker" ? ctx.actor.id : undefined,
    regionPrefix: query.regionCode ? codePrefix(query.regionCode) : undefined,
    status: query.status,
    ruleCode: query.ruleCode,
    householdId: query.householdId,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const rows: MonitoringAlertView[] = result.rows.map((row) => ({
    ...row,
    ruleCode: row.ruleCode as MonitoringRuleCode,
    ruleName: MONITORING_RULES[row.ruleCode as MonitoringRuleCode].zh,
    status: row.status as MonitoringAlertView["status"],
    raisedBy: row.raisedBy as MonitoringAlertView["raisedBy"],
    raisedAt: row.raisedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  }));
  return { rows, total: result.total, page: query.page, pageSize: query.pageSize };
}

/** Closes an open alert after checking that the household is not at risk; audited. */
export async function dismissAlert(ctx: ServiceContext, id: string, reason: string) {
  authorize(ctx.actor, "monitoring.alert.dismiss");
  const alert = await findAlertScope(ctx.db, id);
  if (!alert) throw new AppError("NOT_FOUND");
  authorize(ctx.actor, "monitoring.alert.dismiss", alert);
  await ctx.db.transaction(async (tx) => {
    if (!(await closeAlert(tx, id, "dismissed", ctx.actor.id, reason))) {
      throw new AppError("MONITORING_ALERT_NOT_OPEN", [
        { path: "params.id", message: "该预警已不是待处理状态", code: "alert_not_open" },
      ]);
    }
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "monitoring.alert.dismiss",
      entityType: "monitoring_alert",
      entityId: id,
      regionCode: alert.regionCode,
      before: { status: "open" },
      after: { status: "dismissed", reason },
    });
  });
  return { ok: true as const };
}

/** A household's recorded rigid spending by year. */
export async function listRigidSpending(ctx: ServiceContext, householdId: string) {
  authorize(ctx.actor, "monitoring.read");
  const scope = await findHouseholdScope(ctx.db, householdId);
  if (!scope) throw new AppError("NOT_FOUND");
  authorize(ctx.actor, "monitoring.read", scope);
  const rows = await findRigidSpending(ctx.db, householdId);
  return { rows: rows.map((row) => ({ ...row, year: Number(row.year) })) };
}

/** Records a household's rigid spending of a year, then re-evaluates the household. */
export async function saveRigidSpending(
  ctx: ServiceContext,
  householdId: string,
  year: number,
  spending: { medical: number; disasterLoss: number; other: number; version: number },
) {
  authorize(ctx.actor, "monitoring.spending.write");
  const scope = await findHouseholdScope(ctx.db, householdId);
  if (!scope) throw new AppError("NOT_FOUND");
  authorize(ctx.actor, "monitoring.spending.write", scope);
  const { version, ...amounts } = spending;
  return ctx.db.transaction(async (tx) => {
    const saved = await upsertRigidSpending(
      tx,
      { householdId, countyCode: scope.countyCode, year, ...amounts },
      version,
      ctx.actor.id,
    );
    if (!saved) throw new AppError("STALE_VERSION");
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "monitoring.spending.save",
      entityType: "household",
      entityId: householdId,
      regionCode: scope.regionCode,
      after: { year, ...amounts },
    });
    await evaluateHouseholds(tx, [householdId]);
    return { ...saved, year: Number(saved.year) };
  });
}
