import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";
import {
  CASE_ACTIONS,
  CASE_STAGES,
  DEADLINE_STAGES,
  type DeadlineStage,
  MEASURE_KIND_CODES,
  MEASURE_STATUS_CODES,
  MONITORING_TYPE_CODES,
  RISK_TYPE_CODES,
} from "../monitoring-workflow.js";
import { isoDateSchema, pageOf, pageQuery, regionCodeSchema, textSchema, uuidSchema } from "./common.js";
import { monitoringAlertView } from "./monitoring.api.js";

// Monitoring cases (防返贫监测对象): the identification workflow, measures, risk elimination, the
// deadlines a county sets, and the region-wide overview.

export const caseStageSchema = z.enum(CASE_STAGES);
export const caseActionSchema = z.enum(CASE_ACTIONS);
export const monitoringTypeSchema = z.enum(MONITORING_TYPE_CODES);
export const riskTypeSchema = z.enum(RISK_TYPE_CODES);

export const caseStepView = z.object({
  action: z.union([caseActionSchema, z.literal("open")]),
  fromStage: caseStageSchema.nullable(),
  toStage: caseStageSchema,
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  comment: z.string(),
  details: z.record(z.string(), z.unknown()),
  wasOverdue: z.boolean(),
  occurredAt: z.string(),
});

export const caseListRow = z.object({
  id: uuidSchema,
  householdId: uuidSchema,
  householdNumber: z.string(),
  headName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  origin: z.enum(["alert", "application"]),
  stage: caseStageSchema,
  stageDueOn: z.string().nullable(),
  isOverdue: z.boolean(),
  monitoringType: monitoringTypeSchema.nullable(),
  riskTypes: z.array(riskTypeSchema),
  openedAt: z.string(),
  watchUntil: z.string().nullable(),
  version: z.number().int(),
});
export type CaseListRow = z.infer<typeof caseListRow>;

export const measureView = z.object({
  id: uuidSchema,
  kind: z.enum(MEASURE_KIND_CODES),
  content: z.string(),
  responsible: z.string(),
  startsOn: z.string(),
  dueOn: z.string(),
  status: z.enum(MEASURE_STATUS_CODES),
  outcome: z.string(),
  /** Still open after its due day. */
  isOverdue: z.boolean(),
  version: z.number().int(),
});
export type MeasureView = z.infer<typeof measureView>;

