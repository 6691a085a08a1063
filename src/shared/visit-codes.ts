import type { CodeList } from "./household-codes.js";

// Code lists of field visits and epidemic screening. Codes are stored in the database (and read by
// the monitoring module); labels are what people read.

export const VISIT_KINDS = {
  on_site: { zh: "实地走访", en: "On site" },
  phone: { zh: "电话", en: "Phone" },
  video: { zh: "视频", en: "Video call" },
  wechat: { zh: "微信", en: "WeChat" },
} as const satisfies CodeList<string>;
export type VisitKind = keyof typeof VISIT_KINDS;

/** Kinds of problem found on a visit; together they make a campaign's difficulty list. */
export const PROBLEM_KINDS = {
  medical: { zh: "就医", en: "Medical care" },
  food: { zh: "缺粮缺食", en: "Food" },
  supplies: { zh: "生活物资", en: "Daily supplies" },
  farming: { zh: "春耕生产", en: "Farming" },
  job: { zh: "务工就业", en: "Job" },
  school: { zh: "上学", en: "School" },
  housing: { zh: "住房", en: "Housing" },
  loan: { zh: "贷款", en: "Loan" },
  produce_unsold: { zh: "农产品滞销", en: "Produce unsold" },
  other: { zh: "其他", en: "Other" },
} as const satisfies CodeList<string>;
export type ProblemKind = keyof typeof PROBLEM_KINDS;

/** A member's epidemic status found on a visit (疫情排查). */
export const EPIDEMIC_STATUSES = {
  none: { zh: "无", en: "None" },
  home_isolation: { zh: "居家隔离", en: "Home isolation" },
  central_quarantine: { zh: "集中隔离", en: "Central quarantine" },
  released: { zh: "已解除隔离", en: "Released" },
} as const satisfies CodeList<string>;
export type EpidemicStatus = keyof typeof EPIDEMIC_STATUSES;

/** The isolation statuses, most severe first: a household counts under its most severe member. */
export const ISOLATION_SEVERITY: readonly Exclude<EpidemicStatus, "none">[] = [
  "central_quarantine",
  "home_isolation",
  "released",
];

/** One item of a visit's indicator checklist. */
export interface VisitIndicator {
  code: string;
  zh: string;
  en: string;
}

/**
 * The checklist of counties that set none of their own: the basic guarantees (两不愁三保障) and
 * safe drinking water. A county may replace it, e.g. with Guangdong's 八有.
 */
export const DEFAULT_VISIT_INDICATORS: readonly VisitIndicator[] = [
  { code: "food", zh: "不愁吃", en: "Enough to eat" },
  { code: "clothing", zh: "不愁穿", en: "Enough to wear" },
  { code: "education", zh: "义务教育有保障", en: "Compulsory education secured" },
  { code: "medical", zh: "基本医疗有保障", en: "Basic medical care secured" },
  { code: "housing", zh: "住房安全有保障", en: "Safe housing secured" },
  { code: "water", zh: "饮水安全有保障", en: "Safe drinking water secured" },
];

/** Largest photo accepted, after compression on the phone. */
export const VISIT_PHOTO_MAX_BYTES = 400 * 1024;
/** Photos per visit. */
export const VISIT_PHOTO_MAX_COUNT = 3;
/** Media types of photos; each is checked by its first bytes, not by what the client says. */
export const VISIT_PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type VisitPhotoType = (typeof VISIT_PHOTO_TYPES)[number];

/** The media type a file's first bytes show, among the accepted photo types; undefined for anything else. */
export function sniffPhotoType(bytes: Uint8Array): VisitPhotoType | undefined {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (bytes.length >= 3 && starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (bytes.length >= 8 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return undefined;
}

/**
 * The day it is in China (UTC+8, no daylight saving) at `now`, as YYYY-MM-DD: a visit dated after
 * it is in the future wherever the server's clock is set.
 */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
