import { describe, expect, it } from "vitest";
import {
  assessGuarantees,
  type Guarantee,
  type GuaranteeAssessment,
  MONITORING_LINE_2020,
  POVERTY_LINE_2020,
} from "./basic-guarantees.js";
import { household, TODAY, withIncome, withMember, withMembers } from "./household.fixture.js";
import type { HouseholdDraft } from "./household-draft.js";

const base = household();

function assess(draft: HouseholdDraft, guarantee: Guarantee): GuaranteeAssessment {
  return assessGuarantees(draft, TODAY).find((g) => g.guarantee === guarantee)!;
}
const lightOf = (draft: HouseholdDraft, guarantee: Guarantee) => assess(draft, guarantee).light;

describe("assessGuarantees", () => {
  it("gives all five guarantees, green with no reasons, for a household that meets them", () => {
    expect(assessGuarantees(base, TODAY)).toEqual(
      ["food_clothing", "education", "medical", "housing", "water"].map((guarantee) => ({
        guarantee,
        light: "green",
        reasons: [],
      })),
    );
  });

  it("keeps the monitoring line at 1.5× the poverty line", () => {
    expect(MONITORING_LINE_2020).toBe(POVERTY_LINE_2020 * 1.5);
  });
});

describe("food and clothing", () => {
  // Base per-capita net income is (wage + 4,500) ÷ 4.
  const perCapita = (amount: number) => withIncome(base, { wage: amount * 4 - 4500 });

  it("is red below the poverty line", () => {
    const { light, reasons } = assess(perCapita(3999.75), "food_clothing");
    expect(light).toBe("red");
    expect(reasons).toEqual([
      expect.objectContaining({ code: "below_poverty_line", zh: expect.stringContaining("3999.75") }),
    ]);
  });

  it("is yellow from the poverty line up to the monitoring line", () => {
    expect(lightOf(perCapita(4000), "food_clothing")).toBe("yellow");
    expect(lightOf(perCapita(5999.75), "food_clothing")).toBe("yellow");
    expect(assess(perCapita(4000), "food_clothing").reasons[0]!.code).toBe("below_monitoring_line");
  });

  it("is green from the monitoring line", () => {
    expect(lightOf(perCapita(6000), "food_clothing")).toBe("green");
  });

  it("counts only the members who live in the household", () => {
    // 34,500 ÷ 4 = 8,625 but ÷ 6 = 5,750: the two moved out must not dilute the income.
    const withLeavers = {
      ...base,
      members: [
        ...base.members,
        ...base.members.slice(0, 2).map((m) => ({ ...m, status: "moved_out" as const })),
      ],
    };
    expect(lightOf(withLeavers, "food_clothing")).toBe("green");
  });
});

describe("education", () => {
  it("is red when a child of 6–15 is out of school, pointing at the child", () => {
    const { light, reasons } = assess(withMember(base, 2, { schoolingStatus: "dropped_out" }), "education");
    expect(light).toBe("red");
    expect(reasons).toEqual([
      expect.objectContaining({ code: "compulsory_education_missed", memberIndex: 2 }),
    ]);
    expect(
      lightOf(
        withMember(base, 2, { birthDate: "2014-06-30", schoolingStatus: "not_in_school" }),
        "education",
      ),
    ).toBe("red");
  });

  it("is green for a child under 6 not yet in school", () => {
    expect(
      lightOf(
        withMember(base, 2, { birthDate: "2014-07-01", schoolingStatus: "not_in_school" }),
        "education",
      ),
    ).toBe("green");
  });

  it("is yellow when a member of 16–18 has dropped out", () => {
    const droppedOut = (birthDate: string) =>
      lightOf(withMember(base, 2, { birthDate, schoolingStatus: "dropped_out" }), "education");
    expect(droppedOut("2004-07-01")).toBe("red"); // 15
    expect(droppedOut("2004-06-30")).toBe("yellow"); // 16
    expect(droppedOut("2002-01-01")).toBe("yellow"); // 18
    expect(droppedOut("2001-06-30")).toBe("green"); // 19
  });

  it("ignores a child who has moved out", () => {
    expect(
      lightOf(withMember(base, 2, { schoolingStatus: "dropped_out", status: "moved_out" }), "education"),
    ).toBe("green");
  });

  it("lists every reason and takes the worst light", () => {
    const draft = withMembers(
      base,
      [2, { schoolingStatus: "not_in_school" }],
      [1, { birthDate: "2003-01-01", schoolingStatus: "dropped_out", relation: "daughter" }],
    );
    const { light, reasons } = assess(draft, "education");
    expect(light).toBe("red");
    expect(reasons.map((r) => [r.code, r.memberIndex])).toEqual([
      ["dropped_out_16_18", 1],
      ["compulsory_education_missed", 2],
    ]);
  });
});

describe("medical", () => {
  it("is red when a member lacks basic medical insurance", () => {
    const { light, reasons } = assess(withMember(base, 3, { hasBasicMedicalInsurance: false }), "medical");
    expect(light).toBe("red");
    expect(reasons).toEqual([
      {
        code: "no_basic_medical_insurance",
        zh: "王桂兰未参加基本医疗保险",
        en: "王桂兰 has no basic medical insurance",
        memberIndex: 3,
      },
    ]);
  });

  it("is yellow when a seriously ill member lacks serious-illness insurance", () => {
    expect(
      lightOf(withMember(base, 3, { health: "serious", hasSeriousIllnessInsurance: false }), "medical"),
    ).toBe("yellow");
  });

  it("is green when only a member without serious illness lacks serious-illness insurance", () => {
    expect(lightOf(withMember(base, 3, { hasSeriousIllnessInsurance: false }), "medical")).toBe("green");
    expect(
      lightOf(withMember(base, 3, { hasBasicMedicalInsurance: false, status: "deceased" }), "medical"),
    ).toBe("green");
  });
});

describe("housing", () => {
  it.each([
    ["none", "green"],
    ["a", "green"],
    ["b", "yellow"],
    ["c", "red"],
    ["d", "red"],
  ] as const)("is %s grade → %s", (dangerousHouseGrade, light) => {
    expect(lightOf(household({ dangerousHouseGrade }), "housing")).toBe(light);
  });
});

describe("water", () => {
  it("is red when drinking water is unsafe, yellow when safe but hard to get, green otherwise", () => {
    expect(lightOf(household({ isDrinkingWaterSafe: false, hasWaterDifficulty: true }), "water")).toBe("red");
    expect(lightOf(household({ isDrinkingWaterSafe: false }), "water")).toBe("red");
    expect(lightOf(household({ hasWaterDifficulty: true }), "water")).toBe("yellow");
    expect(lightOf(household(), "water")).toBe("green");
  });
});
