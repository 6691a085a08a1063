import {
  type CodeList,
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
} from "../../../../shared/household-codes.js";

/** Which code list labels each coded household field. */
export const HOUSEHOLD_FIELD_CODES: Record<string, CodeList<string>> = {
  povertyAttribute: POVERTY_ATTRIBUTES,
  identificationStandard: IDENTIFICATION_STANDARDS,
  mainCause: POVERTY_CAUSES,
  secondaryCauses: POVERTY_CAUSES,
  status: POVERTY_STATUSES,
  dangerousHouseGrade: DANGEROUS_HOUSE_GRADES,
  fuel: FUEL_TYPES,
};

/** Which code list labels each coded member field. */
export const MEMBER_FIELD_CODES: Record<string, CodeList<string>> = {
  relation: RELATIONS,
  ethnicity: ETHNICITIES,
  education: EDUCATION_LEVELS,
  schoolingStatus: SCHOOLING_STATUSES,
  health: HEALTH_STATUSES,
  disabilityGrade: DISABILITY_GRADES,
  labourAbility: LABOUR_ABILITIES,
  workPlace: WORK_PLACES,
  status: MEMBER_STATUSES,
};
