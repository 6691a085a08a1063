import type { RegionLevel } from "./roles.js";

/** The root of the tree: the whole country. Scope of the first administrator. */
export const NATION_CODE = "000000000000";

// Significant digits of a code at each level; the rest are zeros (groups add 3 digits).
const PREFIX_LENGTH: Record<RegionLevel, number> = {
  nation: 0,
  province: 2,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
  group: 15,
};
const LEVEL_ORDER: RegionLevel[] = ["nation", "province", "city", "county", "township", "village", "group"];

/**
 * The level of a 12-digit statistical division code (统计用区划代码), or of a 15-digit village
 * group code (village code + 3 digits); undefined when the text is not such a code.
 */
export function levelOfCode(code: string): RegionLevel | undefined {
  if (/^\d{15}$/.test(code))
    return code.slice(12) !== "000" && levelOfCode(code.slice(0, 12)) === "village" ? "group" : undefined;
  if (!/^\d{12}$/.test(code)) return undefined;
  if (code === NATION_CODE) return "nation";
  if (code.slice(0, 2) === "00") return undefined;
  // The deepest level whose own digits are not all zero, with only zeros after them.
  for (const level of ["village", "township", "county", "city"] as const) {
    const end = PREFIX_LENGTH[level];
    const start = PREFIX_LENGTH[LEVEL_ORDER[LEVEL_ORDER.indexOf(level) - 1]!];
    if (!/^0*$/.test(code.slice(end))) return undefined;
    if (!/^0+$/.test(code.slice(start, end))) {
      // A village always sits in a township (a township may sit directly in a city, as in Dongguan).
      return level === "village" && code.slice(6, 9) === "000" ? undefined : level;
    }
  }
  return "province";
}

/**
 * The codes of every level above a region, from the nation down (a code's leading digits name its
 * ancestors). A level a region skips (a township directly in a city, as in Dongguan) is not repeated.
 */
export function ancestorCodesOf(code: string): string[] {
  const level = levelOfCode(code);
  if (!level) return [];
  const above = LEVEL_ORDER.slice(0, LEVEL_ORDER.indexOf(level)).map((l) =>
    code.slice(0, PREFIX_LENGTH[l]).padEnd(12, "0"),
  );
  return [...new Set(above)].filter((ancestor) => ancestor !== code);
}

/** Whether `code` is a well-formed division or group code. */
export function isDivisionCode(code: string): boolean {
  return levelOfCode(code) !== undefined;
}

/** The significant leading digits of a code: every descendant's code starts with them. */
export function codePrefix(code: string): string {
  const level = levelOfCode(code);
  if (!level) throw new Error(`Not a division code: ${code}`);
  return code.slice(0, PREFIX_LENGTH[level]);
}

/** Whether region `code` is `scopeCode` itself or lies below it in the tree. */
export function isWithinScope(code: string, scopeCode: string): boolean {
  return isDivisionCode(code) && code.startsWith(codePrefix(scopeCode));
}

/** The 12-digit code of the county a region belongs to, or undefined above county level. */
export function countyCodeOf(code: string): string | undefined {
  const level = levelOfCode(code);
  if (!level || LEVEL_ORDER.indexOf(level) < LEVEL_ORDER.indexOf("county")) return undefined;
  return code.slice(0, 6).padEnd(12, "0");
}

/** The level directly below `level`, or undefined for groups. */
export function childLevelOf(level: RegionLevel): RegionLevel | undefined {
  return LEVEL_ORDER[LEVEL_ORDER.indexOf(level) + 1];
}

/**
 * Why `code` cannot be a new child of `parentCode`, or undefined when it can: administrators add
 * villages under townships and groups (村民小组) under villages.
 */
export function childCodeProblem(
  parentCode: string,
  code: string,
): "bad_code" | "wrong_parent" | "wrong_level" | undefined {
  const parentLevel = levelOfCode(parentCode);
  const level = levelOfCode(code);
  if (!parentLevel || !level) return "bad_code";
  if (level !== childLevelOf(parentLevel)) return "wrong_level";
  if (!code.startsWith(codePrefix(parentCode))) return "wrong_parent";
  return undefined;
}
