import { describe, expect, it } from "vitest";
import {
  type FindingCase,
  household,
  TODAY,
  withIncome,
  withMember,
  withMembers,
} from "./household.fixture.js";
import { checkHousehold, WARNING_CODES } from "./household-checks.js";
import type { HouseholdDraft } from "./household-draft.js";

// The data-quality warnings: the household is saved and the finding listed for a clerk.

const SEVERITY = "warning";
const base = household();
const codesOf = (draft: HouseholdDraft) => checkHousehold(draft, TODAY).map((f) => f.code);

const cases: FindingCase[] = [
  {
    code: "compulsory_education_at_risk",
    path: "members.2.schoolingStatus",
    why: "a 10-year-old not in school; a 5-year-old not in school",
    fires: withMember(base, 2, { schoolingStatus: "not_in_school" }),
    quiet: withMember(base, 2, {
      birthDate: "2014-09-01",
      education: "preschool",
      schoolingStatus: "not_in_school",
    }),
  },
  {
    code: "schooling_age_implausible",
    path: "members.2.schoolingStatus",
    why: "primary school at 20; at 19 (the birthday is tomorrow)",
    fires: withMember(base, 2, { birthDate: "2000-06-30" }),
    quiet: withMember(base, 2, { birthDate: "2000-07-01" }),
  },
  {
    code: "child_labour_ability",
    path: "members.2.labourAbility",
    why: "ordinary labour at 15; at 16 (birthday today)",
    fires: withMember(base, 2, {
      birthDate: "2004-07-01",
      schoolingStatus: "junior",
      labourAbility: "ordinary",
    }),
    quiet: withMember(base, 2, {
      birthDate: "2004-06-30",
      schoolingStatus: "senior",
      labourAbility: "ordinary",
    }),
  },
  {
    code: "labour_ability_implausible",
    path: "members.1.labourAbility",
    why: "a healthy 42-year-old with no labour ability; a chronically ill one who lost it",
    fires: withMember(base, 1, { labourAbility: "none" }),
    quiet: withMember(base, 1, { labourAbility: "lost", health: "chronic" }),
  },
  {
    code: "general_with_assistance",
    path: "povertyAttribute",
    why: "an ordinary household with dibao; a dibao household with dibao",
    fires: withIncome(base, { dibao: 2400 }),
    quiet: withIncome(household({ povertyAttribute: "dibao" }), { dibao: 2400 }),
  },
  {
    code: "dibao_without_amount",
    path: "income.dibao",
    why: "a dibao household without dibao; with 2,400 yuan",
    fires: household({ povertyAttribute: "dibao" }),
    quiet: withIncome(household({ povertyAttribute: "dibao" }), { dibao: 2400 }),
  },
  {
    code: "tekun_without_amount",
    path: "income.tekun",
    why: "a tekun household without tekun support; with 3,600 yuan",
    fires: household({ povertyAttribute: "tekun" }),
    quiet: withIncome(household({ povertyAttribute: "tekun" }), { tekun: 3600 }),
  },
  {
    code: "dibao_and_tekun",
    path: "income",
    why: "both supports; tekun only",
    fires: withIncome(household({ povertyAttribute: "dibao" }), { dibao: 2400, tekun: 3600 }),
    quiet: withIncome(household({ povertyAttribute: "tekun" }), { tekun: 3600 }),
  },
  {
    code: "business_without_costs",
    path: "income.businessCosts",
    why: "business income without costs; neither",
    fires: withIncome(base, { businessCosts: 0 }),
    quiet: withIncome(base, { business: 0, businessCosts: 0 }),
  },
  {
    code: "per_capita_income_non_positive",
    path: "income",
    why: "costs above income; one yuan a head",
    fires: withIncome(base, { businessCosts: 40000 }),
    quiet: withIncome(household({ status: "not_lifted", liftedYear: null }), {
      wage: 4,
      business: 0,
      businessCosts: 0,
      pension: 0,
      ecoCompensation: 0,
      otherTransfer: 0,
    }),
  },
  {
    code: "per_capita_income_too_high",
    path: "income",
    why: "101,125.25 a head; exactly 100,000",
    fires: withIncome(base, { wage: 400001 }),
    quiet: withIncome(base, { wage: 395500 }),
  },
  {
    code: "work_place_without_months",
    path: "members.0.workMonths",
    why: "working away for 0 months; for 1 month",
    fires: withMember(base, 0, { workMonths: 0 }),
    quiet: withMember(base, 0, { workMonths: 1 }),
  },
  {
    code: "work_months_without_place",
    path: "members.1.workPlace",
    why: "3 months but no work place; the same on a moved-out member",
    fires: withMember(base, 1, { workMonths: 3 }),
    quiet: withMember(base, 1, { workMonths: 3, status: "moved_out" }),
  },
  {
    code: "working_without_labour_ability",
    path: "members.3.workPlace",
    why: "lost labour ability yet working; weak labour working in the township",
    fires: withMember(base, 3, { labourAbility: "lost", workPlace: "in_township", workMonths: 3 }),
    quiet: withMember(base, 3, { workPlace: "in_township", workMonths: 3 }),
  },
  {
    code: "wage_without_worker",
    path: "income.wage",
    why: "wages but the head stays home; the wife works instead",
    fires: withMember(base, 0, { workPlace: "none", workMonths: 0 }),
    quiet: withMembers(
      base,
      [0, { workPlace: "none", workMonths: 0 }],
      [1, { workPlace: "in_county", workMonths: 8 }],
    ),
  },
  {
    code: "worker_without_wage",
    path: "income.wage",
    why: "the head works away without wages; nobody works and the farm earns",
    fires: withIncome(base, { wage: 0 }),
    quiet: withIncome(withMember(base, 0, { workPlace: "none", workMonths: 0 }), {
      wage: 0,
      business: 17000,
      businessCosts: 1500,
    }),
  },
  {
    code: "lifted_below_poverty_line",
    path: "status",
    why: "lifted at 3,625 a head; at exactly 4,000",
    fires: withIncome(base, { wage: 10000 }),
    quiet: withIncome(base, { wage: 11500 }),
  },
];

