import {
  type CodeList,
  DANGEROUS_HOUSE_GRADES,
  DISABILITY_GRADES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  HEALTH_STATUSES,
  IDENTIFICATION_STANDARDS,
  LABOUR_ABILITIES,
  MEMBER_STATUSES,
  POVERTY_ATTRIBUTES,
  POVERTY_CAUSES,
  POVERTY_STATUSES,
  RELATIONS,
  SCHOOLING_STATUSES,
  WORK_PLACES,
} from "../household-codes.js";
import type { RosterProblemCode } from "./roster-problems.js";

// What clerks actually type in roster spreadsheets, read as the registry's values: code-list labels
// with their everyday variants (之子 / 儿子 / 长子), yes-no words, amounts with thousands
// separators and 元, years written as 2019年. Every reader returns the value or a Chinese reason.

/**
 * A value read from a cell, or why it could not be read (Chinese, for the clerk) and the kind of
 * problem (for the English wording, roster-problems.ts).
 */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string; code?: RosterProblemCode };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = <T>(reason: string, code?: RosterProblemCode): Read<T> =>
  code ? { ok: false, reason, code } : { ok: false, reason };

/**
 * Text as compared: full-width forms to half-width (ＡＢＣ１２３, （）), every kind of space removed,
 * Latin letters upper-cased. NFKC also folds compatibility forms such as ㈠ and ⑴.
 */
export function normaliseText(text: string): string {
  // Numbers (户编号, 证件号码) are the commonest texts and need only upper-casing.
  if (PLAIN.test(text)) return text.toUpperCase();
  // Code-list values repeat on every row of a roster (汉族, 初中, 健康): short texts are remembered.
  if (text.length > 24) return normalise(text);
  let normal = normalised.get(text);
  if (normal === undefined) {
    if (normalised.size >= 50_000) normalised.clear();
    normal = normalise(text);
    normalised.set(text, normal);
  }
  return normal;
}

const PLAIN = /^[0-9A-Za-z]*$/;
const normalised = new Map<string, string>();
const normalise = (text: string) =>
  text
    .normalize("NFKC")
    .replace(/[\s\u3000\u200b\ufeff]+/g, "")
    .toUpperCase();

