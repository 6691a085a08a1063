import type { MemberFormValues } from "./HouseholdFormValues.js";

/** A new member: only the most common answers are filled in; what differs person to person is left to choose. */
export function emptyMemberFormValues(isFirst: boolean): MemberFormValues {
  return {
    name: "",
    idNumber: "",
    relation: isFirst ? "head" : undefined,
    ethnicity: "han",
    schoolingStatus: "not_in_school",
    health: "healthy",
    workPlace: "none",
    workMonths: 0,
    hasBasicMedicalInsurance: false,
    hasSeriousIllnessInsurance: false,
    hasBasicPension: false,
    phone: "",
    status: "active",
  };
}
