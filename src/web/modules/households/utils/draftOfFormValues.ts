import type { HouseholdDraft, MemberDraft } from "../../../../shared/household-draft.js";
import { transferPartsTotal } from "../../../../shared/household-income.js";
import type { HouseholdFormValues, MemberFormValues } from "./HouseholdFormValues.js";

const orNull = (text: string | null | undefined) => {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
};
const amount = (value: number | null | undefined) =>
  typeof value === "number" && Number.isFinite(value) ? value : 0;

function memberDraftOf(member: MemberFormValues): MemberDraft {
  // Unchosen codes go to the server as they are; its field-by-field answer names them.
  return {
    ...member,
    name: member.name.trim(),
    idNumber: member.idNumber.trim(),
    phone: orNull(member.phone),
    disabilityGrade: member.disabilityGrade ?? null,
    workMonths: amount(member.workMonths),
  } as MemberDraft;
}

/** The draft the API takes, from the form: trimmed text, empty text as null, transfer income as the sum of its parts. */
export function draftOfFormValues(values: HouseholdFormValues): HouseholdDraft {
  const { reason: _reason, members, income, ...fields } = values;
  const cleanIncome = {
    year: amount(income.year),
    wage: amount(income.wage),
    business: amount(income.business),
    property: amount(income.property),
    transfer: 0,
    pension: amount(income.pension),
    dibao: amount(income.dibao),
    tekun: amount(income.tekun),
    ecoCompensation: amount(income.ecoCompensation),
    otherTransfer: amount(income.otherTransfer),
    businessCosts: amount(income.businessCosts),
  };
  return {
    ...fields,
    regionCode: fields.regionCode ?? "",
    householdNumber: fields.householdNumber.trim(),
    address: fields.address.trim(),
    phone: orNull(fields.phone),
    bankAccount: orNull(fields.bankAccount),
    // The year lifted is asked only once a household has been lifted; a hidden stale value is dropped.
    liftedYear: fields.status === "not_lifted" ? null : (fields.liftedYear ?? null),
    cultivatedLandMu: amount(fields.cultivatedLandMu),
    forestLandMu: amount(fields.forestLandMu),
    houseAreaM2: amount(fields.houseAreaM2),
    members: members.map(memberDraftOf),
    income: { ...cleanIncome, transfer: transferPartsTotal(cleanIncome) },
  } as HouseholdDraft;
}