/** Everyday variants of code-list labels, beyond the national label, the English label and the code. */
const SYNONYMS: Record<string, Record<string, readonly string[]>> = {
  relation: {
    head: ["本人", "户主本人"],
    spouse: ["妻", "妻子", "夫", "丈夫", "之妻", "之夫", "之配偶"],
    son: ["子", "儿子", "长子", "次子", "三子", "四子", "养子", "继子"],
    daughter: ["女", "女儿", "长女", "次女", "三女", "四女", "养女", "继女"],
    daughter_in_law: ["儿媳", "媳妇", "之媳"],
    son_in_law: ["女婿"],
    grandson: ["孙子", "之孙", "孙", "外孙子", "之外孙子", "外孙"],
    granddaughter: ["孙女", "外孙女", "之外孙女"],
    father: ["父亲", "父", "之父亲"],
    mother: ["母亲", "母", "之母亲"],
    grandfather: ["祖父", "爷爷", "外祖父"],
    grandmother: ["祖母", "奶奶", "外祖母"],
    sibling: [
      "兄",
      "弟",
      "姐",
      "妹",
      "哥哥",
      "弟弟",
      "姐姐",
      "妹妹",
      "之兄",
      "之弟",
      "之姐",
      "之妹",
      "兄弟",
      "姐妹",
    ],
    other: ["其它", "其他亲属"],
  },
  povertyAttribute: {
    general: ["一般户", "一般贫困", "一般农户"],
    dibao: ["低保户", "低保", "低保贫困"],
    tekun: ["特困户", "五保户", "五保贫困户", "特困供养户", "特困供养", "五保"],
  },
  status: {
    not_lifted: ["贫困", "贫困户", "未脱贫户"],
    lifted: ["脱贫", "已脱贫户", "稳定脱贫"],
    returned: ["返贫户"],
    removed: ["清退", "已剔除", "剔除"],
  },
  cause: {
    lack_land: ["缺地"],
    lack_labour: ["缺劳动力"],
    poor_transport: ["交通落后", "交通条件差"],
    low_motivation: ["自身发展力不足", "缺发展动力", "发展动力不足"],
    other: ["其它"],
  },
  education: {
    illiterate: ["文盲", "半文盲"],
    vocational: ["中专/中技", "中技", "技校"],
    college: ["大专", "本科", "本科及以上", "大学", "研究生"],
    preschool: ["学龄前"],
  },
  schoolingStatus: {
    not_in_school: ["非在校", "否", "无", "不在校"],
    preschool: ["学前", "幼儿园", "学前班"],
    primary: ["小学在读"],
    junior: ["初中", "七至九年级", "初中在读"],
    senior: ["高中", "高中在读"],
    vocational: ["中专", "中等职业教育"],
    higher_vocational: ["高职高专", "大专"],
    undergraduate: ["本科", "大学", "研究生"],
  },
  health: {
    chronic: ["慢性病", "患有慢性病"],
    serious: ["大病", "重病", "患大病"],
  },
  labourAbility: {
    ordinary: ["普通", "普通劳动"],
    skilled: ["技能", "技能劳动"],
    weak: ["弱劳动力", "半劳动力", "弱劳力"],
    lost: ["丧失劳动能力", "丧失"],
    none: ["无", "无劳动能力"],
  },
  workPlace: {
    none: ["无", "否", "在家", "未外出"],
    in_township: ["乡(镇)内务工", "乡镇内务工"],
    in_county: ["县内务工"],
    in_province: ["省内务工"],
  },
  ethnicity: { han: ["汉"] },
  disabilityGrade: {
    grade1: ["1级", "1", "一", "一级残疾"],
    grade2: ["2级", "2", "二", "二级残疾"],
    grade3: ["3级", "3", "三", "三级残疾"],
    grade4: ["4级", "4", "四", "四级残疾"],
  },
  houseGrade: {
    none: ["否", "无", "不是", "非危房户"],
    a: ["A"],
    b: ["B"],
    c: ["C"],
    d: ["D"],
  },
  identificationStandard: {
    national: ["国标"],
    provincial: ["省标", "省定"],
    municipal: ["市标", "市定"],
  },
  memberStatus: {
    active: ["正常", "在册"],
    moved_out: ["迁出", "外迁", "已迁出户外"],
    deceased: ["死亡", "去世", "已故"],
  },
};

/** The code lists a roster column can hold, under the names used in SYNONYMS. */
export const ROSTER_CODE_LISTS = {
  relation: RELATIONS,
  povertyAttribute: POVERTY_ATTRIBUTES,
  status: POVERTY_STATUSES,
  cause: POVERTY_CAUSES,
  education: EDUCATION_LEVELS,
  schoolingStatus: SCHOOLING_STATUSES,
  health: HEALTH_STATUSES,
  labourAbility: LABOUR_ABILITIES,
  workPlace: WORK_PLACES,
  ethnicity: ETHNICITIES,
  disabilityGrade: DISABILITY_GRADES,
  houseGrade: DANGEROUS_HOUSE_GRADES,
  identificationStandard: IDENTIFICATION_STANDARDS,
  memberStatus: MEMBER_STATUSES,
} as const;
export type RosterCodeListName = keyof typeof ROSTER_CODE_LISTS;
type CodeOf<N extends RosterCodeListName> = keyof (typeof ROSTER_CODE_LISTS)[N] & string;

const lookups = new Map<RosterCodeListName, Map<string, string>>();

function lookupOf(name: RosterCodeListName): Map<string, string> {
  let lookup = lookups.get(name);
  if (lookup) return lookup;
  lookup = new Map();
  const list = ROSTER_CODE_LISTS[name] as CodeList<string>;
  for (const [code, labels] of Object.entries(list)) {
    for (const text of [labels.zh, labels.en, code, ...(SYNONYMS[name]?.[code] ?? [])]) {
      const key = normaliseText(text);
      if (!lookup.has(key)) lookup.set(key, code);
    }
  }
  lookups.set(name, lookup);
  return lookup;
}

