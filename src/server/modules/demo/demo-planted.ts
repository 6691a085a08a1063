import type { IncomeDraft, MemberDraft } from "../../../shared/household-draft.js";
import { perCapitaNetIncome } from "../../../shared/household-income.js";
import { chance, inSchool, MONTHLY_WAGE, round10, round100, toCents, type Weights } from "./demo-members.js";
import type { Random } from "./synthetic-people.js";

// What the demo households are shaped by beyond their members: the soft findings planted on
// purpose (about one household in fifteen, the kinds counties find in 数据比对), and the year's
// income account (wages from work, then raised or lowered to the household's income band).

// ---------------------------------------------------------------------------------------------
// Soft findings planted on purpose: at most one kind per household (where it fits the household)

export type Planted =
  | "none"
  | "business_without_costs"
  | "lifted_below_poverty_line"
  | "compulsory_education_at_risk"
  | "worker_without_wage"
  | "work_place_without_months"
  | "work_months_without_place"
  | "labour_ability_implausible"
  | "general_with_assistance"
  | "dibao_without_amount"
  | "working_without_labour_ability"
  | "schooling_age_implausible"
  | "child_labour_ability"
  | "per_capita_income_too_high";

export const PLANTED: Weights<Planted> = {
  none: 850,
  business_without_costs: 22,
  lifted_below_poverty_line: 16,
  compulsory_education_at_risk: 20,
  worker_without_wage: 10,
  work_place_without_months: 9,
  work_months_without_place: 9,
  labour_ability_implausible: 8,
  general_with_assistance: 6,
  dibao_without_amount: 6,
  working_without_labour_ability: 5,
  schooling_age_implausible: 4,
  child_labour_ability: 4,
  per_capita_income_too_high: 2,
};

export type DemoMember = MemberDraft & { age: number };

export function plantOnMembers(random: Random, planted: Planted, members: DemoMember[]): void {
  const pick = (test: (m: DemoMember) => boolean) => {
    const candidates = members.filter((m) => m.status === "active" && test(m));
    return candidates.length > 0 ? random.pick(candidates) : undefined;
  };
  const adultAtHome = (m: DemoMember) =>
    m.age >= 18 && m.age <= 55 && !inSchool(m) && m.health === "healthy" && m.workPlace === "none";
  switch (planted) {
    case "compulsory_education_at_risk": {
      const child = pick((m) => m.age >= 7 && m.age <= 14);
      if (child) child.schoolingStatus = chance(random, 0.6) ? "dropped_out" : "not_in_school";
      return;
    }
    case "labour_ability_implausible": {
      const adult = pick(adultAtHome);
      if (adult) adult.labourAbility = "lost";
      return;
    }
    case "work_place_without_months": {
      const worker = pick((m) => m.workPlace !== "none");
      if (worker) worker.workMonths = 0;
      return;
    }
    case "work_months_without_place": {
      const adult = pick(adultAtHome);
      if (adult) adult.workMonths = random.int(2, 6);
      return;
    }
    case "working_without_labour_ability": {
      const frail = pick(
        (m) =>
          m.age >= 16 &&
          m.age <= 65 &&
          (m.labourAbility === "lost" || m.labourAbility === "none") &&
          !inSchool(m),
      );
      if (frail) Object.assign(frail, { workPlace: "in_township", workMonths: random.int(3, 6) });
      return;
    }
    case "schooling_age_implausible": {
      // A record never updated since primary school.
      const adult = pick((m) => m.age >= 20 && m.age <= 30 && !inSchool(m));
      if (adult) adult.schoolingStatus = "primary";
      return;
    }
    case "child_labour_ability": {
      const child = pick((m) => m.age >= 10 && m.age <= 15);
      if (child) child.labourAbility = "ordinary";
      return;
    }
    default:
      return;
  }
}

// ---------------------------------------------------------------------------------------------
// Income (one year's account, yuan)

export function wageOf(random: Random, members: readonly DemoMember[]): { wage: number; workers: number } {
  let wage = 0;
  let workers = 0;
  for (const m of members) {
    if (m.status !== "active" || m.workPlace === "none") continue;
    workers += 1;
    const [low, high] = MONTHLY_WAGE[m.workPlace];
    const monthly = random.int(low, high) * (m.labourAbility === "weak" ? 0.6 : 1);
    // Someone recorded with a place but no months still earned something (that is the finding).
    wage += round100(monthly * Math.max(m.workMonths, 1));
  }
  return { wage, workers };
}

export function withTransfer(income: Omit<IncomeDraft, "transfer">): IncomeDraft {
  const parts = [income.pension, income.dibao, income.tekun, income.ecoCompensation, income.otherTransfer];
  return { ...income, transfer: parts.reduce((sum, yuan) => sum + toCents(yuan), 0) / 100 };
}

/** Raises the household's net income to `target` per head: farming and sideline business when someone can work, support otherwise. */
export function raiseTo(income: IncomeDraft, active: number, target: number, canWork: boolean): IncomeDraft {
  const pc = perCapitaNetIncome(income, active) ?? 0;
  if (pc >= target) return income;
  const deficit = Math.ceil((target - pc) * active);
  if (!canWork)
    return withTransfer({ ...income, otherTransfer: round10(income.otherTransfer + deficit + 10) });
  const added = round10(deficit / 0.7 + 10);
  return {
    ...income,
    business: income.business + added,
    businessCosts: income.businessCosts + round10(added * 0.3),
  };
}

/** Lowers the household's earned income (never to nothing) so that net income per head is about `target`. */
export function lowerTo(income: IncomeDraft, active: number, target: number, workers: number): IncomeDraft {
  const pc = perCapitaNetIncome(income, active) ?? 0;
  if (pc <= target) return income;
  const earned = income.wage + income.business - income.businessCosts;
  if (earned <= 0) return income;
  const ratio = Math.max(0.1, 1 - ((pc - target) * active) / earned);
  const wage = workers > 0 ? Math.max(100 * workers, round100(income.wage * ratio)) : 0;
  const business = income.business > 0 ? Math.max(100, round10(income.business * ratio)) : 0;
  const businessCosts = income.businessCosts > 0 ? Math.max(10, round10(income.businessCosts * ratio)) : 0;
  return { ...income, wage, business, businessCosts };
}
