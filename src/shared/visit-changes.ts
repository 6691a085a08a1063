import { z } from "zod";
import {
  codesOf,
  DANGEROUS_HOUSE_GRADES,
  DISABILITY_GRADES,
  FUEL_TYPES,
  HEALTH_STATUSES,
  LABOUR_ABILITIES,
  SCHOOLING_STATUSES,
  WORK_PLACES,
} from "./household-codes.js";
import { type HouseholdDraft, incomeDraftSchema, type MemberDraft } from "./household-draft.js";

// Registry changes a visit proposes: the year's income, living conditions and a few facts about
// members, against the household version the phone had loaded. The server applies them through
// the registry's own save (a new household version) when that version is still current, and keeps
// them as a pending change for the village cadre when it is not.

export const conditionChangesSchema = z
  .strictObject({
    houseAreaM2: z.number().min(0).max(1_000_000),
    dangerousHouseGrade: z.enum(codesOf(DANGEROUS_HOUSE_GRADES)),
    hasElectricity: z.boolean(),
    isDrinkingWaterSafe: z.boolean(),
    hasWaterDifficulty: z.boolean(),
    hasRoadToHouse: z.boolean(),
    hasSanitaryToilet: z.boolean(),
    fuel: z.enum(codesOf(FUEL_TYPES)),
  })
  .partial();
export type ConditionChanges = z.infer<typeof conditionChangesSchema>;

export const memberChangesSchema = z.strictObject({
  id: z.uuid(),
  health: z.enum(codesOf(HEALTH_STATUSES)).optional(),
  disabilityGrade: z.enum(codesOf(DISABILITY_GRADES)).nullable().optional(),
  labourAbility: z.enum(codesOf(LABOUR_ABILITIES)).optional(),
  schoolingStatus: z.enum(codesOf(SCHOOLING_STATUSES)).optional(),
  workPlace: z.enum(codesOf(WORK_PLACES)).optional(),
  workMonths: z.number().int().min(0).max(12).optional(),
  /** A visit may record that someone left or died; bringing a person back is a registry edit. */
  status: z.enum(["moved_out", "deceased"]).optional(),
});
export type MemberChanges = z.infer<typeof memberChangesSchema>;

export const householdChangesSchema = z.strictObject({
  /** The household version the phone had loaded when the visit was recorded. */
  baseVersion: z.number().int().min(1),
  income: incomeDraftSchema.optional(),
  conditions: conditionChangesSchema.optional(),
  members: z.array(memberChangesSchema).max(30).optional(),
});
export type HouseholdChanges = z.infer<typeof householdChangesSchema>;

/** Whether the changes change anything at all. */
export function hasChanges(changes: HouseholdChanges): boolean {
  return (
    changes.income !== undefined ||
    Object.keys(changes.conditions ?? {}).length > 0 ||
    (changes.members ?? []).some((member) => Object.keys(member).length > 1)
  );
}

/**
 * The household with the changes laid over it, as a draft for the registry's save; throws the
 * index of a member the household does not have (the caller names the field).
 */
export function applyHouseholdChanges<M extends MemberDraft & { id: string }>(
  household: Omit<HouseholdDraft, "members"> & { members: M[] },
  changes: HouseholdChanges,
): HouseholdDraft | { unknownMemberIndex: number } {
  const byId = new Map((changes.members ?? []).map((member) => [member.id, member]));
  const known = new Set(household.members.map((member) => member.id));
  const unknownMemberIndex = (changes.members ?? []).findIndex((member) => !known.has(member.id));
  if (unknownMemberIndex >= 0) return { unknownMemberIndex };
  const { members, ...rest } = household;
  return {
    ...rest,
    ...changes.conditions,
    income: changes.income ?? household.income,
    members: members.map(({ id, ...member }) => {
      const { id: _id, ...change } = byId.get(id) ?? { id };
      return { ...stripExtras(member), ...change, id } as MemberDraft;
    }),
  };
}

/** A stored member's draft fields only (snapshots also keep the birth date). */
function stripExtras<M extends MemberDraft>(member: Omit<M, "id">): Omit<MemberDraft, "id"> {
  const {
    birthDate: _b,
    version: _v,
    ...draft
  } = member as Omit<M, "id"> & {
    birthDate?: string;
    version?: number;
  };
  return draft;
}