const GRADE_WORDS = "一二三四五六七八九";

/** Schooling written as a grade (小学三年级, 八年级, 高二) rather than a stage. */
function schoolingFromGrade(key: string): string | undefined {
  const grade = /^(?:小学)?([一二三四五六七八九])年级$/.exec(key) ?? /^(?:初中)?([七八九])年级$/.exec(key);
  if (grade) return GRADE_WORDS.indexOf(grade[1]!) < 6 ? "primary" : "junior";
  if (/^初[一二三]$/.test(key)) return "junior";
  if (/^高[一二三]$/.test(key)) return "senior";
  if (/^(?:大[一二三四]|大学[一二三四五]年级)$/.test(key)) return "undergraduate";
  return undefined;
}

/** A code-list value from its label or a common variant; the reason lists what is accepted. */
export function readCode<N extends RosterCodeListName>(name: N, text: string): Read<CodeOf<N>> {
  // The same few labels fill a column row after row: each list remembers what its texts read as.
  let known = readCodes.get(name);
  if (!known) {
    known = new Map();
    readCodes.set(name, known);
  }
  let read = known.get(text);
  if (!read) {
    if (known.size >= 10_000) known.clear();
    read = readCodeOnce(name, text);
    known.set(text, read);
  }
  return read as Read<CodeOf<N>>;
}

const readCodes = new Map<RosterCodeListName, Map<string, Read<string>>>();

function readCodeOnce<N extends RosterCodeListName>(name: N, text: string): Read<CodeOf<N>> {
  const key = normaliseText(text);
  const found = lookupOf(name).get(key) ?? lookupOf(name).get(key.replace(/致贫$/, ""));
  if (found) return ok(found as CodeOf<N>);
  if (name === "schoolingStatus") {
    const stage = schoolingFromGrade(key);
    if (stage) return ok(stage as CodeOf<N>);
  }
  if (name === "ethnicity" && /^.{1,8}族$/.test(key)) return ok("other" as CodeOf<N>);
  const labels = Object.values(ROSTER_CODE_LISTS[name] as CodeList<string>).map((l) => l.zh);
  return fail(`“${text}”不是可识别的值；可填：${labels.join("、")}`, "roster_value_not_listed");
}

// 安全/不安全: a household sheet's 饮水 column says how the water is, not yes or no.
const YES = new Set([
  "是",
  "有",
  "Y",
  "YES",
  "TRUE",
  "1",
  "√",
  "✓",
  "参加",
  "已参加",
  "已参保",
  "参保",
  "安全",
]);
const NO = new Set([
  "否",
  "无",
  "没有",
  "N",
  "NO",
  "FALSE",
  "0",
  "×",
  "✗",
  "未参加",
  "不参加",
  "未参保",
  "不安全",
]);

/** A yes-or-no cell: 是/否, 有/无, 参加/未参加, Y/N, 1/0, √/×. */
export function readYesNo(text: string): Read<boolean> {
  const key = normaliseText(text);
  if (YES.has(key)) return ok(true);
  if (NO.has(key)) return ok(false);
  return fail(`“${text}”不是“是”或“否”`, "roster_value_not_yes_no");
}

/** An amount or count: thousands separators, a trailing 元/亩/平方米 and a leading ¥ are allowed. */
export function readNumber(text: string): Read<number> {
  const key = normaliseText(text)
    .replace(/^[¥￥]/, "")
    .replace(/(元|亩|平方米|M2|㎡|个月|月)$/, "")
    .replace(/,/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(key)) return fail(`“${text}”不是数字`, "roster_value_not_number");
  return ok(Number(key));
}

/** A whole number within [min, max]. */
export function readWholeNumber(text: string, min: number, max: number): Read<number> {
  const read = readNumber(text);
  if (!read.ok) return read;
  if (!Number.isInteger(read.value)) return fail(`“${text}”不是整数`, "roster_value_not_whole_number");
  if (read.value < min || read.value > max)
    return fail(`${read.value} 不在 ${min}–${max} 之间`, "roster_value_out_of_range");
  return read;
}