export const caseDetail = caseListRow.extend({
  countyCode: z.string(),
  applicantName: z.string().nullable(),
  applicantStatement: z.string().nullable(),
  appliedOn: z.string().nullable(),
  stageEnteredAt: z.string(),
  rejectionReason: z.string().nullable(),
  identifiedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Still watched after risk elimination (until watchUntil). */
  isWatched: z.boolean(),
  perCapitaIncome: z.string().nullable(),
  alerts: z.array(
    monitoringAlertView.pick({
      id: true,
      ruleCode: true,
      ruleName: true,
      year: true,
      facts: true,
      raisedAt: true,
    }),
  ),
  steps: z.array(caseStepView),
  measures: z.array(measureView),
  /** What the signed-in user may do now (the page shows these buttons). */
  allowedActions: z.array(caseActionSchema),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const openMonitoringCase = defineEndpoint({
  method: "POST",
  path: "/api/monitoring/cases",
  summary:
    "Opens a monitoring case for a household: from its open alerts, or from the household's application entered by a cadre",
  tag: "monitoring",
  body: z.discriminatedUnion("origin", [
    z.strictObject({
      origin: z.literal("alert"),
      householdId: uuidSchema,
      alertIds: z.array(uuidSchema).min(1).max(20),
      comment: textSchema(1000).optional(),
    }),
    z.strictObject({
      origin: z.literal("application"),
      householdId: uuidSchema,
      applicantName: textSchema(50),
      statement: textSchema(2000),
      appliedOn: isoDateSchema,
    }),
  ]),
  response: caseDetail,
});

export const listMonitoringCases = defineEndpoint({
  method: "GET",
  path: "/api/monitoring/cases",
  summary: "Monitoring cases in the user's scope (a caseworker's: their households), filtered and paged",
  tag: "monitoring",
  query: z.strictObject({
    stage: caseStageSchema.optional(),
    monitoringType: monitoringTypeSchema.optional(),
    riskType: riskTypeSchema.optional(),
    regionCode: regionCodeSchema.optional(),
    householdId: uuidSchema.optional(),
    isOverdue: z.enum(["true", "false"]).optional(),
    /** Only cases at a stage the user's role acts on (the inbox). */
    awaitingMe: z.enum(["true", "false"]).optional(),
    ...pageQuery,
  }),
  response: pageOf(caseListRow),
});

export const getMonitoringCase = defineEndpoint({
  method: "GET",
  path: "/api/monitoring/cases/:id",
  summary: "A monitoring case with its household, alerts, every step and what the user may do next",
  tag: "monitoring",
  params: z.strictObject({ id: uuidSchema }),
  response: caseDetail,
});

const stepBase = { version: z.number().int().min(1), comment: textSchema(2000) };

export const takeCaseStep = defineEndpoint({
  method: "POST",
  path: "/api/monitoring/cases/:id/steps",
  summary:
    "Takes the case's next step (verify, approve, return, identify, reject, propose_elimination, eliminate, reopen); out-of-turn steps and users whose role or region does not fit are refused",
  tag: "monitoring",
  params: z.strictObject({ id: uuidSchema }),
  body: z.discriminatedUnion("action", [
    z.strictObject({ action: z.literal("verify"), visitedOn: isoDateSchema, ...stepBase }),
    z.strictObject({ action: z.literal("approve"), ...stepBase }),
    z.strictObject({ action: z.literal("return"), ...stepBase }),
    z.strictObject({
      action: z.literal("identify"),
      monitoringType: monitoringTypeSchema,
      riskTypes: z.array(riskTypeSchema).min(1).max(RISK_TYPE_CODES.length),
      ...stepBase,
    }),
    z.strictObject({ action: z.literal("reject"), ...stepBase }),
    z.strictObject({ action: z.literal("propose_elimination"), ...stepBase }),
    z.strictObject({ action: z.literal("eliminate"), ...stepBase }),
    z.strictObject({ action: z.literal("reopen"), ...stepBase }),
  ]),
  response: caseDetail,
});

export const caseSettingsView = z.object({
  countyCode: z.string(),
  deadlines: z.record(z.enum(DEADLINE_STAGES), z.number().int()),
  watchMonths: z.number().int(),
  /** 0 while the county uses the defaults. */
  version: z.number().int(),
});

export const getCaseSettings = defineEndpoint({
  method: "GET",
  path: "/api/monitoring/settings",
  summary: "A county's stage deadlines (days) and watch period after risk elimination (months)",
  tag: "monitoring",
  query: z.strictObject({ countyCode: regionCodeSchema }),
  response: caseSettingsView,
});

export const saveCaseSettings = defineEndpoint({
  method: "PUT",
  path: "/api/monitoring/settings",
  summary:
    "Saves a county's stage deadlines (1–60 days each) and watch period (1–60 months); version-checked",
  tag: "monitoring",
  body: z.strictObject({
    countyCode: regionCodeSchema,
    deadlines: z.strictObject(
      Object.fromEntries(DEADLINE_STAGES.map((stage) => [stage, z.number().int().min(1).max(60)])) as Record<
        DeadlineStage,
        z.ZodNumber
      >,
    ),
    watchMonths: z.number().int().min(1).max(60),
    version: z.number().int().min(0),
  }),
  response: caseSettingsView,
});

const measureFields = {
  kind: z.enum(MEASURE_KIND_CODES),
  content: textSchema(1000),
  responsible: textSchema(100),
  startsOn: isoDateSchema,
  dueOn: isoDateSchema,
  status: z.enum(MEASURE_STATUS_CODES),
  outcome: z.string().trim().max(1000).default(""),
};

export const addCaseMeasure = defineEndpoint({
  method: "POST",
  path: "/api/monitoring/cases/:id/measures",
  summary: "Adds an assistance measure to a monitored case",
  tag: "monitoring",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject(measureFields),
  response: caseDetail,
});

export const updateCaseMeasure = defineEndpoint({
  method: "PUT",
  path: "/api/monitoring/cases/:id/measures/:measureId",
  summary: "Updates an assistance measure (status, outcome...) of a monitored case; version-checked",
  tag: "monitoring",
  params: z.strictObject({ id: uuidSchema, measureId: uuidSchema }),
  body: z.strictObject({ ...measureFields, version: z.number().int().min(1) }),
  response: caseDetail,
});

const countRow = z.object({ count: z.number().int(), overdue: z.number().int() });

export const monitoringOverview = defineEndpoint({
  method: "GET",
  path: "/api/monitoring/overview",
  summary:
    "Cases in a region by stage, monitoring type, risk type and sub-region, with overdue counts, open alerts, and a 12-month trend",
  tag: "monitoring",
  query: z.strictObject({ regionCode: regionCodeSchema.optional() }),
  response: z.object({
    regionCode: z.string(),
    openAlerts: z.number().int(),
    byStage: z.array(countRow.extend({ stage: caseStageSchema })),
    byType: z.array(countRow.extend({ monitoringType: monitoringTypeSchema })),
    byRisk: z.array(countRow.extend({ riskType: riskTypeSchema })),
    byRegion: z.array(
      z.object({
        regionCode: z.string(),
        regionName: z.string(),
        active: z.number().int(),
        monitored: z.number().int(),
        closed: z.number().int(),
        overdue: z.number().int(),
        openAlerts: z.number().int(),
      }),
    ),
    /** Month by month (YYYY-MM, the last 12): cases opened, identified and with risk eliminated. */
    trend: z.array(
      z.object({
        month: z.string(),
        opened: z.number().int(),
        identified: z.number().int(),
        eliminated: z.number().int(),
      }),
    ),
  }),
});
