import type { Role } from "./roles.js";

// The monitoring case's workflow: from an alert or an application, a verification visit, village
// review, township review and the county's decision (identified as 监测对象, or rejected); then,
// while monitored, assistance measures; then risk elimination, reviewed the same way, closing the
// case (the household stays watched); a closed case can be reopened. Each step is done by one role
// whose region holds the household; every other step from a stage is refused.

export const CASE_STAGES = [
  "verification",
  "village_review",
  "township_review",
  "county_decision",
  "monitored",
  "elimination_village_review",
  "elimination_township_review",
  "elimination_county_decision",
  "closed",
  "rejected",
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_ACTIONS = [
  "verify",
  "approve",
  "return",
  "identify",
  "reject",
  "propose_elimination",
  "eliminate",
  "reopen",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Stages with a deadline (the others wait on nobody in particular). */
export const DEADLINE_STAGES = [
  "verification",
  "village_review",
  "township_review",
  "county_decision",
  "elimination_village_review",
  "elimination_township_review",
  "elimination_county_decision",
] as const satisfies readonly CaseStage[];
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

/** Days each stage may take by default: identification decided within 15 days of the case opening. */
export const DEFAULT_DEADLINES: Record<DeadlineStage, number> = {
  verification: 3,
  village_review: 4,
  township_review: 4,
  county_decision: 4,
  elimination_village_review: 5,
  elimination_township_review: 5,
  elimination_county_decision: 5,
};

/** Months a household stays watched after its risk is eliminated, by default. */
export const DEFAULT_WATCH_MONTHS = 12;

export const CASE_STAGE_LABELS: Record<CaseStage, { zh: string; en: string }> = {
  verification: { zh: "入户核实", en: "Verification visit" },
  village_review: { zh: "村级评议", en: "Village review" },
  township_review: { zh: "乡镇审核", en: "Township review" },
  county_decision: { zh: "县级确认", en: "County decision" },
  monitored: { zh: "监测帮扶中", en: "Monitored, assisted" },
  elimination_village_review: { zh: "风险消除·村级评议", en: "Risk elimination: village review" },
  elimination_township_review: { zh: "风险消除·乡镇审核", en: "Risk elimination: township review" },
  elimination_county_decision: { zh: "风险消除·县级确认", en: "Risk elimination: county decision" },
  closed: { zh: "风险已消除", en: "Risk eliminated" },
  rejected: { zh: "未纳入监测", en: "Not identified" },
};

export const CASE_ACTION_LABELS: Record<CaseAction, { zh: string; en: string }> = {
  verify: { zh: "入户核实", en: "Verify" },
  approve: { zh: "同意", en: "Approve" },
  return: { zh: "退回", en: "Return" },
  identify: { zh: "认定为监测对象", en: "Identify as monitored" },
  reject: { zh: "不予纳入", en: "Reject" },
  propose_elimination: { zh: "申请风险消除", en: "Propose risk elimination" },
  eliminate: { zh: "确认风险消除", en: "Confirm risk eliminated" },
  reopen: { zh: "重新纳入监测", en: "Reopen" },
};

export const MONITORING_TYPES = {
  unstable_lifted: { zh: "脱贫不稳定户", en: "Lifted but unstable" },
  marginal: { zh: "边缘易致贫户", en: "Marginal, prone to poverty" },
  sudden_hardship: { zh: "突发严重困难户", en: "Sudden severe hardship" },
} as const;
export type MonitoringType = keyof typeof MONITORING_TYPES;
export const MONITORING_TYPE_CODES = Object.keys(MONITORING_TYPES) as [MonitoringType, ...MonitoringType[]];

export const RISK_TYPES = {
  illness: { zh: "因病", en: "Illness" },
  disability: { zh: "因残", en: "Disability" },
  schooling: { zh: "因学", en: "Schooling costs" },
  disaster: { zh: "因灾", en: "Disaster" },
  accident: { zh: "因意外事故", en: "Accident" },
  industry_failure: { zh: "因产业项目失败", en: "Failed farm or business" },
  unstable_employment: { zh: "因务工就业不稳", en: "Unstable employment" },
  lack_labour: { zh: "缺劳动力", en: "Lack of labour" },
  epidemic: { zh: "因疫情", en: "Epidemic" },
  housing: { zh: "住房出现安全问题", en: "Housing unsafe" },
  water: { zh: "饮水安全问题", en: "Drinking water unsafe" },
  other: { zh: "其他", en: "Other" },
} as const;
export type RiskType = keyof typeof RISK_TYPES;
export const RISK_TYPE_CODES = Object.keys(RISK_TYPES) as [RiskType, ...RiskType[]];

interface Transition {
  to: CaseStage;
  roles: readonly Role[];
}

const FIELD_STAFF: readonly Role[] = ["caseworker", "village_cadre", "township_officer", "administrator"];

/** Every allowed step: from a stage, by an action, to a stage, by these roles. */
export const TRANSITIONS: Partial<Record<CaseStage, Partial<Record<CaseAction, Transition>>>> = {
  verification: { verify: { to: "village_review", roles: FIELD_STAFF } },
  village_review: {
    approve: { to: "township_review", roles: ["village_cadre"] },
    return: { to: "verification", roles: ["village_cadre"] },
  },
  township_review: {
    approve: { to: "county_decision", roles: ["township_officer"] },
    return: { to: "village_review", roles: ["township_officer"] },
  },
  county_decision: {
    identify: { to: "monitored", roles: ["administrator"] },
    reject: { to: "rejected", roles: ["administrator"] },
    return: { to: "township_review", roles: ["administrator"] },
  },
  monitored: {
    propose_elimination: { to: "elimination_village_review", roles: ["caseworker", "village_cadre"] },
  },
  elimination_village_review: {
    approve: { to: "elimination_township_review", roles: ["village_cadre"] },
    return: { to: "monitored", roles: ["village_cadre"] },
  },
  elimination_township_review: {
    approve: { to: "elimination_county_decision", roles: ["township_officer"] },
    return: { to: "elimination_village_review", roles: ["township_officer"] },
  },
  elimination_county_decision: {
    eliminate: { to: "closed", roles: ["administrator"] },
    return: { to: "monitored", roles: ["administrator"] },
  },
  closed: { reopen: { to: "monitored", roles: ["administrator"] } },
};

/** Why a step may not be taken now, or where it leads and who may take it. */
export type TransitionCheck =
  | { ok: true; to: CaseStage }
  | { ok: false; problem: "invalid_transition" | "wrong_role"; message: string };

/** Checks `action` from `stage` by a user of `role` (the region is checked by the caller). */
export function checkTransition(stage: CaseStage, action: CaseAction, role: Role): TransitionCheck {
  const transition = TRANSITIONS[stage]?.[action];
  if (!transition) {
    return {
      ok: false,
      problem: "invalid_transition",
      message: `案件处于“${CASE_STAGE_LABELS[stage].zh}”环节，不能执行“${CASE_ACTION_LABELS[action].zh}”`,
    };
  }
  if (!transition.roles.includes(role)) {
    return {
      ok: false,
      problem: "wrong_role",
      message: `“${CASE_STAGE_LABELS[stage].zh}”环节的“${CASE_ACTION_LABELS[action].zh}”须由${transition.roles.map((r) => ROLE_NAMES[r]).join("或")}办理`,
    };
  }
  return { ok: true, to: transition.to };
}

const ROLE_NAMES: Record<Role, string> = {
  administrator: "县扶贫办管理员",
  township_officer: "乡镇干部",
  village_cadre: "村两委干部",
  caseworker: "帮扶责任人",
  department_officer: "行业部门",
  leader: "领导",
};

/** Whether the case is still in progress (not closed or rejected). */
export function isActiveStage(stage: CaseStage): boolean {
  return stage !== "closed" && stage !== "rejected";
}

export const MEASURE_KINDS = {
  industry: { zh: "产业帮扶", en: "Industry support" },
  employment: { zh: "就业帮扶", en: "Employment support" },
  social_security: { zh: "综合保障（兜底）", en: "Social safety net" },
  education_motivation: { zh: "扶志扶智", en: "Education and motivation" },
  other: { zh: "其他", en: "Other" },
} as const;
export type MeasureKind = keyof typeof MEASURE_KINDS;
export const MEASURE_KIND_CODES = Object.keys(MEASURE_KINDS) as [MeasureKind, ...MeasureKind[]];

export const MEASURE_STATUSES = {
  planned: { zh: "计划中", en: "Planned" },
  in_progress: { zh: "实施中", en: "In progress" },
  done: { zh: "已完成", en: "Done" },
  cancelled: { zh: "已取消", en: "Cancelled" },
} as const;
export type MeasureStatus = keyof typeof MEASURE_STATUSES;
export const MEASURE_STATUS_CODES = Object.keys(MEASURE_STATUSES) as [MeasureStatus, ...MeasureStatus[]];

/** Whether a measure still counts as open (a case cannot close while one is). */
export function isOpenMeasure(status: MeasureStatus): boolean {
  return status === "planned" || status === "in_progress";
}
