import { idNumberChecksum } from "../../../shared/id-number.js";

/** A seeded pseudo-random source (mulberry32): the same seed gives the same demo data. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
}

/** A reproducible random source from a 32-bit seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => {
    if (list.length === 0) throw new Error("Cannot pick from an empty list");
    return list[int(0, list.length - 1)]!;
  };
  return { next, int, pick };
}

/** Common Han surnames (roughly the hundred most frequent). */
export const SURNAMES: readonly string[] = [
  ..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱",
];
const GIVEN_MALE = [
  ..."伟强磊军勇杰涛明超华平刚建国志文斌辉鹏飞龙海波宇俊峰林浩东成兴云福贵富顺山春晨阳忠德保发荣义永庆",
];
const GIVEN_FEMALE = [..."芳娜敏静丽艳娟霞燕玲婷雪慧琴英梅兰红秀凤洁莉萍桂珍月翠蓉娥菊彩春晓琳佳欣淑华玉"];

// Ebian and Mabian are Yi autonomous counties: many residents bear Yi clan names written in
// Chinese characters (吉克, 沙马…) followed by a two-character given name.
const YI_COUNTIES = new Set(["511132", "511133"]);
/** Yi clan names as commonly written in Chinese characters. */
export const YI_SURNAMES: readonly string[] = [
  "吉克",
  "沙马",
  "阿苏",
  "曲比",
  "海来",
  "吉伍",
  "俄木",
  "马海",
  "勒格",
  "阿说",
  "瓦扎",
  "吉尔",
];
const YI_GIVEN_MALE = ["拉则", "木呷", "尔古", "日哈", "石布", "伍沙", "阿木", "尔布", "拉哈", "约达"];
const YI_GIVEN_FEMALE = ["阿呷", "阿果", "伍呷", "阿支", "日莫", "史体", "阿衣", "拉美", "阿西", "么么"];

export interface SyntheticPerson {
  name: string;
  sex: "male" | "female";
  /** YYYY-MM-DD. */
  birthDate: string;
  /** 18 characters, valid checksum, in the county's 6-digit region. */
  idNumber: string;
  /** 11 digits in the 170 block, so it is recognisably fake. */
  phone: string;
}

export interface PersonOptions {
  countyCode6: string;
  /** The day ages are counted on (YYYY-MM-DD); fixed so the output does not depend on today. */
  referenceDate: string;
  /** Youngest age in whole years on `referenceDate` (default 0). */
  minAge?: number;
  /** Oldest age in whole years on `referenceDate` (default 90). */
  maxAge?: number;
  sex?: "male" | "female";
  /** A family surname to share (Han or Yi). */
  surname?: string;
}

const DAY_MS = 86_400_000;

/** `date` moved back `years` calendar years; 29 February becomes the 28th in a common year. */
function yearsBefore(date: Date, years: number): Date {
  const year = date.getUTCFullYear() - years;
  const month = date.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

function syntheticName(random: Random, sex: "male" | "female", options: PersonOptions): string {
  const yiAllowed = YI_COUNTIES.has(options.countyCode6);
  const surname =
    options.surname ?? (yiAllowed && random.next() < 0.5 ? random.pick(YI_SURNAMES) : random.pick(SURNAMES));
  if (YI_SURNAMES.includes(surname))
    return surname + random.pick(sex === "male" ? YI_GIVEN_MALE : YI_GIVEN_FEMALE);
  const pool = sex === "male" ? GIVEN_MALE : GIVEN_FEMALE;
  return surname + random.pick(pool) + (random.next() < 0.6 ? random.pick(pool) : "");
}

/**
 * A clearly synthetic person: a common name, a birth date giving an age within [minAge, maxAge] on
 * the reference date (never before 1900), an ID number in the county with a valid checksum that
 * agrees with the birth date and sex, and a phone in the 170 block (virtual operators).
 */
export function syntheticPerson(random: Random, options: PersonOptions): SyntheticPerson {
  const reference = new Date(`${options.referenceDate}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.referenceDate) || Number.isNaN(reference.getTime()))
    throw new Error(`Not a reference date: ${options.referenceDate}`);
  if (!/^\d{6}$/.test(options.countyCode6))
    throw new Error(`Not a 6-digit county code: ${options.countyCode6}`);
  const minAge = options.minAge ?? 0;
  const maxAge = options.maxAge ?? 90;
  // Born after the (maxAge + 1)th birthday's eve and on or before the minAge-th: a whole-years age in range.
  const latest = yearsBefore(reference, minAge).getTime();
  const earliest = Math.max(yearsBefore(reference, maxAge + 1).getTime() + DAY_MS, Date.UTC(1900, 0, 1));
  if (earliest > latest) throw new Error(`No birth date gives an age from ${minAge} to ${maxAge}`);

  const sex = options.sex ?? (random.next() < 0.5 ? "male" : "female");
  const name = syntheticName(random, sex, options);
  const birth = new Date(earliest + random.int(0, Math.round((latest - earliest) / DAY_MS)) * DAY_MS);
  const birthDate = birth.toISOString().slice(0, 10);
  // Sequence 001–999 with the last digit odd for men and even for women; 000 is never issued.
  const sequence = random.int(1, 499) * 2 - (sex === "male" ? 1 : 0);
  const first17 = `${options.countyCode6}${birthDate.replace(/-/g, "")}${String(sequence).padStart(3, "0")}`;
  return {
    name,
    sex,
    birthDate,
    idNumber: first17 + idNumberChecksum(first17),
    phone: `170${String(random.int(0, 99_999_999)).padStart(8, "0")}`,
  };
}
