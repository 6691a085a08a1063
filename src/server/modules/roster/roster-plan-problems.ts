import { headerOf, type RosterColumnKey } from "../../../shared/roster/roster-columns.js";
import { readCode } from "../../../shared/roster/roster-values.js";
import type { RosterProblem, RosterRow, RosterTable } from "./roster-sheet.js";

// Where a problem the registry's checks find in a household draft sits in the file: the draft's
// path (members.2.idNumber, liftedYear, income.transfer) traced back to the row and column it was
// read from, and zod's complaints worded for the clerk.

const MEMBER_FIELD_COLUMNS: Record<string, RosterColumnKey[]> = {
  name: ["name"],
  sex: ["sex", "idNumber"],
  idNumber: ["idNumber"],
  relation: ["relation"],
  ethnicity: ["ethnicity"],
  education: ["education"],
  schoolingStatus: ["schoolingStatus"],
  health: ["health"],
  disabilityGrade: ["disabilityGrade", "health"],
  labourAbility: ["labourAbility"],
  workPlace: ["workPlace"],
  workMonths: ["workMonths"],
  hasSeriousIllnessInsurance: ["hasSeriousIllnessInsurance"],
  hasBasicMedicalInsurance: ["hasBasicMedicalInsurance", "hasSeriousIllnessInsurance"],
  hasBasicPension: ["hasBasicPension"],
  phone: ["phone"],
  status: ["memberStatus", "relation"],
};

const HOUSEHOLD_FIELD_COLUMNS: Record<string, RosterColumnKey[]> = {
  regionCode: ["village"],
  householdNumber: ["householdNumber"],
  address: ["address", "village"],
  phone: ["phone"],
  povertyAttribute: ["povertyAttribute"],
  identificationStandard: ["identificationStandard"],
  mainCause: ["mainCause"],
  secondaryCauses: ["secondaryCauses", "mainCause"],
  status: ["status"],
  liftedYear: ["liftedYear", "status"],
  dangerousHouseGrade: ["dangerousHouseGrade", "isDangerousHouse"],
  isDrinkingWaterSafe: ["isDrinkingWaterSafe"],
  hasWaterDifficulty: ["hasWaterDifficulty"],
  cultivatedLandMu: ["cultivatedLandMu"],
  forestLandMu: ["forestLandMu"],
  houseAreaM2: ["houseAreaM2"],
  members: ["relation"],
};

/** Where in the file a draft path (members.2.idNumber, liftedYear, income.transfer) was read from. */
export function locate(
  path: readonly (string | number)[],
  tables: readonly RosterTable[],
  rows: readonly RosterRow[],
  memberRows: readonly (RosterRow | null)[],
): { row: RosterRow; key: RosterColumnKey } {
  const has = (key: RosterColumnKey) => tables.some((t) => t.layout.columns[key] !== undefined);
  const pick = (keys: readonly RosterColumnKey[] | undefined, fallback: RosterColumnKey) =>
    keys?.find(has) ?? keys?.[0] ?? fallback;
  const first = rows[0]!;
  if (path[0] === "members" && typeof path[1] === "number") {
    const key = pick(MEMBER_FIELD_COLUMNS[String(path[2])], "name");
    return { row: memberRows[path[1]] ?? first, key };
  }
  const key =
    path[0] === "income"
      ? pick([String(path[1]) as RosterColumnKey, "perCapitaIncome"], "perCapitaIncome")
      : pick(HOUSEHOLD_FIELD_COLUMNS[String(path[0])], "householdNumber");
  if (path[0] === "members") {
    const head = rows.find((r) => r.text.relation && readCode("relation", r.text.relation).ok);
    return { row: head ?? first, key };
  }
  return { row: rows.find((r) => r.text[key]) ?? first, key };
}

export function problemAt(
  location: { row: RosterRow; key: RosterColumnKey },
  reason: string,
  code: string | undefined,
): RosterProblem {
  const { row, key } = location;
  return {
    sheet: row.table.label,
    row: row.row,
    column: row.table.layout.headers[key] ?? headerOf(key),
    value: row.text[key] ?? "",
    reason,
    ...(code ? { code } : {}),
  };
}

/** Zod's complaints about a draft (lengths, ranges), in Chinese. */
export function schemaReason(issue: {
  code: string;
  message: string;
  maximum?: unknown;
  minimum?: unknown;
}): string {
  if (issue.code === "too_big") return `超出允许范围（最多 ${String(issue.maximum)}）`;
  if (issue.code === "too_small") return `低于允许范围（至少 ${String(issue.minimum)}）`;
  if (issue.code === "invalid_format") return "格式不正确";
  return `不符合要求（${issue.message}）`;
}
