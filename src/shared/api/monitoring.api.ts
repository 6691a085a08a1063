import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";
import { MONITORING_DEPARTMENT_CODES, MONITORING_RULE_CODES } from "../monitoring-rules.js";
import {
  isoDateSchema,
  okResponse,
  pageOf,
  pageQuery,
  regionCodeSchema,
  textSchema,
  uuidSchema,
} from "./common.js";
import { CSV_MEDIA_TYPE, XLSX_MEDIA_TYPE } from "./roster.api.js";

// Dynamic monitoring (防返贫动态监测): rule configuration, evaluation and alerts.

export const ruleCodeSchema = z.enum(MONITORING_RULE_CODES);
const yearSchema = z.coerce.number().int().min(2015).max(2100);
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
    effectiveFrom: isoDateSchema,
    effectiveTo: isoDateSchema.nullable(),
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
