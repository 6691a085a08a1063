import type { PhoneHousehold, VisitDraft } from "../../../../shared/api/visits.api.js";
import type { IncomeDraft } from "../../../../shared/household-draft.js";
import type { ConditionChanges, HouseholdChanges } from "../../../../shared/visit-changes.js";
import type { EpidemicStatus, ProblemKind, VisitKind } from "../../../../shared/visit-codes.js";

/** What the visit form holds. */
export interface VisitFormValues {
  kind: VisitKind;
  visitedOn: string;
  metWith: string;
  answers?: Record<string, boolean | string | undefined>;
  indicators?: Record<string, { isMet?: boolean; note?: string }>;
  statuses?: Record<string, { status?: EpidemicStatus; since?: string; until?: string }>;
  problems?: { kind: ProblemKind; note?: string }[];
  livingConditions?: string;
  assistanceGiven?: string;
  assistancePlanned?: string;
  isIncomeUpdated?: boolean;
  income?: Partial<Record<Exclude<keyof IncomeDraft, "year" | "transfer">, number | null>>;
  isConditionsUpdated?: boolean;
  conditions?: ConditionChanges;
}

const INCOME_PARTS = ["pension", "dibao", "tekun", "ecoCompensation", "otherTransfer"] as const;

/**
 * The visit as the server takes it. Only fields the caseworker actually changed become registry
 * changes, against the household version the phone holds.
 */
export function visitDraftOf(
  values: VisitFormValues,
  context: {
    id: string;
    household: PhoneHousehold;
    campaignId: string | null;
    photos: VisitDraft["photos"];
    location: VisitDraft["location"];
    recordedAt: string;
  },
): VisitDraft {
  const { household } = context;
  const changes: HouseholdChanges = { baseVersion: household.version };
  if (values.isIncomeUpdated && values.income) {
    const amount = (key: keyof NonNullable<VisitFormValues["income"]>) => Number(values.income?.[key] ?? 0);
    const cents = INCOME_PARTS.reduce((total, key) => total + Math.round(amount(key) * 100), 0);
    changes.income = {
      year: household.income.year,
      wage: amount("wage"),
      business: amount("business"),
      property: amount("property"),
      transfer: cents / 100,
      pension: amount("pension"),
      dibao: amount("dibao"),
      tekun: amount("tekun"),
      ecoCompensation: amount("ecoCompensation"),
      otherTransfer: amount("otherTransfer"),
      businessCosts: amount("businessCosts"),
    };
  }
  if (values.isConditionsUpdated && values.conditions) {
    const changed = Object.entries(values.conditions).filter(
      ([key, value]) => value !== undefined && household.conditions[key as keyof ConditionChanges] !== value,
    );
    if (changed.length > 0) changes.conditions = Object.fromEntries(changed) as ConditionChanges;
  }
  const hasChanges = changes.income !== undefined || changes.conditions !== undefined;
  return {
    id: context.id,
    householdId: household.id,
    kind: values.kind,
    visitedOn: values.visitedOn,
    metWith: values.metWith.trim(),
    indicators: Object.entries(values.indicators ?? {})
      .filter(([, answer]) => answer?.isMet !== undefined)
      .map(([code, answer]) => ({ code, isMet: answer.isMet === true, note: answer.note?.trim() ?? "" })),
    livingConditions: values.livingConditions?.trim() ?? "",
    problems: (values.problems ?? [])
      .filter(Boolean)
      .map((p) => ({ kind: p.kind, note: p.note?.trim() ?? "" })),
    assistanceGiven: values.assistanceGiven?.trim() ?? "",
    assistancePlanned: values.assistancePlanned?.trim() ?? "",
    memberStatuses: Object.entries(values.statuses ?? {})
      .filter(([, s]) => s?.status !== undefined)
      .map(([memberId, s]) => ({
        memberId,
        status: s.status!,
        since: s.status === "none" ? null : s.since || null,
        until: s.status === "released" ? s.until || null : null,
      })),
    photos: context.photos,
    location: context.location,
    ...(hasChanges ? { changes } : {}),
    campaignId: context.campaignId,
    answers: Object.entries(values.answers ?? {})
      .filter(([, value]) => value !== undefined && value !== "")
      .map(([code, value]) => ({ code, value: typeof value === "string" ? value.trim() : value! })),
    recordedAt: context.recordedAt,
  };
}
