import { describe, expect, it } from "vitest";
import type { PhoneHousehold } from "../../../../shared/api/visits.api.js";
import { visitDraftOf } from "./visitDraftOf.js";

const household: PhoneHousehold = {
  id: "0d6a0f5d-2c11-4f0e-9a51-7d3c1b523c55",
  countyCode: "341823000000",
  householdNumber: "341823100001000001",
  headName: "张大山",
  regionCode: "341823100001",
  regionName: "城南村",
  address: "一组",
  status: "lifted",
  version: 4,
  members: [],
  income: {
    year: 2020,
    wage: 30000,
    business: 0,
    property: 0,
    transfer: 3000,
    pension: 1800,
    dibao: 0,
    tekun: 0,
    ecoCompensation: 200,
    otherTransfer: 1000,
    businessCosts: 0,
  },
  conditions: {
    houseAreaM2: 90,
    dangerousHouseGrade: "none",
    hasElectricity: true,
    isDrinkingWaterSafe: true,
    hasWaterDifficulty: false,
    hasRoadToHouse: true,
    hasSanitaryToilet: false,
    fuel: "firewood",
  },
  lastVisitedOn: null,
  due: [],
};
const context = {
  id: "7d3c1b52-3c55-4f0e-9a51-0d6a0f5d2c11",
  household,
  campaignId: null,
  photos: [],
  location: null,
  recordedAt: "2020-02-10T10:00:00.000Z",
};

describe("the visit form's draft", () => {
  it("proposes only what the caseworker changed, against the version on the phone", () => {
    const draft = visitDraftOf(
      {
        kind: "on_site",
        visitedOn: "2020-02-10",
        metWith: " 户主 ",
        isConditionsUpdated: true,
        conditions: { ...household.conditions, hasSanitaryToilet: true },
        isIncomeUpdated: true,
        income: { wage: 20000, pension: 1800.1, dibao: 0.2, ecoCompensation: 200, otherTransfer: 1000 },
      },
      context,
    );
    expect(draft.metWith).toBe("户主");
    expect(draft.changes?.baseVersion).toBe(4);
    expect(draft.changes?.conditions).toEqual({ hasSanitaryToilet: true });
    // Transfer income is the sum of its parts, added in cents.
    expect(draft.changes?.income).toMatchObject({ year: 2020, wage: 20000, transfer: 3000.3 });
  });

  it("proposes no registry change when nothing was changed", () => {
    const draft = visitDraftOf(
      {
        kind: "phone",
        visitedOn: "2020-02-10",
        metWith: "户主",
        isConditionsUpdated: true,
        conditions: household.conditions,
        statuses: {
          m1: { status: "none", since: "2020-02-01" },
          m2: { status: "released", since: "2020-02-01", until: "2020-02-09" },
        },
      },
      context,
    );
    expect(draft.changes).toBeUndefined();
    expect(draft.memberStatuses).toEqual([
      { memberId: "m1", status: "none", since: null, until: null },
      { memberId: "m2", status: "released", since: "2020-02-01", until: "2020-02-09" },
    ]);
  });
});
