// Writes a roster the size of a big county in the national person layout (国扶系统 贫困人口信息, 26
// columns, one row per person, household fields repeated), as Excel or WPS would hand it over:
// an .xlsx with shared strings, digits stored as text. The households are the demo county's
// synthetic ones (realistic shapes, valid ID numbers), numbered and placed in the county's official
// villages, written row by row with exceljs's streaming WorkbookWriter so that the generator's
// memory stays small too.
import { rename } from "node:fs/promises";
import { type DemoVillage, generateDemoHouseholds } from "../src/server/modules/demo/demo-households.js";
import { readOfficialRegions } from "../src/server/modules/regions/regions.source.js";
import ExcelJS from "../src/server/modules/roster/exceljs.js";
import { coreName } from "../src/server/modules/roster/roster-regions.js";
import {
  DISABILITY_GRADES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  HEALTH_STATUSES,
  LABOUR_ABILITIES,
  POVERTY_ATTRIBUTES,
  POVERTY_CAUSES,
  POVERTY_STATUSES,
  RELATIONS,
  SCHOOLING_STATUSES,
  WORK_PLACES,
} from "../src/shared/household-codes.js";
import type { HouseholdDraft } from "../src/shared/household-draft.js";
import { activeMembers, perCapitaNetIncome } from "../src/shared/household-income.js";
import { idNumberChecksum } from "../src/shared/id-number.js";
import { headerOf, NATIONAL_COLUMNS, type RosterColumnKey } from "../src/shared/roster/roster-columns.js";

/** Bumped when the generated file changes, so that a cached file is rebuilt. */
export const ROSTER_GENERATOR_VERSION = 2;

/** Members per household in the benchmark (350,000 for 100,000); the demo draws ~3.3. */
const MEMBERS_PER_HOUSEHOLD = 3.5;

export interface RosterSpec {
  countyCode: string;
  households: number;
}

export interface GeneratedRoster {
  countyName: string;
  households: number;
  members: number;
}

/** Households drawn per call of the demo generator (it numbers at most 99,999). */
const DRAW = 50_000;
const yesNo = (value: boolean) => (value ? "是" : "否");

