import type { IncomeDraft, MemberDraft } from "./household-draft.js";
import { parseIdNumber } from "./id-number.js";

// Figures derived from a household as entered: who counts as a member, per-capita net income
// (人均纯收入) and ages. Money is added in integer cents because yuan amounts such as 0.1 + 0.2 do
// not add up exactly in floating point, and a one-cent drift would trip the transfer-sum check.

function toCents(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Rounds half away from zero, so that -12.345 and 12.345 round alike, and never yields -0. */
function roundHalfAwayFromZero(value: number): number {
  const rounded = Math.sign(value) * Math.round(Math.abs(value));
  return rounded === 0 ? 0 : rounded;
}

/** Members still living in the household: moved-out and deceased members are not counted. */
export function activeMembers<M extends Pick<MemberDraft, "status">>(members: readonly M[]): M[] {
  return members.filter((member) => member.status === "active");
}

/** Pension + dibao + tekun + ecological compensation + other transfers, in yuan, added cent by cent. */
export function transferPartsTotal(income: IncomeDraft): number {
  const cents =
    toCents(income.pension) +
    toCents(income.dibao) +
    toCents(income.tekun) +
    toCents(income.ecoCompensation) +
    toCents(income.otherTransfer);
  return cents / 100;
}

function netIncomeCents(income: IncomeDraft): number {
  return (
    toCents(income.wage) +
    toCents(income.business) +
    toCents(income.property) +
    toCents(income.transfer) -
    toCents(income.businessCosts)
  );
}

/** Net income (wage + business + property + transfer − business costs) of the household, in yuan. */
export function netIncome(income: IncomeDraft): number {
  return netIncomeCents(income) / 100;
}

/** Per-capita net income (人均纯收入) in yuan to 2 decimals; null when nobody is counted. */
export function perCapitaNetIncome(income: IncomeDraft, memberCount: number): number | null {
  if (!(memberCount > 0)) return null;
  return roundHalfAwayFromZero(netIncomeCents(income) / memberCount) / 100;
}

/** Completed years between an ISO birth date (YYYY-MM-DD) and `today`, by UTC calendar date. */
export function ageOn(birthDate: string, today: Date): number {
  if (!(birthDate.length === 10 && birthDate[4] === "-" && birthDate[7] === "-")) {
    const [year, month, day] = birthDate.split("-").map(Number) as [number, number, number];
    return yearsSince(year, month, day, today);
  }
  // Read digit by digit: an import asks this of every person several times.
  const digit = (at: number) => birthDate.charCodeAt(at) - 48;
  return yearsSince(
    digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3),
    digit(5) * 10 + digit(6),
    digit(8) * 10 + digit(9),
    today,
  );
}

function yearsSince(year: number, month: number, day: number, today: Date): number {
  const beforeBirthday =
    today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  return today.getUTCFullYear() - year - (beforeBirthday ? 1 : 0);
}

/** A member's age at `today`, read from the ID number's birth date; null when the ID does not parse. */
export function memberAge(member: Pick<MemberDraft, "idNumber">, today: Date): number | null {
  const parsed = parseIdNumber(member.idNumber, today);
  return parsed.ok ? ageOn(parsed.birthDate, today) : null;
}

/** A year's income account with every amount zero (a new household, a year not yet recorded). */
export function emptyIncome(year: number): IncomeDraft {
  return {
    year,
    wage: 0,
    business: 0,
    property: 0,
    transfer: 0,
    pension: 0,
    dibao: 0,
    tekun: 0,
    ecoCompensation: 0,
    otherTransfer: 0,
    businessCosts: 0,
  };
}
