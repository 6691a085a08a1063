import type { HouseholdDraft, IncomeDraft, MemberDraft } from "../../../../shared/household-draft.js";

/**
 * One member as the form holds it: text fields are strings ("" for none) and unchosen codes are
 * undefined, so that the inputs show their placeholders; draftOfFormValues turns it into a draft.
 */
export type MemberFormValues = Omit<
  MemberDraft,
  "phone" | "disabilityGrade" | "sex" | "relation" | "education" | "labourAbility"
> & {
  phone: string;
  disabilityGrade?: MemberDraft["disabilityGrade"] | undefined;
  sex?: MemberDraft["sex"] | undefined;
  relation?: MemberDraft["relation"] | undefined;
  education?: MemberDraft["education"] | undefined;
  labourAbility?: MemberDraft["labourAbility"] | undefined;
};

/** The household form: the draft's fields in form shape, plus the reason for the change. */
export type HouseholdFormValues = Omit<
  HouseholdDraft,
  "regionCode" | "phone" | "bankAccount" | "liftedYear" | "mainCause" | "fuel" | "members" | "income"
> & {
  regionCode?: string | undefined;
  phone: string;
  bankAccount: string;
  liftedYear?: number | null | undefined;
  mainCause?: HouseholdDraft["mainCause"] | undefined;
  fuel?: HouseholdDraft["fuel"] | undefined;
  members: MemberFormValues[];
  income: IncomeDraft;
  reason: string;
};
