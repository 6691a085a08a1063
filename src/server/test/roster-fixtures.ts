import { deflateRawSync } from "node:zlib";
import iconv from "iconv-lite";
import ExcelJS from "../modules/roster/exceljs.js";
import { testIdNumber } from "./household-factory.js";

// Roster files shaped like the ones counties really send: a merged title row above the header,
// full-width brackets in headers, numbers stored as text, Excel serial dates, formulas with cached
// results, error cells, CSV saved by Excel in GBK. Built in memory by each test.

/** The national person export's 26 headers as a county's sheet writes them (乡（镇） full-width). */
export const NATIONAL_HEADER = [
  "县(市、区、旗)",
  "乡（镇）",
  "行政村",
  "自然村",
  "户编号",
  "人编号",
  "姓名",
  "证件号码",
  "人数",
  "与户主关系",
  "民族",
  "文化程度",
  "在校生状况",
  "健康状况",
  "劳动技能",
  "务工状况",
  "务工时间（月）",
  "参加大病医疗",
  "脱贫属性",
  "贫困户属性",
  "主要致贫原因",
  "危房户",
  "饮水安全",
  "饮水困难",
  "人均纯收入",
  "联系电话",
];

export type FixtureCell =
  | string
  | number
  | Date
  | null
  | { formula: string; result: unknown }
  | { error: string };