describe("checkHousehold warnings", () => {
  it("has a firing and a quiet case for every warning code", () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(WARNING_CODES));
  });

  it.each(cases)("$code fires: $why", ({ code, path, fires }) => {
    const found = checkHousehold(fires, TODAY);
    expect(found).toContainEqual(expect.objectContaining({ code, path, severity: SEVERITY }));
    expect(found.find((f) => f.code === code)!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(cases)("$code stays quiet: $why", ({ quiet }) => {
    expect(checkHousehold(quiet, TODAY)).toEqual([]);
  });

  it("warns of other schooling statuses implausible for the age", () => {
    const schooling = (birthDate: string, schoolingStatus: "undergraduate" | "preschool") =>
      codesOf(withMember(base, 2, { birthDate, schoolingStatus }));
    expect(schooling("2005-07-01", "undergraduate")).toEqual(["schooling_age_implausible"]); // 14
    expect(schooling("2005-06-30", "undergraduate")).toEqual([]); // 15
    expect(schooling("2012-06-30", "preschool")).toEqual(["schooling_age_implausible"]); // 8
    expect(schooling("2012-07-01", "preschool")).toEqual([]); // 7
  });

  it("counts compulsory-school age from the 6th birthday to the day before the 16th", () => {
    const outOfSchool = (birthDate: string) =>
      codesOf(
        withMember(base, 2, { birthDate, schoolingStatus: "not_in_school", labourAbility: "ordinary" }),
      );
    expect(outOfSchool("2014-06-30")).toEqual(["compulsory_education_at_risk", "child_labour_ability"]); // 6
    expect(outOfSchool("2004-07-01")).toEqual(["compulsory_education_at_risk", "child_labour_ability"]); // 15
    expect(outOfSchool("2004-06-30")).toEqual([]); // 16
  });

  it("treats a dropout of compulsory-school age as education at risk", () => {
    expect(codesOf(withMember(base, 2, { schoolingStatus: "dropped_out" }))).toEqual([
      "compulsory_education_at_risk",
    ]);
  });

  it("finds lost labour ability implausible even for a healthy student, but not having none", () => {
    const student = { birthDate: "2003-01-01", schoolingStatus: "senior" as const };
    expect(codesOf(withMember(base, 2, { ...student, labourAbility: "lost" }))).toEqual([
      "labour_ability_implausible",
    ]);
    expect(codesOf(withMember(base, 2, { ...student, labourAbility: "none" }))).toEqual([]);
  });
});
