import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import { assessGuarantees } from "../../../shared/basic-guarantees.js";
import type { HouseholdDraft, MemberDraft } from "../../../shared/household-draft.js";
import { ageOn } from "../../../shared/household-income.js";
import { maskIdNumber, maskPhone } from "../../../shared/id-number.js";

/** A member as stored in a version snapshot: the draft plus its id and the birth date from the ID. */
export type StoredMember = MemberDraft & { id: string; birthDate: string; version?: number };

/** What each household version stores: the whole household as entered, with member ids. */
export interface HouseholdSnapshot {
  id: string;
  countyCode: string;
  household: Omit<HouseholdDraft, "members"> & { members: StoredMember[] };
}

export function maskBankAccount(account: string): string {
  return account.length <= 4 ? "****" : `${"*".repeat(account.length - 4)}${account.slice(-4)}`;
}

/** A snapshot with ID numbers, phones and the bank account masked, for lists, details and timelines. */
export function maskSnapshot(snapshot: HouseholdSnapshot): HouseholdSnapshot {
  const household = snapshot.household;
  return {
    ...snapshot,
    household: {
      ...household,
      phone: household.phone ? maskPhone(household.phone) : null,
      bankAccount: household.bankAccount ? maskBankAccount(household.bankAccount) : null,
      members: household.members.map((member) => ({
        ...member,
        idNumber: maskIdNumber(member.idNumber),
        phone: member.phone ? maskPhone(member.phone) : null,
      })),
    },
  };
}

export interface DetailExtras {
  regionName: string;
  regionPath: string;
  version: number;
  updatedAt: Date;
  incomes: HouseholdDetail["incomes"];
  findings: HouseholdDetail["findings"];
  caseworkers: HouseholdDetail["caseworkers"];
  memberVersions: Map<string, number>;
}

/**
 * The API detail of a household from a snapshot and what lives beside it. Guarantees are assessed
 * on the full data (ages come from ID numbers); personal fields are masked in what is returned.
 */
export function presentDetail(
  snapshot: HouseholdSnapshot,
  extras: DetailExtras,
  today: Date,
): HouseholdDetail {
  const guarantees = assessGuarantees(snapshot.household, today);
  const { members, income: _income, ...household } = maskSnapshot(snapshot).household;
  return {
    ...household,
    id: snapshot.id,
    countyCode: snapshot.countyCode,
    regionName: extras.regionName,
    regionPath: extras.regionPath,
    members: members.map((member) => ({
      ...member,
      age: ageOn(member.birthDate, today),
      version: extras.memberVersions.get(member.id) ?? 1,
    })),
    incomes: extras.incomes,
    guarantees,
    findings: extras.findings,
    caseworkers: extras.caseworkers,
    version: extras.version,
    updatedAt: extras.updatedAt.toISOString(),
  };
}
