import { PassThrough } from "node:stream";
import {
  DANGEROUS_HOUSE_GRADES,
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
} from "../../../shared/household-codes.js";
import { activeMembers, perCapitaNetIncome } from "../../../shared/household-income.js";
import { maskIdNumber, maskPhone } from "../../../shared/id-number.js";
import {
  EXPORT_EXTRA_COLUMNS,
  headerOf,
  NATIONAL_COLUMNS,
  type RosterColumnKey,
} from "../../../shared/roster/roster-columns.js";
import type { HouseholdSnapshot, StoredMember } from "../households/household-present.js";
import ExcelJS from "./exceljs.js";
import type { RegionIndex } from "./roster-regions.js";

// The export: households in the national person layout (26 columns, one row per person who lives
// in the household, household fields repeated), followed by the few columns Bangfu adds so that
// importing the file again changes nothing: 性别, 残疾等级, 脱贫年度, 危房等级. Personal fields are
// masked unless the user may see them in full; a masked file still re-imports (see roster-plan).

/** The columns of an export, in order. */
export const EXPORT_COLUMNS: readonly RosterColumnKey[] = [...NATIONAL_COLUMNS, ...EXPORT_EXTRA_COLUMNS];

/** Columns whose digits must stay text (Excel would round an 18-digit number). */
const DIGIT_COLUMNS = new Set<RosterColumnKey>(["householdNumber", "personNumber", "idNumber", "phone"]);

const yesNo = (value: boolean) => (value ? "是" : "否");

type ExportCell = string | number;

/** The region tree of a household's county, for the place-name columns. */
export type RegionsOf = (countyCode: string) => RegionIndex;

/** One person's row. */
function rowOf(
  snapshot: HouseholdSnapshot,
  member: StoredMember,
  regionsOf: RegionsOf,
  isMasked: boolean,
): Record<RosterColumnKey, ExportCell> {
  const household = snapshot.household;
  const regions = regionsOf(snapshot.countyCode);
  const active = activeMembers(household.members);
  const names = regions.namesOf(household.regionCode);
  const perCapita = perCapitaNetIncome(household.income, active.length);
  const isDangerous = household.dangerousHouseGrade === "c" || household.dangerousHouseGrade === "d";
  const values: Partial<Record<RosterColumnKey, ExportCell>> = {
    county: regions.countyName,
    township: names.township,
    village: names.village,
    group: names.group,
    householdNumber: household.householdNumber,
    personNumber: member.personNumber ?? "",
    name: member.name,
    idNumber: isMasked ? maskIdNumber(member.idNumber) : member.idNumber,
    memberCount: active.length,
    relation: RELATIONS[member.relation].zh,
    ethnicity: ETHNICITIES[member.ethnicity].zh,
    education: EDUCATION_LEVELS[member.education].zh,
    schoolingStatus: SCHOOLING_STATUSES[member.schoolingStatus].zh,
    health: HEALTH_STATUSES[member.health].zh,
    labourAbility: LABOUR_ABILITIES[member.labourAbility].zh,
    workPlace: WORK_PLACES[member.workPlace].zh,
    workMonths: member.workMonths,
    hasSeriousIllnessInsurance: yesNo(member.hasSeriousIllnessInsurance),
    status: POVERTY_STATUSES[household.status].zh,
    povertyAttribute: POVERTY_ATTRIBUTES[household.povertyAttribute].zh,
    mainCause: POVERTY_CAUSES[household.mainCause].zh,
    isDangerousHouse: yesNo(isDangerous),
    isDrinkingWaterSafe: yesNo(household.isDrinkingWaterSafe),
    hasWaterDifficulty: yesNo(household.hasWaterDifficulty),
    perCapitaIncome: perCapita ?? "",
    phone: household.phone ? (isMasked ? maskPhone(household.phone) : household.phone) : "",
    sex: member.sex === "male" ? "男" : "女",
    disabilityGrade: member.disabilityGrade ? DISABILITY_GRADES[member.disabilityGrade].zh : "",
    liftedYear: household.liftedYear ?? "",
    dangerousHouseGrade: DANGEROUS_HOUSE_GRADES[household.dangerousHouseGrade].zh,
  };
  return values as Record<RosterColumnKey, ExportCell>;
}

