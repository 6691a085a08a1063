import { z } from "zod";
import {
  codesOf,
  DANGEROUS_HOUSE_GRADES,
  DISABILITY_GRADES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  FUEL_TYPES,
  HEALTH_STATUSES,
  IDENTIFICATION_STANDARDS,
  LABOUR_ABILITIES,
  MEMBER_STATUSES,
  POVERTY_ATTRIBUTES,
  POVERTY_CAUSES,
  POVERTY_STATUSES,
  RELATIONS,
  SCHOOLING_STATUSES,
  WORK_PLACES,
} from "./household-codes.js";

// The shapes a household and its members are entered in (forms, imports, visits). Types and
// ranges are checked here; the registry's rules (ID checksums, one head, plausibility) are in
// household-checks.ts so that they can explain themselves field by field.

const money = z.number().min(0).max(100_000_000).multipleOf(0.01);
const area = z.number().min(0).max(1_000_000);
const text = (max: number) => z.string().trim().max(max);

export const memberDraftSchema = z.strictObject({
  /** Present when editing an existing member. */
  id: z.uuid().optional(),
  name: text(50).min(1),
  sex: z.enum(["male", "female"]),
  idNumber: text(30).min(1),
  relation: z.enum(codesOf(RELATIONS)),
  ethnicity: z.enum(codesOf(ETHNICITIES)),
  education: z.enum(codesOf(EDUCATION_LEVELS)),
  schoolingStatus: z.enum(codesOf(SCHOOLING_STATUSES)),
  health: z.enum(codesOf(HEALTH_STATUSES)),
  disabilityGrade: z.enum(codesOf(DISABILITY_GRADES)).nullable(),
  labourAbility: z.enum(codesOf(LABOUR_ABILITIES)),
  workPlace: z.enum(codesOf(WORK_PLACES)),
  workMonths: z.number().int().min(0).max(99),
  hasBasicMedicalInsurance: z.boolean(),
  hasSeriousIllnessInsurance: z.boolean(),
  hasBasicPension: z.boolean(),
  phone: text(20).nullable(),
  status: z.enum(codesOf(MEMBER_STATUSES)).default("active"),
  /** 人编号: the national system's person number, as a roster import brings it (absent: kept as stored). */
  personNumber: text(30).nullable().optional(),
});
export type MemberDraft = z.infer<typeof memberDraftSchema>;

/** One year's income account of a household, in yuan. Transfer income is the sum of its parts. */
export const incomeDraftSchema = z.strictObject({
  year: z.number().int().min(2010).max(2100),
  wage: money,
  business: money,
  property: money,
  transfer: money,
  pension: money,
  dibao: money,
  tekun: money,
  ecoCompensation: money,
  otherTransfer: money,
  businessCosts: money,
});
export type IncomeDraft = z.infer<typeof incomeDraftSchema>;

export const householdDraftSchema = z.strictObject({
  regionCode: z.string().trim(),
  householdNumber: text(30).min(1),
  address: text(200),
  phone: text(20).nullable(),
  bankAccount: text(40).nullable(),
  povertyAttribute: z.enum(codesOf(POVERTY_ATTRIBUTES)),
  identificationStandard: z.enum(codesOf(IDENTIFICATION_STANDARDS)),
  mainCause: z.enum(codesOf(POVERTY_CAUSES)),
  secondaryCauses: z.array(z.enum(codesOf(POVERTY_CAUSES))).max(5),
  status: z.enum(codesOf(POVERTY_STATUSES)),
  liftedYear: z.number().int().min(2013).max(2100).nullable(),
  cultivatedLandMu: area,
  forestLandMu: area,
  houseAreaM2: area,
  dangerousHouseGrade: z.enum(codesOf(DANGEROUS_HOUSE_GRADES)),
  hasElectricity: z.boolean(),
  isDrinkingWaterSafe: z.boolean(),
  hasWaterDifficulty: z.boolean(),
  hasRoadToHouse: z.boolean(),
  hasSanitaryToilet: z.boolean(),
  fuel: z.enum(codesOf(FUEL_TYPES)),
  isCooperativeMember: z.boolean(),
  members: z.array(memberDraftSchema).min(1).max(30),
  income: incomeDraftSchema,
});
export type HouseholdDraft = z.infer<typeof householdDraftSchema>;
