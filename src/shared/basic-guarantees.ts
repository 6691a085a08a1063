import type { HouseholdDraft, MemberDraft } from "./household-draft.js";
import { activeMembers, memberAge, perCapitaNetIncome } from "./household-income.js";

// 两不愁三保障 plus safe drinking water: the conditions a household must meet to be counted lifted
// out of poverty, and whose holding is the test for eliminating a monitored household's risk.
// Each is derived from the household as entered, as a traffic light with the reasons behind it.

/**
 * The 2020 national poverty line in current prices, yuan per person per year: the 2010 standard of
 * 2,300 yuan, adjusted by price indices, came to about 4,000 yuan in 2020.
 */
export const POVERTY_LINE_2020 = 4000;

/** 1.5× the poverty line: the 2020 income ceiling for marginal households under monitoring. */
export const MONITORING_LINE_2020 = 6000;

/** Ages of nine-year compulsory education (义务教育), inclusive. */
export const COMPULSORY_SCHOOL_AGES = { from: 6, to: 15 } as const;

/** One of the basic guarantees. */
export type Guarantee = "food_clothing" | "education" | "medical" | "housing" | "water";

/** Green: met. Yellow: met but at risk. Red: not met. */
export type GuaranteeLight = "green" | "yellow" | "red";

/** Why a guarantee is not green, in both languages; memberIndex points into draft.members. */
export interface GuaranteeReason {
  code: string;
  zh: string;
  en: string;
  memberIndex?: number;
}

/** The light of one guarantee and every reason found (the light is the worst of them). */
export interface GuaranteeAssessment {
  guarantee: Guarantee;
  light: GuaranteeLight;
  reasons: GuaranteeReason[];
}

type Reason = GuaranteeReason & { light: "yellow" | "red" };

function assessment(guarantee: Guarantee, found: readonly Reason[]): GuaranteeAssessment {
  const light = found.some((r) => r.light === "red") ? "red" : found.length > 0 ? "yellow" : "green";
  return { guarantee, light, reasons: found.map(({ light: _light, ...reason }) => reason) };
}

/** Active members with their index in draft.members (which the UI points at) and age (null if unknown). */
function activeWithAges(draft: HouseholdDraft, today: Date) {
  return draft.members
    .map((member, index) => ({ member, index, age: memberAge(member, today) }))
    .filter(({ member }) => member.status === "active");
}

const isOutOfSchool = (member: MemberDraft) =>
  member.schoolingStatus === "not_in_school" || member.schoolingStatus === "dropped_out";

function foodClothing(draft: HouseholdDraft): GuaranteeAssessment {
  const perCapita = perCapitaNetIncome(draft.income, activeMembers(draft.members).length);
  if (perCapita === null) {
    // Only a household with nobody in it gets here, and such a household cannot be saved.
    return assessment("food_clothing", [
      {
        light: "yellow",
        code: "per_capita_unknown",
        zh: "无在户成员，无法计算人均纯收入",
        en: "No member lives in the household, so per-capita income cannot be computed",
      },
    ]);
  }
  const amount = perCapita.toFixed(2);
  if (perCapita < POVERTY_LINE_2020) {
    return assessment("food_clothing", [
      {
        light: "red",
        code: "below_poverty_line",
        zh: `人均纯收入 ${amount} 元，低于贫困线 ${POVERTY_LINE_2020} 元`,
        en: `Per-capita net income of ${amount} yuan is below the poverty line of ${POVERTY_LINE_2020} yuan`,
      },
    ]);
  }
  if (perCapita < MONITORING_LINE_2020) {
    return assessment("food_clothing", [
      {
        light: "yellow",
        code: "below_monitoring_line",
        zh: `人均纯收入 ${amount} 元，低于监测线 ${MONITORING_LINE_2020} 元（贫困线的1.5倍）`,
        en: `Per-capita net income of ${amount} yuan is below the monitoring line of ${MONITORING_LINE_2020} yuan (1.5× the poverty line)`,
      },
    ]);
  }
  return assessment("food_clothing", []);
}

