import type { HouseholdDetail } from "../../../../shared/api/households.api.js";
import { emptyIncome } from "../../../../shared/household-income.js";
import type { HouseholdFormValues } from "./HouseholdFormValues.js";

/**
 * The edit form of a saved household. Personal fields arrive masked and are put in the form as they
 * are: sent back unchanged they mean "keep". The income shown is the latest year on record, so that
 * saving an edit never invents a zero year.
 */
export function formValuesOfHousehold(household: HouseholdDetail): HouseholdFormValues {
  const {
    id: _id,
    countyCode: _countyCode,
    regionName: _regionName,
    regionPath: _regionPath,
    incomes,
    guarantees: _guarantees,
    findings: _findings,
    caseworkers: _caseworkers,
    version: _version,
    updatedAt: _updatedAt,
    members,
    ...fields
  } = household;
  const latest = [...incomes].sort((a, b) => b.year - a.year)[0];
  const {
    memberCount: _memberCount,
    perCapitaIncome: _perCapita,
    ...income
  } = latest ?? { ...emptyIncome(new Date().getFullYear()), memberCount: 0, perCapitaIncome: null };
  return {
    ...fields,
    phone: fields.phone ?? "",
    bankAccount: fields.bankAccount ?? "",
    members: members.map(({ birthDate: _birthDate, age: _age, version: _memberVersion, ...member }) => ({
      ...member,
      phone: member.phone ?? "",
      disabilityGrade: member.disabilityGrade ?? undefined,
    })),
    income,
    reason: "",
  };
}