/** The county's villages whose names the importer can place unambiguously. */
async function villagesOf(countyCode: string): Promise<{ countyName: string; villages: DemoVillage[] }> {
  const regions = await readOfficialRegions([countyCode]);
  const county = regions.find((r) => r.code === countyCode);
  if (!county) throw new Error(`${countyCode} is not a county in the official data`);
  const townships = new Map(regions.filter((r) => r.level === "township").map((r) => [r.code, r.name]));
  const townshipCores = new Map<string, number>();
  for (const name of townships.values())
    townshipCores.set(coreName(name), (townshipCores.get(coreName(name)) ?? 0) + 1);
  const villages = regions.filter(
    (r) => r.level === "village" && r.parentCode && townships.has(r.parentCode),
  );
  const seen = new Map<string, number>();
  for (const v of villages) {
    const key = `${v.parentCode}/${coreName(v.name)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return {
    countyName: county.name,
    villages: villages
      .filter(
        (v) =>
          seen.get(`${v.parentCode}/${coreName(v.name)}`) === 1 &&
          townshipCores.get(coreName(townships.get(v.parentCode!)!)) === 1,
      )
      .map((v) => ({ code: v.code, name: v.name, townshipName: townships.get(v.parentCode!)! })),
  };
}

/** The same ID number with the next free sequence code of the same sex. */
function freeIdNumber(idNumber: string, used: ReadonlySet<string>): string {
  let id = idNumber;
  let sequence = Number(id.slice(14, 17));
  while (used.has(id)) {
    sequence += 2;
    if (sequence > 999) sequence -= 998;
    const first17 = `${id.slice(0, 14)}${String(sequence).padStart(3, "0")}`;
    id = first17 + idNumberChecksum(first17);
  }
  return id;
}

/** One household's rows in the national layout. */
function rowsOf(
  draft: HouseholdDraft,
  householdNumber: string,
  countyName: string,
  village: DemoVillage,
): (string | number)[][] {
  const active = activeMembers(draft.members);
  const perCapita = perCapitaNetIncome(draft.income, active.length);
  const status =
    draft.liftedYear !== null
      ? `${POVERTY_STATUSES[draft.status].zh}（${draft.liftedYear}年）`
      : POVERTY_STATUSES[draft.status].zh;
  const house =
    draft.dangerousHouseGrade === "c" || draft.dangerousHouseGrade === "d"
      ? `${draft.dangerousHouseGrade.toUpperCase()}级`
      : "否";
  return active.map((member, i) => {
    const health =
      member.health === "disabled" && member.disabilityGrade
        ? `${HEALTH_STATUSES.disabled.zh}（${DISABILITY_GRADES[member.disabilityGrade].zh}）`
        : HEALTH_STATUSES[member.health].zh;
    const values: Record<RosterColumnKey, string | number> = {
      county: countyName,
      township: village.townshipName,
      village: village.name,
      group: "",
      householdNumber,
      personNumber: `${householdNumber}${String(i + 1).padStart(2, "0")}`,
      name: member.name,
      idNumber: member.idNumber,
      memberCount: active.length,
      relation: RELATIONS[member.relation].zh,
      ethnicity: ETHNICITIES[member.ethnicity].zh,
      education: EDUCATION_LEVELS[member.education].zh,
      schoolingStatus: SCHOOLING_STATUSES[member.schoolingStatus].zh,
      health,
      labourAbility: LABOUR_ABILITIES[member.labourAbility].zh,
      workPlace: WORK_PLACES[member.workPlace].zh,
      workMonths: member.workMonths,
      hasSeriousIllnessInsurance: yesNo(member.hasSeriousIllnessInsurance),
      status,
      povertyAttribute: POVERTY_ATTRIBUTES[draft.povertyAttribute].zh,
      mainCause: POVERTY_CAUSES[draft.mainCause].zh,
      isDangerousHouse: house,
      isDrinkingWaterSafe: yesNo(draft.isDrinkingWaterSafe),
      hasWaterDifficulty: yesNo(draft.hasWaterDifficulty),
      perCapitaIncome: perCapita ?? "",
      phone: draft.phone ?? "",
    } as Record<RosterColumnKey, string | number>;
    return NATIONAL_COLUMNS.map((key) => values[key]);
  });
}

/** Writes `path` (through a temporary name, so an interrupted run leaves no half file). */
export async function generateRoster(
  path: string,
  spec: RosterSpec,
  log: (line: string) => void,
): Promise<GeneratedRoster> {
  const { countyName, villages } = await villagesOf(spec.countyCode);
  if (villages.length === 0) throw new Error(`${spec.countyCode} has no villages`);
  const partial = `${path}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: partial,
    useStyles: true,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet("贫困人口信息");
  sheet.columns = NATIONAL_COLUMNS.map((key) => ({
    header: headerOf(key),
    width: ["householdNumber", "personNumber", "idNumber", "phone"].includes(key) ? 22 : 12,
  }));
  const byCode = new Map(villages.map((v) => [v.code, v]));
  const used = new Set<string>();
  let members = 0;
  let written = 0;
  for (let draw = 0; written < spec.households; draw += 1) {
    const count = Math.min(DRAW, Math.max(1_000, Math.ceil((spec.households - written) * 1.3)));
    const households = generateDemoHouseholds({
      seed: 2020 + draw,
      countyCode6: spec.countyCode.slice(0, 6),
      // Spread over every village (the demo crowds its households into the first twenty).
      villages: villages
        .slice((draw * 97) % villages.length)
        .concat(villages.slice(0, (draw * 97) % villages.length)),
      count,
      referenceDate: "2020-12-31",
    });
    for (const { draft } of households) {
      if (written >= spec.households) break;
      // Small households are left out while the roster is short of members for its size.
      const size = activeMembers(draft.members).length;
      if (size <= 2 && members + size < MEMBERS_PER_HOUSEHOLD * (written + 1)) continue;
      written += 1;
      for (const m of draft.members) {
        m.idNumber = freeIdNumber(m.idNumber, used);
        used.add(m.idNumber);
      }
      const village = byCode.get(draft.regionCode) ?? villages[written % villages.length]!;
      const householdNumber = `${village.code}${String(written).padStart(6, "0")}`;
      for (const row of rowsOf(draft, householdNumber, countyName, village)) {
        sheet.addRow(row).commit();
        members += 1;
      }
    }
    log(`${written.toLocaleString()} households, ${members.toLocaleString()} members written`);
  }
  sheet.commit();
  await workbook.commit();
  await rename(partial, path);
  return { countyName, households: written, members };
}
