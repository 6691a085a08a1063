import type { FindingCode } from "./household-checks.js";
import type { HouseholdDraft, IncomeDraft, MemberDraft } from "./household-draft.js";
import { idNumberChecksum } from "./id-number.js";

// Test households for the shared household tests (checks, guarantees, income). Test-only: nothing
// outside *.test.ts imports this file.

/** The day the tests are run "on": mid-2020, the last year of the campaign. */
export const TODAY = new Date("2020-06-30T00:00:00Z");

let serial = 100;

/** A valid 18-digit ID number in Jing County (341823) for a birth date and sex. */
export function idFor(birthDate: string, sex: "male" | "female"): string {
  serial = serial >= 998 ? 100 : serial + 2;
  // The sequence code's last digit is odd for men and even for women.
  const first17 = `341823${birthDate.replace(/-/g, "")}${sex === "male" ? serial + 1 : serial}`;
  return first17 + idNumberChecksum(first17);
}

/** A healthy working-age member living in the household; `birthDate` sets the ID number. */
export function member(overrides: Partial<MemberDraft> & { birthDate?: string } = {}): MemberDraft {
  const { birthDate = "1980-05-06", ...rest } = overrides;
  const sex = rest.sex ?? "male";
  return {
    name: "张三",
    sex,
    idNumber: idFor(birthDate, sex),
    relation: "other",
    ethnicity: "han",
    education: "junior",
    schoolingStatus: "not_in_school",
    health: "healthy",
    disabilityGrade: null,
    labourAbility: "ordinary",
    workPlace: "none",
    workMonths: 0,
    hasBasicMedicalInsurance: true,
    hasSeriousIllnessInsurance: true,
    hasBasicPension: true,
    phone: null,
    status: "active",
    ...rest,
  };
}

/**
 * A lifted four-person household that passes every check: the head works out of the province,
 * his wife farms at home, their son is in primary school, his mother is old and chronically ill.
 * Per-capita net income: (30,000 + 2,000 + 3,000 − 500) ÷ 4 = 8,625 yuan.
 */
export function household(overrides: Partial<HouseholdDraft> = {}): HouseholdDraft {
  return {
    regionCode: "341823100001",
    householdNumber: "341823100001000017",
    address: "安徽省泾县泾川镇城南村一组",
    phone: "13955501234",
    bankAccount: "6228480012345678",
    povertyAttribute: "general",
    identificationStandard: "national",
    mainCause: "illness",
    secondaryCauses: ["lack_skills"],
    status: "lifted",
    liftedYear: 2019,
    cultivatedLandMu: 3.5,
    forestLandMu: 1,
    houseAreaM2: 90,
    dangerousHouseGrade: "none",
    hasElectricity: true,
    isDrinkingWaterSafe: true,
    hasWaterDifficulty: false,
    hasRoadToHouse: true,
    hasSanitaryToilet: true,
    fuel: "firewood",
    isCooperativeMember: false,
    members: [
      member({
        name: "张大山",
        relation: "head",
        birthDate: "1975-03-02",
        workPlace: "out_of_province",
        workMonths: 10,
        phone: "13955501234",
      }),
      member({
        name: "李秀英",
        relation: "spouse",
        sex: "female",
        birthDate: "1977-08-19",
        phone: "0563-5021234",
      }),
      member({
        name: "张小明",
        relation: "son",
        birthDate: "2009-09-01",
        education: "primary",
        schoolingStatus: "primary",
        labourAbility: "none",
        hasBasicPension: false,
      }),
      member({
        name: "王桂兰",
        relation: "mother",
        sex: "female",
        birthDate: "1948-01-10",
        education: "illiterate",
        health: "chronic",
        labourAbility: "weak",
      }),
    ],
    income: {
      year: 2019,
      wage: 30000,
      business: 2000,
      property: 0,
      transfer: 3000,
      pension: 1800,
      dibao: 0,
      tekun: 0,
      ecoCompensation: 200,
      otherTransfer: 1000,
      businessCosts: 500,
    },
    ...overrides,
  };
}

/** The draft with income fields changed; transfer is kept equal to its parts unless given. */
export function withIncome(draft: HouseholdDraft, changes: Partial<IncomeDraft>): HouseholdDraft {
  const income = { ...draft.income, ...changes };
  if (changes.transfer === undefined) {
    const cents = [income.pension, income.dibao, income.tekun, income.ecoCompensation, income.otherTransfer]
      .map((yuan) => Math.round(yuan * 100))
      .reduce((a, b) => a + b, 0);
    income.transfer = cents / 100;
  }
  return { ...draft, income };
}

/** The draft with member `index` changed (a birthDate override gives a new ID number). */
export function withMember(
  draft: HouseholdDraft,
  index: number,
  changes: Partial<MemberDraft> & { birthDate?: string },
): HouseholdDraft {
  const { birthDate, ...rest } = changes;
  const members = draft.members.map((m, i) => {
    if (i !== index) return m;
    const sex = rest.sex ?? m.sex;
    return { ...m, ...(birthDate ? { idNumber: idFor(birthDate, sex) } : {}), ...rest };
  });
  return { ...draft, members };
}

/** The draft with several members changed, as [index, changes] pairs. */
export function withMembers(
  draft: HouseholdDraft,
  ...changes: [number, Partial<MemberDraft> & { birthDate?: string }][]
): HouseholdDraft {
  return changes.reduce((d, [index, change]) => withMember(d, index, change), draft);
}

/** Text with its ASCII digits and letters in full width, as typed with a Chinese IME. */
export function fullWidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
}

/** The ID number with its check character replaced by the next one in 0-9, X (X becomes 0). */
export function checksumOffByOne(id: string): string {
  return id.slice(0, 17) + "0123456789X0"["0123456789X".indexOf(id[17]!) + 1];
}

/** A check's firing case and its near miss. */
export interface FindingCase {
  code: FindingCode;
  path: string;
  why: string;
  /** A household on which the check must fire. */
  fires: HouseholdDraft;
  /** A near miss on which nothing at all must be found. */
  quiet: HouseholdDraft;
}
