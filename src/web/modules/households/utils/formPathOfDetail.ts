/** Form fields an error detail can point at; the rest (e.g. "members" as a whole) are listed above the form. */
const HOUSEHOLD_INPUTS = new Set([
  "regionCode",
  "householdNumber",
  "address",
  "phone",
  "bankAccount",
  "povertyAttribute",
  "identificationStandard",
  "mainCause",
  "secondaryCauses",
  "status",
  "liftedYear",
  "cultivatedLandMu",
  "forestLandMu",
  "houseAreaM2",
  "dangerousHouseGrade",
  "hasElectricity",
  "isDrinkingWaterSafe",
  "hasWaterDifficulty",
  "hasRoadToHouse",
  "hasSanitaryToilet",
  "fuel",
  "isCooperativeMember",
]);

const MEMBER_INPUTS = new Set([
  "name",
  "sex",
  "idNumber",
  "relation",
  "ethnicity",
  "education",
  "schoolingStatus",
  "health",
  "disabilityGrade",
  "labourAbility",
  "workPlace",
  "workMonths",
  "hasBasicMedicalInsurance",
  "hasSeriousIllnessInsurance",
  "hasBasicPension",
  "phone",
  "status",
]);

// Transfer income is computed from its parts, so it has no input of its own.
const INCOME_INPUTS = new Set([
  "year",
  "wage",
  "business",
  "property",
  "pension",
  "dibao",
  "tekun",
  "ecoCompensation",
  "otherTransfer",
  "businessCosts",
]);

/**
 * The form field a server error detail points at: "body.household.members.0.idNumber" becomes
 * ["members", 0, "idNumber"], "body.reason" ["reason"]. Undefined when no single input matches.
 */
export function formPathOfDetail(path: string): (string | number)[] | undefined {
  if (path === "body.reason") return ["reason"];
  const prefix = "body.household.";
  if (!path.startsWith(prefix)) return undefined;
  const parts = path.slice(prefix.length).split(".");
  const [first, second, third] = parts;
  if (
    first === "members" &&
    second !== undefined &&
    /^\d+$/.test(second) &&
    third &&
    MEMBER_INPUTS.has(third)
  )
    return ["members", Number(second), third];
  if (first === "income" && second && INCOME_INPUTS.has(second)) return ["income", second];
  if (first && parts.length === 1 && HOUSEHOLD_INPUTS.has(first)) return [first];
  if (first === "secondaryCauses") return ["secondaryCauses"];
  return undefined;
}
