import { describe, expect, it } from "vitest";
import { household, idFor, member, TODAY, withIncome } from "./household.fixture.js";
import {
  activeMembers,
  ageOn,
  memberAge,
  netIncome,
  perCapitaNetIncome,
  transferPartsTotal,
} from "./household-income.js";

const { income } = household();

describe("perCapitaNetIncome", () => {
  it("divides wage + business + property + transfer − business costs by the members", () => {
    // (30,000 + 2,000 + 0 + 3,000 − 500) ÷ 4
    expect(netIncome(income)).toBe(34500);
    expect(perCapitaNetIncome(income, 4)).toBe(8625);
  });

  it("rounds to two decimals", () => {
    const thirds = { ...income, wage: 100, business: 0, property: 0, transfer: 0, businessCosts: 0 };
    expect(perCapitaNetIncome(thirds, 3)).toBe(33.33);
    expect(perCapitaNetIncome({ ...thirds, wage: 200 }, 3)).toBe(66.67);
  });

  it("adds in cents, so amounts like 0.1 + 0.2 do not drift", () => {
    const cents = { ...income, wage: 0.1, business: 0.2, property: 0, transfer: 0, businessCosts: 0 };
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(netIncome(cents)).toBe(0.3);
    expect(perCapitaNetIncome(cents, 1)).toBe(0.3);
    expect(perCapitaNetIncome({ ...income, wage: 10000.07, businessCosts: 0.07 }, 1)).toBe(15000);
  });

  it("rounds a loss the same way as a gain, and never to -0", () => {
    const loss = { ...income, wage: 0, business: 0, property: 0, transfer: 0, businessCosts: 100 };
    expect(perCapitaNetIncome(loss, 3)).toBe(-33.33);
    expect(perCapitaNetIncome({ ...loss, businessCosts: 0.01 }, 3)).toBe(0);
    expect(Object.is(perCapitaNetIncome({ ...loss, businessCosts: 0.01 }, 3), 0)).toBe(true);
  });

  it("is null when nobody is counted", () => {
    expect(perCapitaNetIncome(income, 0)).toBeNull();
  });
});

describe("transferPartsTotal", () => {
  it("adds pension, dibao, tekun, ecological compensation and other transfers", () => {
    expect(transferPartsTotal(income)).toBe(3000);
    const parts = withIncome(household(), {
      pension: 1200.1,
      dibao: 0.2,
      tekun: 0,
      ecoCompensation: 0.7,
    }).income;
    expect(transferPartsTotal(parts)).toBe(2201);
  });
});

describe("activeMembers", () => {
  it("keeps only members who live in the household", () => {
    const members = [
      member({ name: "在户" }),
      member({ name: "迁出", status: "moved_out" }),
      member({ name: "死亡", status: "deceased" }),
    ];
    expect(activeMembers(members).map((m) => m.name)).toEqual(["在户"]);
  });
});

describe("ages", () => {
  it("counts completed years on the UTC calendar date", () => {
    expect(ageOn("2004-06-30", TODAY)).toBe(16);
    expect(ageOn("2004-07-01", TODAY)).toBe(15);
    expect(ageOn("2000-02-29", new Date("2021-02-28T00:00:00Z"))).toBe(20);
    expect(ageOn("2000-02-29", new Date("2021-03-01T00:00:00Z"))).toBe(21);
  });

  it("reads a member's age from the ID number, legacy or not, and is null when it does not parse", () => {
    expect(memberAge({ idNumber: idFor("1975-03-02", "male") }, TODAY)).toBe(45);
    expect(memberAge({ idNumber: "341823750302123" }, TODAY)).toBe(45);
    expect(memberAge({ idNumber: "34182319750302" }, TODAY)).toBe(null);
  });
});