/** A year: 2019, 2019年, 2019年脱贫, or a date in that year. */
export function readYear(text: string): Read<number> {
  const key = normaliseText(text);
  const match = /^(\d{4})(?:年.*|[-/.]\d{1,2}(?:[-/.]\d{1,2})?|年度)?$/.exec(key);
  if (!match) return fail(`“${text}”不是年份`, "roster_value_not_year");
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return fail(`年份 ${year} 不在 2000–2100 之间`, "roster_year_out_of_range");
  return ok(year);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The calendar date (YYYY-MM-DD) of an Excel serial day number (1900 date system). */
export function dateFromExcelSerial(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** A date: 2020-01-05, 2020/1/5, 2020.1.5, 2020年1月5日, 20200105, or an Excel serial day number. */
export function readDate(text: string): Read<string> {
  const key = normaliseText(text);
  let parts = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(key) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(key);
  if (!parts && /^\d{4,5}(\.\d+)?$/.test(key)) {
    parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateFromExcelSerial(Number(key)));
  }
  if (!parts) return fail(`“${text}”不是日期`, "roster_value_not_date");
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return fail(`日期“${text}”不存在`, "roster_date_not_exist");
  return ok(`${parts[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
}

/** A sex: 男/女 (also 男性, M/F). */
export function readSex(text: string): Read<"male" | "female"> {
  const key = normaliseText(text);
  if (["男", "男性", "M", "MALE", "1"].includes(key)) return ok("male");
  if (["女", "女性", "F", "FEMALE", "2"].includes(key)) return ok("female");
  return fail(`“${text}”不是“男”或“女”`, "roster_value_not_sex");
}

/**
 * A health cell, which in county sheets often carries the disability grade too (残疾（二级）,
 * 二级残疾) or several states at once (长期慢性病,残疾): the gravest state is kept.
 */
export function readHealth(
  text: string,
): Read<{ health: CodeOf<"health">; disabilityGrade: CodeOf<"disabilityGrade"> | null }> {
  const key = normaliseText(text);
  const grade = /([一二三四1234])级/.exec(key);
  const gradeCode = grade
    ? (`grade${"一二三四".includes(grade[1]!) ? "一二三四".indexOf(grade[1]!) + 1 : grade[1]}` as CodeOf<"disabilityGrade">)
    : null;
  const parts = key
    .replace(/\(?[一二三四1234]级\)?/g, "")
    .split(/[,，、;；/]/)
    .filter(Boolean);
  const codes: string[] = [];
  for (const part of parts.length > 0 ? parts : [key]) {
    const read = readCode("health", part);
    if (!read.ok) return fail(read.reason.replace(`“${part}”`, `“${text}”`), read.code);
    codes.push(read.value);
  }
  const gravest = (["disabled", "serious", "chronic", "healthy"] as const).find((c) => codes.includes(c))!;
  return ok({ health: gravest, disabilityGrade: gravest === "disabled" ? gradeCode : null });
}

/** A 脱贫属性 cell, which may carry the year too: 已脱贫（2019年）, 2019年脱贫. */
export function readPovertyStatus(
  text: string,
): Read<{ status: CodeOf<"status">; liftedYear: number | null }> {
  const key = normaliseText(text);
  const year = /(20\d{2})/.exec(key);
  const rest = key.replace(/\(?20\d{2}年?(度)?\)?/g, "");
  const read = readCode("status", rest === "" && year ? "已脱贫" : rest);
  if (!read.ok) return fail(read.reason.replace(`“${rest}”`, `“${text}”`), read.code);
  return ok({ status: read.value, liftedYear: year ? Number(year[1]) : null });
}

/** Several causes in one cell: 缺技术、缺资金 (separated by 、，,;/ or spaces). */
export function readCauses(text: string): Read<CodeOf<"cause">[]> {
  const parts = text
    .normalize("NFKC")
    .split(/[、,，;；/\s]+/)
    .filter(Boolean);
  const codes: CodeOf<"cause">[] = [];
  for (const part of parts) {
    const read = readCode("cause", part);
    if (!read.ok) return read;
    codes.push(read.value);
  }
  return ok(codes);
}
