import { COMPULSORY_SCHOOL_AGES, POVERTY_LINE_2020 } from "./basic-guarantees.js";
import { LABOUR_ABILITIES, SCHOOLING_STATUSES, WORK_PLACES } from "./household-codes.js";
import type { HouseholdDraft, MemberDraft } from "./household-draft.js";
import { type Finding, memberLabel, type WarningCode, yuan } from "./household-findings.js";
import { activeMembers, memberAge, perCapitaNetIncome } from "./household-income.js";

// Soft data-quality findings (数据比对): the checks counties run on the national system's data,
// plus age plausibility. Ages come from the ID number's birth date; a member whose ID does not
// parse already has an error, so age checks skip them. Moved-out and deceased members are skipped.

/** Working age as the county checks use it, inclusive. */
const WORKING_AGES = { from: 16, to: 60 } as const;

/** Per-capita net income above this (yuan) is almost certainly a typing error. */
const PER_CAPITA_CEILING = 100_000;

type SchoolingStatus = MemberDraft["schoolingStatus"];

// Ages at which a schooling status is plausible, inclusive; a missing bound is no limit. Generous
// on purpose (late starters, repeated years, adults in vocational and higher education since the
// 2019 enrolment expansion): a warning should mean a likely typing error.
const PLAUSIBLE_SCHOOLING_AGES: Partial<Record<SchoolingStatus, { min?: number; max?: number }>> = {
  preschool: { max: 7 },
  primary: { min: 5, max: 19 },
  junior: { min: 10, max: 21 },
  senior: { min: 13, max: 24 },
  vocational: { min: 13 },
  higher_vocational: { min: 15 },
  undergraduate: { min: 15 },
  dropped_out: { min: 6 },
};

function warning(path: string, code: WarningCode, message: string): Finding {
  return { path, code, severity: "warning", message };
}

const isOutOfSchool = (member: MemberDraft) =>
  member.schoolingStatus === "not_in_school" || member.schoolingStatus === "dropped_out";
const hasNoLabourAbility = (member: MemberDraft) =>
  member.labourAbility === "lost" || member.labourAbility === "none";

function schoolingWarnings(member: MemberDraft, i: number, age: number): Finding[] {
  const path = `members.${i}.schoolingStatus`;
  const who = memberLabel(member, i);
  const status = SCHOOLING_STATUSES[member.schoolingStatus].zh;
  if (age >= COMPULSORY_SCHOOL_AGES.from && age <= COMPULSORY_SCHOOL_AGES.to && isOutOfSchool(member)) {
    return [
      warning(
        path,
        "compulsory_education_at_risk",
        `${who}${age}岁，在校生状况为“${status}”：义务教育阶段失学辍学`,
      ),
    ];
  }
  const range = PLAUSIBLE_SCHOOLING_AGES[member.schoolingStatus];
  if (
    range &&
    ((range.min !== undefined && age < range.min) || (range.max !== undefined && age > range.max))
  ) {
    return [warning(path, "schooling_age_implausible", `${who}${age}岁，在校生状况“${status}”与年龄不符`)];
  }
  return [];
}

function labourWarnings(member: MemberDraft, i: number, age: number): Finding[] {
  const path = `members.${i}.labourAbility`;
  const who = memberLabel(member, i);
  const ability = LABOUR_ABILITIES[member.labourAbility].zh;
  if (
    age < WORKING_AGES.from &&
    (member.labourAbility === "ordinary" || member.labourAbility === "skilled")
  ) {
    return [warning(path, "child_labour_ability", `${who}${age}岁，未满16岁却登记为“${ability}”`)];
  }
  const workingAgeHealthy = age >= WORKING_AGES.from && age <= WORKING_AGES.to && member.health === "healthy";
  // Losing labour ability takes illness or disability, in school or not; having none is only odd
  // for someone who is not a student.
  if (
    workingAgeHealthy &&
    (member.labourAbility === "lost" || (member.labourAbility === "none" && isOutOfSchool(member)))
  ) {
    return [warning(path, "labour_ability_implausible", `${who}${age}岁、身体健康，却登记为“${ability}”`)];
  }
  return [];
}

