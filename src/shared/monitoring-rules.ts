import { z } from "zod";
import { MONITORING_LINE_2020 } from "./basic-guarantees.js";

// The catalogue of monitoring rules (防返贫监测预警规则). Each rule has thresholds with ranges an
// administrator may set per county and year; a rule whose source data belongs to a module not yet
// built is in the catalogue (so it can be configured ahead) but is marked not evaluable, and the
// sweep reports it as skipped instead of silently finding nothing.

/** Every rule, in the order they are shown. */
export const MONITORING_RULE_CODES = [
  "income_below_line",
  "income_drop",
  "rigid_spending",
  "new_illness_or_disability",
  "guarantee_at_risk",
  "no_work",
  "department_list",
  "epidemic_isolation",
  "unsold_produce",
  "overdue_microloan",
] as const;
export type MonitoringRuleCode = (typeof MONITORING_RULE_CODES)[number];

/** Modules whose data some rules need; absent until built. */
export type PendingModule = "visits" | "consumption" | "microloans";

export interface MonitoringRuleDefinition {
  code: MonitoringRuleCode;
  zh: string;
  en: string;
  /** The thresholds' ranges; a saved configuration must parse. */
  thresholds: z.ZodType<Record<string, number | string>>;
  /** The thresholds a county gets until its administrator changes them. */
  defaults: (year: number) => Record<string, number | string>;
  /** Set when the rule's source data is not held by Bangfu yet: the rule is not evaluated. */
  pendingModule?: PendingModule;
}

/**
 * The default monitoring line (yuan of per-capita net income a year) by year. The national guidance
 * of 2020 set the monitoring range at about 1.5× the poverty line (about 6,000 yuan); the yearly
 * national notices that adjusted it (6,600 yuan for 2022, 7,000 for 2023) are quoted here from
 * memory: they could not be checked against the notices' text when this was written, later years
 * (2024 on) are not listed for that reason, and provinces set their own range at or above the
 * national one. So these are only starting values: each county's administrator edits the line per
 * year (rules are configured per county and year), and a year not listed takes the latest line here.
 */
const MONITORING_LINES: readonly [number, number][] = [
  [2020, MONITORING_LINE_2020],
  [2021, 6000],
  [2022, 6600],
  [2023, 7000],
];

/** The default monitoring line of a year: the latest published one not after it. */
export function defaultMonitoringLine(year: number): number {
  let line = MONITORING_LINE_2020;
  for (const [from, value] of MONITORING_LINES) if (year >= from) line = value;
  return line;
}

const yuan = (min: number, max: number) => z.number().min(min).max(max).multipleOf(0.01);
const whole = (min: number, max: number) => z.number().int().min(min).max(max);

export const MONITORING_RULES: Record<MonitoringRuleCode, MonitoringRuleDefinition> = {
  income_below_line: {
    code: "income_below_line",
    zh: "人均纯收入低于监测线",
    en: "Per-capita net income below the monitoring line",
    thresholds: z.strictObject({ line: yuan(1000, 50_000) }),
    defaults: (year) => ({ line: defaultMonitoringLine(year) }),
  },
  income_drop: {
    code: "income_drop",
    zh: "人均纯收入较上年大幅下降",
    en: "Per-capita net income fell sharply on last year",
    thresholds: z.strictObject({ percent: whole(5, 90) }),
    defaults: () => ({ percent: 30 }),
  },
  rigid_spending: {
    code: "rigid_spending",
    zh: "刚性支出明显超过上年收入",
    en: "Rigid spending clearly exceeds last year's income",
    thresholds: z.strictObject({ percent: whole(10, 500) }),
    defaults: () => ({ percent: 100 }),
  },
  new_illness_or_disability: {
    code: "new_illness_or_disability",
    zh: "成员新患大病或新增残疾",
    en: "A member newly seriously ill or disabled",
    thresholds: z.strictObject({ withinDays: whole(7, 730) }),
    defaults: () => ({ withinDays: 365 }),
  },
  guarantee_at_risk: {
    code: "guarantee_at_risk",
    zh: "“两不愁三保障”及饮水安全未保障",
    en: "A basic guarantee or safe water at risk",
    thresholds: z.strictObject({ level: z.enum(["red", "yellow"]) }),
    defaults: () => ({ level: "red" }),
  },
  no_work: {
    code: "no_work",
    zh: "劳动年龄人口长期无务工",
    en: "A working-age worker without work for months",
    thresholds: z.strictObject({ months: whole(1, 12) }),
    defaults: () => ({ months: 6 }),
  },
  department_list: {
    code: "department_list",
    zh: "行业部门筛查名单比对",
    en: "Named on a department's screening list",
    thresholds: z.strictObject({}),
    defaults: () => ({}),
  },
  epidemic_isolation: {
    code: "epidemic_isolation",
    zh: "疫情期间隔离或失业致收入减少",
    en: "Isolated or out of work during the epidemic, with income loss",
    thresholds: z.strictObject({ incomeLossPercent: whole(5, 90) }),
    defaults: () => ({ incomeLossPercent: 20 }),
  },
  unsold_produce: {
    code: "unsold_produce",
    zh: "农产品滞销金额较大",
    en: "Unsold produce above a value",
    thresholds: z.strictObject({ value: yuan(100, 1_000_000) }),
    defaults: () => ({ value: 3000 }),
    pendingModule: "consumption",
  },
  overdue_microloan: {
    code: "overdue_microloan",
    zh: "扶贫小额信贷逾期",
    en: "An overdue poverty-alleviation micro-loan",
    thresholds: z.strictObject({ overdueDays: whole(1, 365) }),
    defaults: () => ({ overdueDays: 30 }),
    pendingModule: "microloans",
  },
};

/** Rules the sweep evaluates from the registry's data (department lists raise alerts when uploaded). */
export const SWEPT_RULE_CODES: readonly MonitoringRuleCode[] = MONITORING_RULE_CODES.filter(
  (code) => code !== "department_list" && MONITORING_RULES[code].pendingModule === undefined,
);

/** Whether Bangfu holds the data to evaluate a rule. */
export function isEvaluable(code: MonitoringRuleCode): boolean {
  return MONITORING_RULES[code].pendingModule === undefined;
}

/** Ages (inclusive) counted as working age by the no-work rule. */
export const WORKING_AGES = { from: 16, to: 59 } as const;

/** Departments that send screening lists (行业部门), with their usual reasons. */
export const MONITORING_DEPARTMENTS = {
  medical_insurance: { zh: "医保", en: "Medical insurance" },
  civil_affairs: { zh: "民政", en: "Civil affairs" },
  disabled_persons: { zh: "残联", en: "Disabled persons' federation" },
  human_resources: { zh: "人社", en: "Human resources and social security" },
  agriculture: { zh: "农业农村", en: "Agriculture and rural affairs" },
  education: { zh: "教育", en: "Education" },
  housing: { zh: "住建", en: "Housing and construction" },
  emergency: { zh: "应急管理", en: "Emergency management" },
  other: { zh: "其他部门", en: "Other department" },
} as const;
export type MonitoringDepartment = keyof typeof MONITORING_DEPARTMENTS;
export const MONITORING_DEPARTMENT_CODES = Object.keys(MONITORING_DEPARTMENTS) as [
  MonitoringDepartment,
  ...MonitoringDepartment[],
];
