import { describe, expect, it } from "vitest";
import {
  ancestorCodesOf,
  childCodeProblem,
  childLevelOf,
  codePrefix,
  countyCodeOf,
  isDivisionCode,
  isWithinScope,
  levelOfCode,
  NATION_CODE,
} from "./division-code.js";

// Jing County (泾县), Anhui: province 34, city 3418 (Xuancheng), county 341823.
const PROVINCE = "340000000000";
const CITY = "341800000000";
const COUNTY = "341823000000";
const TOWNSHIP = "341823100000";
const VILLAGE = "341823100201";
const GROUP = "341823100201003";
const OTHER_COUNTY = "341824000000";
const OTHER_COUNTY_VILLAGE = "341824100201";

describe("levelOfCode", () => {
  it("reads each level from the trailing zeros", () => {
    expect(levelOfCode(NATION_CODE)).toBe("nation");
    expect(levelOfCode(PROVINCE)).toBe("province");
    expect(levelOfCode(CITY)).toBe("city");
    expect(levelOfCode(COUNTY)).toBe("county");
    expect(levelOfCode(TOWNSHIP)).toBe("township");
    expect(levelOfCode(VILLAGE)).toBe("village");
    expect(levelOfCode(GROUP)).toBe("group");
  });

  it("accepts a township sitting directly in a city, as in Dongguan", () => {
    expect(levelOfCode("441900003000")).toBe("township");
    expect(levelOfCode("441900003001")).toBe("village");
  });

  it("rejects text that is not a 12- or 15-digit code", () => {
    for (const bad of [
      "",
      "34182310020", // 11 digits
      "3418231002011", // 13 digits
      "34182310020100", // 14 digits
      "3418231002010031", // 16 digits
      "34182A100201",
      " 341823100201",
      "341823100201 ",
      "３４１８２３１００２０１", // full-width digits
      "-41823100201",
    ]) {
      expect(levelOfCode(bad), bad).toBeUndefined();
    }
  });

  it("rejects codes with no province or with a village outside any township", () => {
    expect(levelOfCode("000000000001")).toBeUndefined();
    expect(levelOfCode("001823000000")).toBeUndefined();
    expect(levelOfCode("341823000201")).toBeUndefined();
  });

  it("rejects group codes with a 000 suffix or whose first 12 digits are not a village", () => {
    expect(levelOfCode("341823100201000")).toBeUndefined();
    expect(levelOfCode("341823100000001")).toBeUndefined();
    expect(levelOfCode("000000000000001")).toBeUndefined();
  });
});

describe("isDivisionCode", () => {
  it("agrees with levelOfCode", () => {
    expect([NATION_CODE, PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE, GROUP].every(isDivisionCode)).toBe(true);
    expect(["", "34182310020", "000000000001", "341823100201000", "abc"].some(isDivisionCode)).toBe(false);
  });
});

describe("codePrefix", () => {
  it("keeps the significant digits of each level", () => {
    expect(codePrefix(NATION_CODE)).toBe("");
    expect(codePrefix(PROVINCE)).toBe("34");
    expect(codePrefix(CITY)).toBe("3418");
    expect(codePrefix(COUNTY)).toBe("341823");
    expect(codePrefix(TOWNSHIP)).toBe("341823100");
    expect(codePrefix(VILLAGE)).toBe(VILLAGE);
    expect(codePrefix(GROUP)).toBe(GROUP);
  });

  it("throws on text that is not a code", () => {
    expect(() => codePrefix("34182310020")).toThrow(/Not a division code/);
  });
});

describe("isWithinScope", () => {
  it("holds for a region itself and everything below it", () => {
    expect(isWithinScope(COUNTY, COUNTY)).toBe(true);
    expect(isWithinScope(VILLAGE, COUNTY)).toBe(true);
    expect(isWithinScope(GROUP, COUNTY)).toBe(true);
    expect(isWithinScope(GROUP, VILLAGE)).toBe(true);
    expect(isWithinScope(VILLAGE, TOWNSHIP)).toBe(true);
    expect(isWithinScope(VILLAGE, CITY)).toBe(true);
    expect(isWithinScope(VILLAGE, PROVINCE)).toBe(true);
  });

  it("puts every code within the nation", () => {
    for (const code of [NATION_CODE, PROVINCE, CITY, COUNTY, TOWNSHIP, VILLAGE, GROUP, "110101001001"]) {
      expect(isWithinScope(code, NATION_CODE), code).toBe(true);
    }
  });

  it("does not hold for another county, a region above the scope, or a malformed code", () => {
    expect(isWithinScope(OTHER_COUNTY_VILLAGE, COUNTY)).toBe(false);
    expect(isWithinScope(VILLAGE, OTHER_COUNTY)).toBe(false);
    expect(isWithinScope(CITY, COUNTY)).toBe(false);
    expect(isWithinScope(NATION_CODE, PROVINCE)).toBe(false);
    expect(isWithinScope(VILLAGE, GROUP)).toBe(false);
    expect(isWithinScope("341823100201000", VILLAGE)).toBe(false);
    expect(isWithinScope("34182310020", NATION_CODE)).toBe(false);
  });
});