/** Every person row of the households, in household order and member order. */
function* personRows(snapshots: readonly HouseholdSnapshot[], regionsOf: RegionsOf, isMasked: boolean) {
  for (const snapshot of snapshots) {
    for (const member of snapshot.household.members) {
      if (member.status !== "active") continue;
      const row = rowOf(snapshot, member, regionsOf, isMasked);
      yield EXPORT_COLUMNS.map((key) => row[key]);
    }
  }
}

/** The households as an .xlsx in the national layout, written row by row. */
export async function writeExportXlsx(
  pages: AsyncIterable<readonly HouseholdSnapshot[]>,
  regionsOf: RegionsOf,
  isMasked: boolean,
): Promise<{ content: Buffer; rows: number }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet("贫困人口信息");
  sheet.columns = EXPORT_COLUMNS.map((key) => ({
    header: headerOf(key),
    width: DIGIT_COLUMNS.has(key) ? 22 : 12,
    // Text format, so that Excel keeps ID and household numbers as typed when the clerk edits them.
    ...(DIGIT_COLUMNS.has(key) ? { style: { numFmt: "@" } } : {}),
  }));
  let rows = 0;
  for await (const page of pages) {
    for (const row of personRows(page, regionsOf, isMasked)) {
      sheet.addRow(row).commit();
      rows += 1;
    }
  }
  sheet.commit();
  await workbook.commit();
  await ended;
  return { content: Buffer.concat(chunks), rows };
}

/**
 * The households as CSV in UTF-8 with a BOM (which Excel needs to read UTF-8). Digit columns start
 * with a tab so that Excel keeps them as text; the importer trims it away.
 */
export async function writeExportCsv(
  pages: AsyncIterable<readonly HouseholdSnapshot[]>,
  regionsOf: RegionsOf,
  isMasked: boolean,
): Promise<{ content: Buffer; rows: number }> {
  const quote = (cell: ExportCell) => {
    const text = String(cell);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [EXPORT_COLUMNS.map(headerOf).join(",")];
  const digitIndexes = EXPORT_COLUMNS.flatMap((key, i) => (DIGIT_COLUMNS.has(key) ? [i] : []));
  for await (const page of pages) {
    for (const row of personRows(page, regionsOf, isMasked)) {
      for (const i of digitIndexes) if (row[i] !== "") row[i] = `\t${row[i]}`;
      lines.push(row.map(quote).join(","));
    }
  }
  const content = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join("\r\n")}\r\n`)]);
  return { content, rows: lines.length - 1 };
}

/** The import template: the export's header row, and a sheet explaining the columns. */
export async function writeTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("贫困人口信息");
  sheet.addRow(EXPORT_COLUMNS.map(headerOf));
  EXPORT_COLUMNS.forEach((key, i) => {
    sheet.getColumn(i + 1).width = DIGIT_COLUMNS.has(key) ? 22 : 12;
    if (DIGIT_COLUMNS.has(key)) sheet.getColumn(i + 1).numFmt = "@";
  });
  const notes = workbook.addWorksheet("填写说明");
  for (const line of [
    "一人一行，同一户的户信息（乡镇、村、户编号、脱贫属性、贫困户属性、致贫原因、危房户、饮水、人均纯收入、联系电话）在每一行重复填写。",
    "列的顺序不限，可以有其他列；列名按国扶系统（如“乡（镇）”“证件号码”），也接受常见写法（如“乡镇”“身份证号码”“组”）。",
    "证件号码、户编号、联系电话请设为“文本”格式，否则Excel会把18位号码改成科学计数法，末几位丢失。",
    "代码类的列填中文名称，如 与户主关系：户主、配偶、之子；健康状况：健康、长期慢性病、患有大病、残疾（残疾须另填残疾等级）。",
    "已脱贫户须填脱贫年度；危房户为“是”时须填危房等级（C级或D级）。",
    "空白单元格不会清除系统中已有的内容；户按户编号、成员按证件号码对应，重复导入不会重复建档。",
  ]) {
    notes.addRow([line]);
  }
  notes.getColumn(1).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
