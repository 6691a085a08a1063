// What the household checks report. Codes are stored with each warning (household_finding.code),
// so they are stable words: rename one only with a data migration.

/** Codes of hard errors: a household with any of them is not saved. */
export const ERROR_CODES = [
  "id_format",
  "id_checksum",
  "id_birth_date",
  "id_sex_mismatch",
  "id_duplicate",
  "no_active_member",
  "head_missing",
  "head_multiple",
  "head_inactive",
  "phone_format",
  "transfer_sum_mismatch",
  "work_months_range",
  "disability_grade_missing",
  "disability_grade_unexpected",
  "lifted_year_missing",
  "lifted_year_future",
  "lifted_year_unexpected",
  "cause_repeated",
] as const;

/** Codes of data-quality warnings: the household is saved and the finding listed for a clerk. */
export const WARNING_CODES = [
  "compulsory_education_at_risk",
  "schooling_age_implausible",
  "child_labour_ability",
  "labour_ability_implausible",
  "general_with_assistance",
  "dibao_without_amount",
  "tekun_without_amount",
  "dibao_and_tekun",
  "business_without_costs",
  "per_capita_income_non_positive",
  "per_capita_income_too_high",
  "work_place_without_months",
  "work_months_without_place",
  "working_without_labour_ability",
  "wage_without_worker",
  "worker_without_wage",
  "lifted_below_poverty_line",
] as const;

/** A hard-error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];
/** A data-quality warning code. */
export type WarningCode = (typeof WARNING_CODES)[number];
/** Any finding code. */
export type FindingCode = ErrorCode | WarningCode;

/** One problem found in a household draft; `path` names the field (e.g. "members.2.idNumber"). */
export interface Finding {
  path: string;
  code: FindingCode;
  severity: "error" | "warning";
  /** Simplified Chinese, naming the member and the value concerned. */
  message: string;
}

/** A general English sentence for each code, for the English UI (the Chinese message names the values). */
export const FINDING_MESSAGES_EN: Record<FindingCode, string> = {
  id_format: "The ID number is not an 18-digit (or legacy 15-digit) resident ID number.",
  id_checksum: "The ID number's check character is wrong; a digit was probably mistyped.",
  id_birth_date: "The birth date in the ID number does not exist or lies in the future.",
  id_sex_mismatch: "The member's sex does not match the sex encoded in the ID number.",
  id_duplicate: "The same ID number appears twice in this household.",
  no_active_member: "No member lives in the household.",
  head_missing: "No member living in the household is recorded as its head.",
  head_multiple: "More than one member living in the household is recorded as its head.",
  head_inactive: "The head has moved out or died; record another member as head.",
  phone_format: "The phone number is neither an 11-digit mobile number nor a landline number.",
  transfer_sum_mismatch:
    "Transfer income does not equal the sum of pension, dibao, tekun, ecological compensation and other transfers.",
  work_months_range: "Months worked must be between 0 and 12.",
  disability_grade_missing: "A disabled member needs a disability grade.",
  disability_grade_unexpected: "A disability grade is recorded for a member whose health is not 'disabled'.",
  lifted_year_missing: "A lifted household needs the year it was lifted out of poverty.",
  lifted_year_future: "The year lifted out of poverty lies in the future.",
  lifted_year_unexpected: "A household not yet lifted out of poverty cannot have a year lifted.",
  cause_repeated: "A poverty cause is listed more than once (main cause repeated among secondary causes).",
  compulsory_education_at_risk:
    "A child of compulsory-education age (6–15) is not in school or has dropped out.",
  schooling_age_implausible: "The schooling status is implausible for the member's age.",
  child_labour_ability: "A member under 16 is recorded as ordinary or skilled labour.",
  labour_ability_implausible:
    "A healthy working-age member is recorded as having lost labour ability, or as having none while not in school.",
  general_with_assistance: "An ordinary poor household receives dibao or tekun support.",
  dibao_without_amount: "A dibao household has no dibao income recorded.",
  tekun_without_amount: "A tekun household has no tekun support income recorded.",
  dibao_and_tekun: "The household receives both dibao and tekun support.",
  business_without_costs: "Business income is recorded without business costs.",
  per_capita_income_non_positive: "Per-capita net income is zero or negative.",
  per_capita_income_too_high: "Per-capita net income is above 100,000 yuan.",
  work_place_without_months: "A work place is recorded but zero months worked.",
  work_months_without_place: "Months worked are recorded but no work place.",
  working_without_labour_ability: "A member without labour ability is recorded as working.",
  wage_without_worker: "Wage income is recorded but no member is working.",
  worker_without_wage: "A member is working but there is no wage income.",
  lifted_below_poverty_line:
    "The household is recorded as lifted but its per-capita net income is below the poverty line.",
};

/** How a member is named in messages: 李秀英（第2位成员）. */
export function memberLabel(member: { name: string }, index: number): string {
  return `${member.name}（第${index + 1}位成员）`;
}

/** Yuan to two decimals, as messages show amounts. */
export function yuan(amount: number): string {
  return amount.toFixed(2);
}