function workWarnings(member: MemberDraft, i: number): Finding[] {
  const who = memberLabel(member, i);
  const place = WORK_PLACES[member.workPlace].zh;
  const findings: Finding[] = [];
  if (member.workPlace !== "none" && member.workMonths === 0) {
    findings.push(
      warning(
        `members.${i}.workMonths`,
        "work_place_without_months",
        `${who}务工状况为“${place}”，务工时间却为0个月`,
      ),
    );
  }
  if (member.workPlace === "none" && member.workMonths > 0) {
    findings.push(
      warning(
        `members.${i}.workPlace`,
        "work_months_without_place",
        `${who}务工时间为${member.workMonths}个月，务工状况却为“未务工”`,
      ),
    );
  }
  if (member.workPlace !== "none" && hasNoLabourAbility(member)) {
    const ability = LABOUR_ABILITIES[member.labourAbility].zh;
    findings.push(
      warning(
        `members.${i}.workPlace`,
        "working_without_labour_ability",
        `${who}登记为“${ability}”，务工状况却为“${place}”`,
      ),
    );
  }
  return findings;
}

function memberWarnings(draft: HouseholdDraft, today: Date): Finding[] {
  return draft.members.flatMap((member, i) => {
    if (member.status !== "active") return [];
    const age = memberAge(member, today);
    const byAge =
      age === null ? [] : [...schoolingWarnings(member, i, age), ...labourWarnings(member, i, age)];
    return [...byAge, ...workWarnings(member, i)];
  });
}

/** Dibao (低保) and tekun (特困供养) support against the household's poverty attribute. */
function assistanceWarnings(draft: HouseholdDraft): Finding[] {
  const { dibao, tekun } = draft.income;
  const findings: Finding[] = [];
  if (draft.povertyAttribute === "general" && (dibao > 0 || tekun > 0)) {
    findings.push(
      warning(
        "povertyAttribute",
        "general_with_assistance",
        `一般贫困户却有低保金 ${yuan(dibao)} 元、特困供养金 ${yuan(tekun)} 元`,
      ),
    );
  }
  if (draft.povertyAttribute === "dibao" && dibao === 0) {
    findings.push(warning("income.dibao", "dibao_without_amount", "低保贫困户的低保金为0"));
  }
  if (draft.povertyAttribute === "tekun" && tekun === 0) {
    findings.push(warning("income.tekun", "tekun_without_amount", "特困供养贫困户的特困供养金为0"));
  }
  if (dibao > 0 && tekun > 0) {
    findings.push(
      warning(
        "income",
        "dibao_and_tekun",
        `同时享受低保（${yuan(dibao)} 元）和特困供养（${yuan(tekun)} 元）`,
      ),
    );
  }
  return findings;
}

function incomeWarnings(draft: HouseholdDraft): Finding[] {
  const { income } = draft;
  const active = activeMembers(draft.members);
  const findings: Finding[] = [];
  if (income.business > 0 && income.businessCosts === 0) {
    findings.push(
      warning(
        "income.businessCosts",
        "business_without_costs",
        `有生产经营性收入 ${yuan(income.business)} 元，生产经营性支出却为0`,
      ),
    );
  }
  const working = active.filter((m) => m.workPlace !== "none");
  if (income.wage > 0 && active.length > 0 && working.length === 0) {
    findings.push(
      warning(
        "income.wage",
        "wage_without_worker",
        `有工资性收入 ${yuan(income.wage)} 元，却没有在户成员务工`,
      ),
    );
  }
  if (income.wage === 0 && working.length > 0) {
    const names = working.map((m) => m.name).join("、");
    findings.push(warning("income.wage", "worker_without_wage", `${names}在务工，工资性收入却为0`));
  }
  const perCapita = perCapitaNetIncome(income, active.length);
  if (perCapita === null) return findings;
  if (perCapita <= 0) {
    findings.push(
      warning("income", "per_capita_income_non_positive", `人均纯收入为 ${yuan(perCapita)} 元，不大于0`),
    );
  } else if (perCapita > PER_CAPITA_CEILING) {
    findings.push(
      warning("income", "per_capita_income_too_high", `人均纯收入为 ${yuan(perCapita)} 元，超过10万元`),
    );
  }
  if (draft.status === "lifted" && perCapita < POVERTY_LINE_2020) {
    findings.push(
      warning(
        "status",
        "lifted_below_poverty_line",
        `已脱贫户的人均纯收入 ${yuan(perCapita)} 元低于贫困线 ${POVERTY_LINE_2020} 元`,
      ),
    );
  }
  return findings;
}

/** The data-quality warnings of a household draft at `today` (ages from ID numbers). */
export function householdWarnings(draft: HouseholdDraft, today: Date): Finding[] {
  return [...memberWarnings(draft, today), ...assistanceWarnings(draft), ...incomeWarnings(draft)];
}