function education(draft: HouseholdDraft, today: Date): GuaranteeAssessment {
  const found: Reason[] = [];
  for (const { member, index, age } of activeWithAges(draft, today)) {
    if (age === null) continue;
    if (age >= COMPULSORY_SCHOOL_AGES.from && age <= COMPULSORY_SCHOOL_AGES.to && isOutOfSchool(member)) {
      const dropped = member.schoolingStatus === "dropped_out";
      found.push({
        light: "red",
        code: "compulsory_education_missed",
        zh: `${member.name}（${age}岁）${dropped ? "辍学" : "未在校"}，义务教育未保障`,
        en: `${member.name} (aged ${age}) is ${dropped ? "a dropout" : "not in school"} during compulsory education`,
        memberIndex: index,
      });
    } else if (age >= 16 && age <= 18 && member.schoolingStatus === "dropped_out") {
      found.push({
        light: "yellow",
        code: "dropped_out_16_18",
        zh: `${member.name}（${age}岁）已辍学`,
        en: `${member.name} (aged ${age}) has dropped out of school`,
        memberIndex: index,
      });
    }
  }
  return assessment("education", found);
}

function medical(draft: HouseholdDraft, today: Date): GuaranteeAssessment {
  const found: Reason[] = [];
  for (const { member, index } of activeWithAges(draft, today)) {
    if (!member.hasBasicMedicalInsurance) {
      found.push({
        light: "red",
        code: "no_basic_medical_insurance",
        zh: `${member.name}未参加基本医疗保险`,
        en: `${member.name} has no basic medical insurance`,
        memberIndex: index,
      });
    }
    if (member.health === "serious" && !member.hasSeriousIllnessInsurance) {
      found.push({
        light: "yellow",
        code: "no_serious_illness_insurance",
        zh: `${member.name}患有大病，未参加大病保险`,
        en: `${member.name} has a serious illness but no serious-illness insurance`,
        memberIndex: index,
      });
    }
  }
  return assessment("medical", found);
}

function housing(draft: HouseholdDraft): GuaranteeAssessment {
  const grade = draft.dangerousHouseGrade;
  if (grade === "c" || grade === "d") {
    // C: part of the house is dangerous (局部危房); D: the whole house is (整栋危房).
    const whole = grade === "d";
    return assessment("housing", [
      {
        light: "red",
        code: "dangerous_house",
        zh: `住房为${whole ? "D级（整栋危房）" : "C级（局部危房）"}`,
        en: `The house is rated dangerous: ${whole ? "grade D (whole house)" : "grade C (part of the house)"}`,
      },
    ]);
  }
  if (grade === "b") {
    return assessment("housing", [
      {
        light: "yellow",
        code: "house_grade_b",
        zh: "住房为B级（基本安全，个别构件有危险）",
        en: "The house is rated grade B (basically safe, some parts unsafe)",
      },
    ]);
  }
  return assessment("housing", []);
}

function water(draft: HouseholdDraft): GuaranteeAssessment {
  if (!draft.isDrinkingWaterSafe) {
    return assessment("water", [
      { light: "red", code: "water_unsafe", zh: "饮水不安全", en: "Drinking water is not safe" },
    ]);
  }
  if (draft.hasWaterDifficulty) {
    return assessment("water", [
      {
        light: "yellow",
        code: "water_difficulty",
        zh: "饮水安全但取水困难",
        en: "Drinking water is safe but hard to get",
      },
    ]);
  }
  return assessment("water", []);
}

/** The five basic guarantees of a household at `today` (ages come from ID numbers), in a fixed order. */
export function assessGuarantees(draft: HouseholdDraft, today: Date): GuaranteeAssessment[] {
  return [foodClothing(draft), education(draft, today), medical(draft, today), housing(draft), water(draft)];
}
