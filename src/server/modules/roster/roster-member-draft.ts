import type { MemberDraft } from "../../../shared/household-draft.js";
import { maskPhone, parseIdNumber } from "../../../shared/id-number.js";
import type { RosterColumnKey } from "../../../shared/roster/roster-columns.js";
import {
  readCode,
  readDate,
  readHealth,
  readSex,
  readWholeNumber,
  readYesNo,
} from "../../../shared/roster/roster-values.js";
import type { StoredMember } from "../households/household-present.js";
import { type GroupCells, text } from "./roster-cells.js";
import type { RosterRow } from "./roster-sheet.js";

// One member of a household draft from its file row and the stored member: the file says what it
// says, an empty cell keeps the stored value, an unreadable one gets a stand-in (and a problem).

/** A row of the file and the stored member it speaks of, when there is one. */
export interface MemberLine {
  row: RosterRow;
  /** The ID number as it will be stored (18 characters when it parses), or the text as typed. */
  idNumber: string;
  /** The stored member: of this household, or moving in from another household the file names. */
  stored: StoredMember | undefined;
}

const MEMBER_CODE_FIELDS = [
  ["relation", "relation"],
  ["ethnicity", "ethnicity"],
  ["education", "education"],
  ["schoolingStatus", "schoolingStatus"],
  ["labourAbility", "labourAbility"],
  ["workPlace", "workPlace"],
] as const;

/** Stand-ins for unreadable member fields, so the rest of the household can still be checked. */
const MEMBER_STAND_INS = {
  relation: "other",
  ethnicity: "other",
  education: "junior",
  schoolingStatus: "not_in_school",
  labourAbility: "ordinary",
  workPlace: "none",
} as const;

/** A member from its row and the stored member; `unknown` lists fields given stand-in values. */
export function memberOf(cells: GroupCells, line: MemberLine, householdPhone: string | null, today: Date) {
  const { row, stored } = line;
  const unknown: string[] = [];
  const need = (field: string, key: RosterColumnKey) => {
    unknown.push(field);
    if (row.text[key] === undefined)
      cells.report(row, key, "", `新成员须填写“${cells.column(key)}”`, "roster_member_field_required");
  };
  const name = cells.own(row, "name", text) ?? stored?.name;
  if (name === undefined) need("name", "name");
  const parsed = parseIdNumber(line.idNumber, today);
  const birthDate = cells.own(row, "birthDate", readDate);
  if (birthDate && parsed.ok && birthDate !== parsed.birthDate) {
    cells.report(
      row,
      "birthDate",
      birthDate,
      `出生日期与证件号码中的出生日期 ${parsed.birthDate} 不符`,
      "roster_birth_date_mismatch",
    );
  }
  const codes = { ...MEMBER_STAND_INS } as Record<(typeof MEMBER_CODE_FIELDS)[number][0], string>;
  for (const [field, list] of MEMBER_CODE_FIELDS) {
    const value = cells.own(row, field, (t) => readCode(list, t)) ?? stored?.[field];
    if (value === undefined) need(field, field);
    else codes[field] = value;
  }
  const healthCell = cells.own(row, "health", readHealth);
  const health = healthCell?.health ?? stored?.health;
  if (health === undefined) need("health", "health");
  const gradeCell = cells.own(row, "disabilityGrade", (t) => readCode("disabilityGrade", t));
  const disabilityGrade =
    health !== "disabled"
      ? (gradeCell ?? null)
      : (gradeCell ?? healthCell?.disabilityGrade ?? stored?.disabilityGrade ?? null);
  if (health === undefined) unknown.push("disabilityGrade");
  const seriousIllness = cells.own(row, "hasSeriousIllnessInsurance", readYesNo);
  const rowPhone = cells.own(row, "phone", text);
  // The national layout's 联系电话 is the household's, repeated on every row (masked in a masked export).
  const isHouseholdPhone =
    householdPhone !== null && (rowPhone === householdPhone || rowPhone === maskPhone(householdPhone));
  const phone =
    rowPhone === undefined || isHouseholdPhone
      ? (stored?.phone ?? null)
      : stored?.phone && rowPhone === maskPhone(stored.phone)
        ? stored.phone
        : rowPhone;
  const member: MemberDraft = {
    ...(stored ? { id: stored.id } : {}),
    name: name ?? "（姓名不详）",
    sex: cells.own(row, "sex", readSex) ?? (parsed.ok ? parsed.sex : (stored?.sex ?? "male")),
    idNumber: line.idNumber,
    relation: codes.relation as MemberDraft["relation"],
    ethnicity: codes.ethnicity as MemberDraft["ethnicity"],
    education: codes.education as MemberDraft["education"],
    schoolingStatus: codes.schoolingStatus as MemberDraft["schoolingStatus"],
    health: health ?? "healthy",
    disabilityGrade,
    labourAbility: codes.labourAbility as MemberDraft["labourAbility"],
    workPlace: codes.workPlace as MemberDraft["workPlace"],
    workMonths: cells.own(row, "workMonths", (t) => readWholeNumber(t, 0, 99)) ?? stored?.workMonths ?? 0,
    hasSeriousIllnessInsurance: seriousIllness ?? stored?.hasSeriousIllnessInsurance ?? false,
    // Serious-illness cover is part of the basic scheme, so a file without the basic column implies it.
    hasBasicMedicalInsurance:
      cells.own(row, "hasBasicMedicalInsurance", readYesNo) ??
      stored?.hasBasicMedicalInsurance ??
      seriousIllness ??
      false,
    hasBasicPension: cells.own(row, "hasBasicPension", readYesNo) ?? stored?.hasBasicPension ?? false,
    phone,
    status: cells.own(row, "memberStatus", (t) => readCode("memberStatus", t)) ?? "active",
  };
  // 人编号: an empty cell or an absent column keeps the stored number (set only when there is one,
  // so that a member without a number compares equal to its stored self).
  const personNumber = cells.own(row, "personNumber", text) ?? stored?.personNumber;
  if (personNumber != null) member.personNumber = personNumber;
  return { member, unknown };
}

/**
 * The year's income: from the file's income columns when it has them; from 人均纯收入 alone
 * (the national layout) the stored account is kept when it gives the same figure, else the total
 * is recorded unclassified under other transfers (the layout does not say where it came from).
 */