describe("countyCodeOf", () => {
  it("gives the county for county level and below", () => {
    expect(countyCodeOf(COUNTY)).toBe(COUNTY);
    expect(countyCodeOf(TOWNSHIP)).toBe(COUNTY);
    expect(countyCodeOf(VILLAGE)).toBe(COUNTY);
    expect(countyCodeOf(GROUP)).toBe(COUNTY);
  });

  it("gives nothing above county level or for malformed codes", () => {
    expect(countyCodeOf(NATION_CODE)).toBeUndefined();
    expect(countyCodeOf(PROVINCE)).toBeUndefined();
    expect(countyCodeOf(CITY)).toBeUndefined();
    expect(countyCodeOf("34182310020")).toBeUndefined();
  });
});

describe("childLevelOf", () => {
  it("steps one level down the tree and stops at groups", () => {
    expect(childLevelOf("nation")).toBe("province");
    expect(childLevelOf("county")).toBe("township");
    expect(childLevelOf("township")).toBe("village");
    expect(childLevelOf("village")).toBe("group");
    expect(childLevelOf("group")).toBeUndefined();
  });
});

describe("childCodeProblem", () => {
  it("accepts a direct child whose code extends the parent's", () => {
    expect(childCodeProblem(NATION_CODE, PROVINCE)).toBeUndefined();
    expect(childCodeProblem(PROVINCE, CITY)).toBeUndefined();
    expect(childCodeProblem(CITY, COUNTY)).toBeUndefined();
    expect(childCodeProblem(COUNTY, TOWNSHIP)).toBeUndefined();
    expect(childCodeProblem(TOWNSHIP, VILLAGE)).toBeUndefined();
    expect(childCodeProblem(TOWNSHIP, "341823100299")).toBeUndefined();
    expect(childCodeProblem(VILLAGE, GROUP)).toBeUndefined();
  });

  it("reports malformed codes on either side", () => {
    expect(childCodeProblem("34182310000", VILLAGE)).toBe("bad_code");
    expect(childCodeProblem(TOWNSHIP, "34182310020")).toBe("bad_code");
    expect(childCodeProblem(VILLAGE, "341823100201000")).toBe("bad_code");
  });

  it("reports a child that is not exactly one level below", () => {
    expect(childCodeProblem(COUNTY, VILLAGE)).toBe("wrong_level");
    expect(childCodeProblem(TOWNSHIP, TOWNSHIP)).toBe("wrong_level");
    expect(childCodeProblem(VILLAGE, TOWNSHIP)).toBe("wrong_level");
    expect(childCodeProblem(GROUP, `${GROUP.slice(0, 12)}004`)).toBe("wrong_level");
    expect(childCodeProblem(NATION_CODE, CITY)).toBe("wrong_level");
  });

  it("reports a child whose code belongs under another parent", () => {
    expect(childCodeProblem(TOWNSHIP, OTHER_COUNTY_VILLAGE)).toBe("wrong_parent");
    expect(childCodeProblem(TOWNSHIP, "341823101201")).toBe("wrong_parent");
    expect(childCodeProblem("341823100202", GROUP)).toBe("wrong_parent");
  });
});

describe("ancestorCodesOf", () => {
  it("names every level above a region, from the nation down", () => {
    expect(ancestorCodesOf("341823100001")).toEqual([
      "000000000000",
      "340000000000",
      "341800000000",
      "341823000000",
      "341823100000",
    ]);
    expect(ancestorCodesOf("341823100001002")).toContain("341823100001");
    expect(ancestorCodesOf("340000000000")).toEqual(["000000000000"]);
    expect(ancestorCodesOf("000000000000")).toEqual([]);
  });

  it("does not repeat a level the region skips (a township directly in a city)", () => {
    expect(ancestorCodesOf("441900003000")).toEqual(["000000000000", "440000000000", "441900000000"]);
    expect(ancestorCodesOf("not a code")).toEqual([]);
  });
});
