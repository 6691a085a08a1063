import { existsSync } from "node:fs";
import PDFDocument from "pdfkit";
import type { BriefingDetail } from "../../../shared/api/briefings.api.js";
import { AppError } from "../../http/app-error.js";
import { issueLine, paragraphsOf } from "./briefing-layout.js";

// The briefing as an A4 PDF in the shape of a government bulletin (红头简报): the red masthead,
// the issue line over a red rule, the title, the sections, and the distribution list at the foot.
// The Chinese font is read from the machine (nothing is fetched) and embedded as a subset.

/** Fonts tried in order: BANGFU_PDF_FONT, then the CJK fonts Debian, macOS and Windows ship. */
const FONT_CANDIDATES: { path: string; family?: string }[] = [
  { path: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", family: "WenQuanYiMicroHei" },
  { path: "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", family: "WenQuanYiZenHei" },
  { path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", family: "NotoSansCJKsc-Regular" },
  { path: "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", family: "NotoSerifCJKsc-Regular" },
  { path: "/System/Library/Fonts/PingFang.ttc", family: "PingFangSC-Regular" },
  { path: "C:\\Windows\\Fonts\\simsun.ttc", family: "SimSun" },
];

/** The font file the PDF embeds, or undefined when the machine has none. */
export function findPdfFont(): { path: string; family?: string } | undefined {
  const configured = process.env.BANGFU_PDF_FONT;
  if (configured) return existsSync(configured) ? { path: configured } : undefined;
  return FONT_CANDIDATES.find((font) => existsSync(font.path));
}

const RED = "#c00000";
const MM = 72 / 25.4;

/** Renders the briefing; FONT_UNAVAILABLE when the machine has no Chinese font. */
export function writeBriefingPdf(b: BriefingDetail): Promise<Buffer> {
  const font = findPdfFont();
  if (!font) throw new AppError("FONT_UNAVAILABLE");
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM },
    info: { Title: b.title, Author: b.issuingOffice ?? "", Subject: "简报" },
    pdfVersion: "1.7",
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("cjk", font.path, font.family);
  doc.font("cjk");
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;

  // Masthead: the office's name and 简报 in red, the issue line, a red rule.
  // One line of red type, as large as fits (a long office name gets smaller characters).
  const masthead = `${b.issuingOffice ?? b.regionName}简报`;
  const mastheadSize = Math.min(30, Math.floor((width / [...masthead].length) * 0.9));
  doc.fillColor(RED).fontSize(mastheadSize).text(masthead, { align: "center", characterSpacing: 1 });
  doc.moveDown(0.6);
  doc.fillColor("black").fontSize(14).text(issueLine(b), { align: "center" });
  doc.moveDown(0.4);
  const ruleY = doc.y + 4;
  doc
    .moveTo(left, ruleY)
    .lineTo(left + width, ruleY)
    .lineWidth(1.5)
    .strokeColor(RED)
    .stroke();
  doc.y = ruleY + 18;

  doc.fillColor("black").fontSize(20).text(b.title, left, doc.y, { align: "center", width });
  doc.moveDown(0.8);
  for (const section of b.sections) {
    doc.fontSize(16).text(section.heading, { width });
    doc.moveDown(0.3);
    for (const paragraph of paragraphsOf(section.text)) {
      doc.fontSize(14).text(paragraph, { width, indent: 28, lineGap: 6, align: "justify" });
      doc.moveDown(0.4);
    }
    doc.moveDown(0.4);
  }
  if (b.distribution) {
    doc.moveDown(1);
    const y = doc.y;
    doc
      .moveTo(left, y)
      .lineTo(left + width, y)
      .lineWidth(0.75)
      .strokeColor("black")
      .stroke();
    doc.y = y + 6;
    doc.fontSize(12).text(`分送：${b.distribution}`, left, doc.y, { width });
  }
  doc.end();
  return done;
}
