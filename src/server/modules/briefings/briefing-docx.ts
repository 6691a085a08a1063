import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Packer,
  Paragraph,
  TextRun,
} from "docx";
import type { BriefingDetail } from "../../../shared/api/briefings.api.js";
import { issueLine, paragraphsOf } from "./briefing-layout.js";

// The briefing as an A4 Word document laid out like the PDF. Word documents name their fonts
// rather than embed them: 仿宋 and 宋体 come with every Chinese Windows and WPS, and LibreOffice
// substitutes its own CJK font.

const RED = "C00000";
const BODY_FONT = { ascii: "FangSong", eastAsia: "仿宋", hAnsi: "FangSong" };
const HEADING_FONT = { ascii: "SimHei", eastAsia: "黑体", hAnsi: "SimHei" };
const TITLE_FONT = { ascii: "SimSun", eastAsia: "宋体", hAnsi: "SimSun" };
// Sizes are in half-points: 三号 16pt, 二号 22pt, 初号 42pt, 四号 14pt.
const SIZE = { body: 32, heading: 32, title: 44, masthead: 72, small: 28 };

export async function writeBriefingDocx(b: BriefingDetail): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          text: `${b.issuingOffice ?? b.regionName}简报`,
          color: RED,
          bold: true,
          size: SIZE.masthead,
          font: TITLE_FONT,
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: RED, space: 6 } },
      children: [new TextRun({ text: issueLine(b), size: SIZE.small, font: BODY_FONT })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360, after: 360 },
      children: [new TextRun({ text: b.title, bold: true, size: SIZE.title, font: TITLE_FONT })],
    }),
  ];
  for (const section of b.sections) {
    children.push(
      new Paragraph({
        spacing: { before: 240, after: 120 },
        children: [new TextRun({ text: section.heading, size: SIZE.heading, font: HEADING_FONT })],
      }),
    );
    for (const paragraph of paragraphsOf(section.text)) {
      children.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 640 },
          spacing: { line: 560, lineRule: "exact" },
          children: [new TextRun({ text: paragraph, size: SIZE.body, font: BODY_FONT })],
        }),
      );
    }
  }
  if (b.distribution) {
    children.push(
      new Paragraph({
        spacing: { before: 480 },
        border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 6 } },
        children: [new TextRun({ text: `分送：${b.distribution}`, size: SIZE.small, font: BODY_FONT })],
      }),
    );
  }
  const document = new Document({
    title: b.title,
    creator: b.issuingOffice ?? "Bangfu",
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
