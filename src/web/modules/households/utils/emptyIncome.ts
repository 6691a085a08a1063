import type { IncomeDraft } from "../../../../shared/household-draft.js";

/** A year's income account with every amount zero. */
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
