import type { BriefingDetail } from "../../../shared/api/briefings.api.js";

// What the PDF and the Word document print alike.

/** A date as 2020年3月5日. */
export function zhDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** "第3期　　县扶贫开发领导小组办公室　　2020年3月5日", or "（草稿）" before issue. */
export function issueLine(b: BriefingDetail): string {
  if (b.status !== "issued" || b.issueNumber === null || b.issuedOn === null) return "（草稿，未印发）";
  return `第${b.issueNumber}期　　${b.issuingOffice ?? ""}　　${zhDate(b.issuedOn)}`;
}

/** A section's text as paragraphs (blank lines separate them). */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.replace(/\s*\n\s*/g, "").trim())
    .filter(Boolean);
}
