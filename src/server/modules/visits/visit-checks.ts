// A visit's checks beyond its schema: dates, members, duplicates, photos and the county's checklist.
// Each check reports every problem at once, as one VALIDATION_FAILED error.
import {
  chinaToday,
  DEFAULT_VISIT_INDICATORS,
  sniffPhotoType,
  VISIT_PHOTO_MAX_BYTES,
  type VisitIndicator,
} from "../../../shared/visit-codes.js";
import { AppError, type ErrorDetail } from "../../http/app-error.js";
import type { ParsedVisit } from "./visit-write.js";

const EARLIEST_VISIT = "2013-01-01";
// A phone's clock may run a little fast; a record "saved" further ahead than this is refused.
const CLOCK_SKEW_MS = 10 * 60_000;

export function fail(details: ErrorDetail[]): never {
  throw new AppError("VALIDATION_FAILED", details);
}

/** Dates, members and duplicates the schema cannot see; every problem at once. */
export function checkVisit(visit: ParsedVisit, memberIds: ReadonlySet<string>, now: Date): void {
  const today = chinaToday(now);
  const problems: ErrorDetail[] = [];
  if (visit.visitedOn > today) problems.push({ path: "body.visitedOn", message: "走访日期不能晚于今天" });
  if (visit.visitedOn < EARLIEST_VISIT)
    problems.push({ path: "body.visitedOn", message: "走访日期早于 2013 年" });
  if (Date.parse(visit.recordedAt) > now.getTime() + CLOCK_SKEW_MS) {
    problems.push({ path: "body.recordedAt", message: "记录时间在未来：请检查手机的日期和时间" });
  }
  const seen = new Set<string>();
  visit.memberStatuses.forEach((status, i) => {
    const path = `body.memberStatuses.${i}`;
    if (!memberIds.has(status.memberId))
      problems.push({ path: `${path}.memberId`, message: "该成员不属于本户" });
    if (seen.has(status.memberId)) problems.push({ path: `${path}.memberId`, message: "同一成员填写了两次" });
    seen.add(status.memberId);
    for (const key of ["since", "until"] as const) {
      const date = status[key];
      if (date !== null && date > today)
        problems.push({ path: `${path}.${key}`, message: "日期不能晚于今天" });
    }
    if (status.since !== null && status.until !== null && status.until < status.since) {
      problems.push({ path: `${path}.until`, message: "解除日期早于开始日期" });
    }
    if (status.status === "none" && (status.since !== null || status.until !== null)) {
      problems.push({ path: `${path}.since`, message: "未隔离的成员不填隔离日期" });
    }
  });
  visit.problems.forEach((problem, i) => {
    if (problem.kind === "other" && problem.note === "") {
      problems.push({ path: `body.problems.${i}.note`, message: "“其他”困难请写明是什么" });
    }
  });
  if (problems.length > 0) fail(problems);
}

/** The photos' bytes, each checked to be the image it claims by its first bytes. */
export function decodePhotos(visit: ParsedVisit): { mediaType: string; content: Buffer }[] {
  const problems: ErrorDetail[] = [];
  const photos = visit.photos.map((photo, i) => {
    const content = Buffer.from(photo.dataBase64, "base64");
    const sniffed = sniffPhotoType(content);
    if (content.length === 0 || content.length > VISIT_PHOTO_MAX_BYTES) {
      problems.push({ path: `body.photos.${i}.dataBase64`, message: "照片为空或过大，请压缩后再传" });
    } else if (sniffed === undefined) {
      problems.push({ path: `body.photos.${i}.dataBase64`, message: "不是图片（只收 JPEG、PNG、WebP）" });
    } else if (sniffed !== photo.mediaType) {
      problems.push({
        path: `body.photos.${i}.mediaType`,
        message: `照片实际是 ${sniffed}，与声明的格式不符`,
      });
    }
    return { mediaType: photo.mediaType, content };
  });
  if (problems.length > 0) fail(problems);
  return photos;
}

/** The checklist answers with their labels, checked against the county's list (read with the household). */
export function labelIndicators(visit: ParsedVisit, countyList: readonly VisitIndicator[] | null) {
  if (visit.indicators.length === 0) return [];
  const list = countyList ?? DEFAULT_VISIT_INDICATORS;
  const byCode = new Map(list.map((indicator) => [indicator.code, indicator]));
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  const labelled = visit.indicators.map((answer, i) => {
    const indicator = byCode.get(answer.code);
    if (!indicator)
      problems.push({ path: `body.indicators.${i}.code`, message: "不是本县走访指标清单中的指标" });
    if (seen.has(answer.code))
      problems.push({ path: `body.indicators.${i}.code`, message: "同一指标填写了两次" });
    seen.add(answer.code);
    return { code: answer.code, label: indicator?.zh ?? "", isMet: answer.isMet, note: answer.note };
  });
  if (problems.length > 0) fail(problems);
  return labelled;
}
