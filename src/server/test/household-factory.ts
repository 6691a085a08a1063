import type { HouseholdDetail } from "../../shared/api/households.api.js";
import type { HouseholdDraft, MemberDraft } from "../../shared/household-draft.js";
import { idNumberChecksum } from "../../shared/id-number.js";
import type { Queryable } from "../db/db.js";

let sequence = 0;

/** A valid ID number for a birth date and sex in Jing County, unique within a test run. */
export function testIdNumber(birthDate: string, sex: "male" | "female", county6 = "341823"): string {
  sequence += 1;
  // The sequence code's last digit is odd for men and even for women.
  const serial = String((sequence % 500) * 2 + (sex === "male" ? 1 : 0)).padStart(3, "0");
  const first17 = `${county6}${birthDate.replace(/-/g, "")}${serial}`;
  return first17 + idNumberChecksum(first17);
}

/** A healthy adult member; override what the test is about. */
export function memberDraft(overrides: Partial<MemberDraft> & { birthDate?: string } = {}): MemberDraft {
  const { birthDate = "1980-05-06", ...rest } = overrides;
  const sex = rest.sex ?? "male";
  return {
    name: "张三",
    sex,
    idNumber: testIdNumber(birthDate, sex),
    relation: "head",
    ethnicity: "han",
    education: "junior",
    schoolingStatus: "not_in_school",
    health: "healthy",
    disabilityGrade: null,
    labourAbility: "ordinary",
    workPlace: "in_county",
    workMonths: 8,
    hasBasicMedicalInsurance: true,
    hasSeriousIllnessInsurance: true,
    hasBasicPension: true,
    phone: null,
    status: "active",
    ...rest,
  };
}

/** A plausible four-person household in a Jing County village that passes every check. */
export function householdDraft(overrides: Partial<HouseholdDraft> = {}): HouseholdDraft {
  sequence += 1;
  return {
    regionCode: "341823100001",
    householdNumber: `3418231000010${String(sequence).padStart(5, "0")}`,
    address: "泾川镇城南村一组",
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
      memberDraft({
        name: "张大山",
        relation: "head",
        sex: "male",
        birthDate: "1975-03-02",
        phone: "13955501234",
      }),
      memberDraft({
        name: "李秀英",
        relation: "spouse",
        sex: "female",
        birthDate: "1977-08-19",
        workPlace: "none",
        workMonths: 0,
      }),
      memberDraft({
        name: "张小明",
        relation: "son",
        sex: "male",
        birthDate: "2010-09-01",
        education: "primary",
        schoolingStatus: "junior",
        labourAbility: "none",
        workPlace: "none",
        workMonths: 0,
        hasBasicPension: false,
      }),
      memberDraft({
        name: "张老汉",
        relation: "father",
        sex: "male",
        birthDate: "1948-01-10",
        education: "illiterate",
        health: "chronic",
        labourAbility: "weak",
        workPlace: "none",
        workMonths: 0,
      }),
    ],
    income: {
      year: 2020,
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

/** A village of Jing County outside township 341823100 (where householdDraft puts households), and its township. */
export async function otherJingVillage(q: Queryable): Promise<{ village: string; township: string }> {
  const [row] = await q.query<{ code: string }>(
    `select code from region where level = 'village' and code like '341823%' and code not like '341823100%'
     order by code limit 1`,
  );
  if (!row) throw new Error("Jing County's villages are not loaded");
  return { village: row.code, township: `${row.code.slice(0, 9)}000` };
}

/**
 * A not-lifted dibao household of four in `village`, poor through disability, with a per-capita
 * net income below the poverty line (8,000 yuan of wages for four people).
 */
export function poorHouseholdDraft(village: string, serial = 1): HouseholdDraft {
  const draft = householdDraft({
    regionCode: village,
    householdNumber: `${village}${String(serial).padStart(5, "0")}`,
    povertyAttribute: "dibao",
    status: "not_lifted",
    liftedYear: null,
    mainCause: "disability",
    secondaryCauses: [],
  });
  draft.income = {
    ...draft.income,
    wage: 8000,
    business: 0,
    transfer: 0,
    pension: 0,
    ecoCompensation: 0,
    otherTransfer: 0,
  };
  return draft;
}

/** The draft form of a detail, as an edit screen would send it back (masked values included). */
export function draftOfDetail(detail: HouseholdDetail): HouseholdDraft {
  const {
    id: _id,
    countyCode: _c,
    regionName: _r,
    regionPath: _p,
    incomes,
    guarantees: _g,
    findings: _f,
    caseworkers: _cw,
    version: _v,
    updatedAt: _u,
    members,
    ...rest
  } = detail;
  const { memberCount: _m, perCapitaIncome: _pc, ...income } = incomes[0]!;
  return {
    ...rest,
    income,
    members: members.map(({ birthDate: _b, age: _a, version: _mv, ...member }) => member),
  };
}