/** An .xlsx with an optional merged title row above the rows given (header first). */
export async function xlsxOf(
  rows: readonly (readonly FixtureCell[])[],
  options: { title?: string; sheetName?: string; extraSheetFirst?: boolean } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (options.extraSheetFirst) workbook.addWorksheet("说明").addRow(["本表由乡镇扶贫站填报"]);
  const sheet = workbook.addWorksheet(options.sheetName ?? "贫困人口信息");
  if (options.title) {
    sheet.addRow([options.title]);
    sheet.mergeCells(1, 1, 1, rows[0]?.length ?? 1);
    sheet.addRow([`填报单位：泾县扶贫办`, null, null, null, "填报日期：2020年6月"]);
  }
  for (const row of rows) sheet.addRow(row as unknown[]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV text of the rows (quoted where needed), in the encoding Excel would save it in. */
export function csvOf(rows: readonly (readonly string[])[], encoding: "utf-8" | "utf-8-bom" | "gbk"): Buffer {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const text = `${rows.map((row) => row.map(quote).join(",")).join("\r\n")}\r\n`;
  if (encoding === "gbk") return iconv.encode(text, "gbk");
  const bytes = Buffer.from(text, "utf8");
  return encoding === "utf-8-bom" ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

/** A person of the fixture households, by birth date and sex, with a valid ID number. */
export function person(birthDate: string, sex: "male" | "female"): string {
  return testIdNumber(birthDate, sex);
}

/** The Excel serial day number of a date (what a date cell holds when its format is lost). */
export function excelSerial(isoDate: string): number {
  return (Date.parse(`${isoDate}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The national 26 columns plus two a county added: 脱贫年度 and 出生日期 (as Excel serial numbers). */
export const KUIFENG_HEADER = [...NATIONAL_HEADER, "脱贫年度", " 出生日期 "];

/** Two households of 奎峰村 (茂林镇, 泾县) in the national layout: three people and two people. */
export function kuifengHouseholds() {
  const ids = {
    head: person("1975-03-02", "male"),
    spouse: person("1977-08-19", "female"),
    son: person("2010-09-01", "male"),
    oldMan: person("1948-01-10", "male"),
    oldWoman: person("1950-02-03", "female"),
  };
  const a = "3418231012000001";
  const b = "3418231012000002";
  const place = ["泾县", "茂林镇", "奎峰村", "上村组"];
  const rows: FixtureCell[][] = [
    [
      ...place,
      a,
      `${a}01`,
      "张 大山",
      ids.head,
      "3",
      "户主",
      "汉族",
      "初中",
      "非在校生",
      "健康",
      "普通劳动力",
      "省外务工",
      "10",
      "是",
      "已脱贫",
      "一般贫困户",
      "因病",
      "否",
      "是",
      "否",
      "5,123.50",
      13955501234,
      "2019",
      excelSerial("1975-03-02"),
    ],
    [
      ...place,
      a,
      `${a}02`,
      "李秀英",
      ids.spouse,
      "3",
      "配偶",
      "汉族",
      "小学",
      "非在校生",
      "长期慢性病",
      "弱劳动力或半劳动力",
      "未务工",
      "0",
      "是",
      "已脱贫",
      "一般贫困户",
      "因病",
      "否",
      "是",
      "否",
      "5,123.50",
      "13955501234",
      "2019",
      excelSerial("1977-08-19"),
    ],
    [
      ...place,
      a,
      `${a}03`,
      "张小明",
      ids.son,
      { formula: "2+1", result: 3 },
      "之子",
      "汉族",
      "小学",
      "小学",
      "健康",
      "无劳动力",
      "未务工",
      "",
      "是",
      "已脱贫",
      "一般贫困户",
      "因病",
      "否",
      "是",
      "否",
      "5,123.50",
      "13955501234",
      "2019",
      excelSerial("2010-09-01"),
    ],
    [
      ...place,
      b,
      `${b}01`,
      "王老汉",
      ids.oldMan,
      "2",
      "户主",
      "汉族",
      "文盲或半文盲",
      "非在校生",
      "残疾（二级）",
      "丧失劳动力",
      "未务工",
      "0",
      "否",
      "未脱贫",
      "低保贫困户",
      "因残",
      "否",
      "是",
      "否",
      "3000",
      "",
      "",
      excelSerial("1948-01-10"),
    ],
    [
      ...place,
      b,
      `${b}02`,
      "赵桂花",
      ids.oldWoman,
      "2",
      "之妻",
      "汉族",
      "文盲",
      "非在校生",
      "长期慢性病",
      "弱劳动力",
      "未务工",
      "0",
      "否",
      "未脱贫",
      "低保贫困户",
      "因残",
      "否",
      "是",
      "否",
      "3000",
      "",
      "",
      excelSerial("1950-02-03"),
    ],
  ];
  return { ids, numbers: { a, b }, rows };
}

/** A county's household sheet (户表): one row per household. */
export const HOUSEHOLD_SHEET_HEADER = [
  "户编号",
  "户主姓名",
  "乡镇",
  "村",
  "组",
  "人数",
  "贫困户属性",
  "致贫原因",
  "脱贫属性",
  "脱贫年度",
  "危房",
  "饮水",
  "工资性收入",
  "生产经营性收入",
  "财产性收入",
  "转移性收入",
  "联系电话",
];

/** The member sheet (人表) beside it: one row per person, joined to the household by 户编号. */
export const MEMBER_SHEET_HEADER = [
  "户编号",
  "姓名",
  "证件号码",
  "与户主关系",
  "性别",
  "民族",
  "文化程度",
  "在校生状况",
  "健康状况",
  "劳动技能",
  "务工状况",
  "务工时间（月）",
  "参加大病医疗",
];

/** The two 奎峰村 households as a household sheet and a member sheet (headers first). */
export function twoSheetHouseholds() {
  const { ids, numbers } = kuifengHouseholds();
  const { a, b } = numbers;
  const households: FixtureCell[][] = [
    HOUSEHOLD_SHEET_HEADER,
    [
      a,
      "张大山",
      "茂林镇",
      "奎峰村",
      "上村组",
      3,
      "一般贫困户",
      "因病",
      "已脱贫",
      2019,
      "否",
      "安全",
      12000,
      3000,
      0,
      1500,
      "13955501234",
    ],
    [
      b,
      "王老汉",
      "茂林镇",
      "奎峰村",
      "上村组",
      "2",
      "低保贫困户",
      "因残",
      "未脱贫",
      "",
      "C级",
      "不安全",
      "",
      "",
      "",
      "",
      "",
    ],
  ];
  const members: FixtureCell[][] = [
    MEMBER_SHEET_HEADER,
    [
      a,
      "张大山",
      ids.head,
      "户主",
      "男",
      "汉族",
      "初中",
      "非在校生",
      "健康",
      "普通劳动力",
      "省外务工",
      "10",
      "是",
    ],
    [
      a,
      "李秀英",
      ids.spouse,
      "配偶",
      "女",
      "汉族",
      "小学",
      "非在校生",
      "长期慢性病",
      "弱劳动力",
      "未务工",
      "0",
      "是",
    ],
    [a, "张小明", ids.son, "之子", "男", "汉族", "小学", "小学", "健康", "无劳动力", "未务工", "", "是"],
    [
      b,
      "王老汉",
      ids.oldMan,
      "户主",
      "男",
      "汉族",
      "文盲",
      "非在校生",
      "残疾（二级）",
      "丧失劳动力",
      "未务工",
      "0",
      "否",
    ],
    [
      b,
      "赵桂花",
      ids.oldWoman,
      "之妻",
      "女",
      "汉族",
      "文盲",
      "非在校生",
      "长期慢性病",
      "弱劳动力",
      "未务工",
      "0",
      "否",
    ],
  ];
  return { ids, numbers, households, members };
}

/** A workbook of several sheets, each given as its name and rows. */
export async function workbookOf(
  sheets: readonly { name: string; rows: readonly (readonly FixtureCell[])[] }[],
) {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const target = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) target.addRow(row as unknown[]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A minimal zip archive of the given entries (deflated), as any zip tool would write it. */
export function zipOf(entries: { name: string; content: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = deflateRawSync(entry.content);
    const name = Buffer.from(entry.name);
    const size = entry.declaredSize ?? entry.content.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
