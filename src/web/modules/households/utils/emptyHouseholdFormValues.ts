import { emptyIncome } from "../../../../shared/household-income.js";
import { emptyMemberFormValues } from "./emptyMemberFormValues.js";
import type { HouseholdFormValues } from "./HouseholdFormValues.js";

/** A new household: one member (the head) and this year's income, the usual conditions preset. */
export function emptyHouseholdFormValues(): HouseholdFormValues {
  return {
    householdNumber: "",
    address: "",
    phone: "",
    bankAccount: "",
    povertyAttribute: "general",
    identificationStandard: "national",
    secondaryCauses: [],
    status: "not_lifted",
    liftedYear: null,
    cultivatedLandMu: 0,
    forestLandMu: 0,
    houseAreaM2: 0,
    dangerousHouseGrade: "none",
    hasElectricity: true,
    isDrinkingWaterSafe: true,
    hasWaterDifficulty: false,
    hasRoadToHouse: true,
    hasSanitaryToilet: false,
    isCooperativeMember: false,
    members: [emptyMemberFormValues(true)],
    income: emptyIncome(new Date().getFullYear()),
    reason: "",
  };
}
