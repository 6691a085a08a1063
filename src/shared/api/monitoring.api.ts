import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";
import { MONITORING_DEPARTMENT_CODES, MONITORING_RULE_CODES } from "../monitoring-rules.js";
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
import { okResponse, pageOf, pageQuery, regionCodeSchema, textSchema, uuidSchema } from "./common.js";
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from "./roster.api.js";

// Dynamic monitoring (防返贫动态监测): rule configuration, evaluation and alerts.

export const ruleCodeSchema = z.enum(MONITORING_RULE_CODES);
const yearSchema = z.coerce.number().int().min(2015).max(2100);
const isoDate = z.iso.date();
/** Threshold values as sent; each rule's ranges are checked by the server (errors name the field). */
const thresholdsSchema = z.record(z.string(), z.union([z.number(), z.string()]));

export const monitoringRuleView = z.object({
  code: ruleCodeSchema,
  name: z.string(),
  /** False when the rule's source data belongs to a module not built yet: it is never evaluated. */
  isEvaluable: z.boolean(),
  pendingModule: z.enum(["visits", "consumption", "microloans"]).nullable(),
  isEnabled: z.boolean(),
  thresholds: thresholdsSchema,
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  /** 0 while the county uses the defaults (nothing saved yet). */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type MonitoringRuleView = z.infer<typeof monitoringRuleView>;

export const listMonitoringRules = defineEndpoint({
  method: "GET",
  path: "/api/monitoring/rules",
  summary: "A county's monitoring rules for a year: saved configuration, or the defaults",
  tag: "monitoring",
  query: z.strictObject({ countyCode: regionCodeSchema, year: yearSchema }),
  response: z.object({ countyCode: z.string(), year: z.number().int(), rules: z.array(monitoringRuleView) }),
});

export const saveMonitoringRule = defineEndpoint({
  method: "PUT",
  path: "/api/monitoring/rules/:ruleCode",
  summary: "Saves one rule of a county and year (thresholds within the rule's ranges); version-checked",
  tag: "monitoring",
  params: z.strictObject({ ruleCode: ruleCodeSchema }),
  body: z.strictObject({
    countyCode: regionCodeSchema,
    year: z.number().int().min(2015).max(2100),
    isEnabled: z.boolean(),
    thresholds: thresholdsSchema,
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    /** The version read (0 when the rule still had its defaults). */
    version: z.number().int().min(0),
  }),
  response: monitoringRuleView,
});

export const sweepResult = z.object({
  countyCode: z.string(),
  year: z.number().int(),
  /** Alerts firing now (one per household and rule). */
  firing: z.number().int(),
  raised: z.number().int(),
  cleared: z.number().int(),
  durationMs: z.number(),
  evaluatedRules: z.array(ruleCodeSchema),
  /** Rules switched on but not evaluated, and why. */
  skippedRules: z.array(z.object({ code: ruleCodeSchema, reason: z.string() })),
});

export const runMonitoringSweep = defineEndpoint({
  method: "POST",
  path: "/api/monitoring/sweeps",
  summary: "Evaluates every rule over all households of a county (set-based); raises and clears alerts",
  tag: "monitoring",
  body: z.strictObject({
    countyCode: regionCodeSchema,
    /** The monitoring year whose defaults are set up when the county has none (default: last year). */
    year: z.number().int().min(2015).max(2100).optional(),
  }),
  response: sweepResult,
});

export const ALERT_STATUSES = ["open", "dismissed", "cleared", "in_case"] as const;

export const monitoringAlertView = z.object({
  id: uuidSchema,
  householdId: uuidSchema,
  householdNumber: z.string(),
  headName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  ruleCode: ruleCodeSchema,
  ruleName: z.string(),
  year: z.number().int(),
  /** The values that fired the rule (member names, amounts, thresholds), never ID numbers. */
  facts: z.record(z.string(), z.unknown()),
  status: z.enum(ALERT_STATUSES),
  raisedBy: z.enum(["sweep", "household", "list"]),
  raisedAt: z.string(),
  closedAt: z.string().nullable(),
  closeReason: z.string().nullable(),
});
export type MonitoringAlertView = z.infer<typeof monitoringAlertView>;

export const listMonitoringAlerts = defineEndpoint({
  method: "GET",
  path: "/api/monitoring/alerts",
  summary: "Alerts in the user's scope (a caseworker's: their households), newest first",
  tag: "monitoring",
  query: z.strictObject({
    status: z.enum(ALERT_STATUSES).optional(),
    ruleCode: ruleCodeSchema.optional(),
    regionCode: regionCodeSchema.optional(),
    householdId: uuidSchema.optional(),
    ...pageQuery,
  }),
  response: pageOf(monitoringAlertView),
});

export const dismissMonitoringAlert = defineEndpoint({
  method: "POST",
  path: "/api/monitoring/alerts/:id/dismiss",
  summary: "Closes an open alert after checking: no risk (the reason is kept and audited)",
  tag: "monitoring",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject({ reason: textSchema(500) }),
  response: okResponse,
});

const money = z.number().min(0).max(100_000_000).multipleOf(0.01);

export const rigidSpendingView = z.object({
  year: z.number().int(),
  medical: z.string(),
  disasterLoss: z.string(),
  other: z.string(),
  version: z.number().int(),
});

export const listRigidSpending = defineEndpoint({
  method: "GET",
  path: "/api/monitoring/households/:id/spending",
  summary: "A household's recorded rigid spending, by year (newest first)",
  tag: "monitoring",
  params: z.strictObject({ id: uuidSchema }),
  response: z.object({ rows: z.array(rigidSpendingView) }),
});

export const saveRigidSpending = defineEndpoint({
  method: "PUT",
  path: "/api/monitoring/households/:id/spending/:year",
  summary: "Records a household's rigid spending of a year (medical, disaster loss, other); re-evaluates it",
  tag: "monitoring",
  params: z.strictObject({ id: uuidSchema, year: yearSchema }),
  body: z.strictObject({
    medical: money,
    disasterLoss: money,
    other: money,
    /** The version read (0 when nothing was recorded for the year). */
    version: z.number().int().min(0),
  }),
  response: rigidSpendingView,
});

export const departmentSchema = z.enum(MONITORING_DEPARTMENT_CODES);
export const LIST_UPLOAD_TYPES = [XLSX_MEDIA_TYPE, CSV_MEDIA_TYPE, "application/octet-stream"] as const;

export const departmentListView = z.object({
  id: uuidSchema,
  countyCode: z.string(),
  department: departmentSchema,
  fileName: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
  rowCount: z.number().int(),
  matchedCount: z.number().int(),
  unmatchedCount: z.number().int(),
  alertCount: z.number().int(),
});

export const departmentListDetail = departmentListView.extend({
  /** Whether the county's department_list rule was switched off (matches recorded, no alerts). */
  isRuleSwitchedOff: z.boolean(),
  /** Rows matched to nobody: ID numbers masked, with why. */
  unmatched: z.array(
    z.object({
      row: z.number().int(),
      idNumber: z.string(),
      name: z.string(),
      reason: z.string(),
      why: z.string(),
    }),
  ),
});

export const uploadDepartmentList = defineEndpoint({
  method: "POST",
  path: "/api/monitoring/lists",
  summary:
    "Uploads a department's screening list (.xlsx or .csv: 证件号码, 原因, optional 姓名) as the raw body; matches it to members and raises alerts. Any bad row refuses the whole list",
  tag: "monitoring",
  query: z.strictObject({
    fileName: z.string().trim().min(1).max(200),
    department: departmentSchema,
    /** The county the list is for; defaults to the user's own county. */
    countyCode: regionCodeSchema.optional(),
  }),
  upload: LIST_UPLOAD_TYPES,
  response: departmentListDetail,
});

export const listDepartmentLists = defineEndpoint({
  method: "GET",
  path: "/api/monitoring/lists",
  summary: "Department lists uploaded in the user's scope, newest first",
  tag: "monitoring",
  query: z.strictObject({ ...pageQuery }),
  response: pageOf(departmentListView),
});

export const getDepartmentList = defineEndpoint({
  method: "GET",
  path: "/api/monitoring/lists/:id",
  summary: "One department list with its unmatched rows (ID numbers masked)",
  tag: "monitoring",
  params: z.strictObject({ id: uuidSchema }),
  response: departmentListDetail,
});

// Monitoring cases: identification workflow, then (below) measures and risk elimination.

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
      appliedOn: isoDate,
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
    z.strictObject({ action: z.literal("verify"), visitedOn: isoDate, ...stepBase }),
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
  startsOn: isoDate,
  dueOn: isoDate,
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
