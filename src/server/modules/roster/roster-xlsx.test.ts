import { describe, expect, it } from "vitest";
import { zipOf } from "../../test/roster-fixtures.js";
import { bufferSource } from "./roster-source.js";
import type { RosterSheet, SheetRow } from "./roster-workbook.js";
import { xlsxSheets } from "./roster-xlsx.js";
import { inspectZipSource } from "./roster-zip.js";

// The .xlsx reader on workbooks written by hand the ways other programs write them (WPS, the
// OpenXML SDK's x: prefixes, no cell references, inline strings, the 1904 date system), which the
// tests of files made by exceljs never show.

/** A zip archive of the given parts as text (deflated); `declaredSize` lies about one part's size. */
function zipOfText(parts: { name: string; text: string; declaredSize?: number }[]): Buffer {
  return zipOf(parts.map(({ text, ...part }) => ({ ...part, content: Buffer.from(text, "utf8") })));
}

const WORKBOOK = (date1904: boolean) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
  <x:workbookPr ${date1904 ? 'date1904="1"' : ""}/>
  <x:sheets>
    <x:sheet name="说明" sheetId="2" r:id="rId2"/>
    <x:sheet name="人员&amp;户" sheetId="1" r:id="rId1"/>
  </x:sheets>
</x:workbook>`;

const RELS = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>
  <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/notes.xml"/>
  <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>
  <Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`;

// Styles: 0 general, 1 built-in date (14), 2 custom Chinese date, 3 Chinese built-in date (31), 4 a
// number format with a quoted 元 (not a date); cellStyleXfs must not count.
const STYLES = `<styleSheet>
  <numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
  <numFmt numFmtId="177" formatCode="#,##0.00&quot;元&quot;"/></numFmts>
  <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
  <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="31"/><xf numFmtId="177"/></cellXfs>
</styleSheet>`;

const STRINGS = `<sst count="3" uniqueCount="3">
  <si><t>户编号</t></si>
  <si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>ZHANG</t></rPh></si>
  <si><t>A &lt;B&gt; &#x4E2D;&#25991;</t></si>
</sst>`;

// No r attributes on the first row (cells and row numbered in order); x: prefixes throughout.
const DATA = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:r><x:t>姓</x:t></x:r><x:r><x:t>名</x:t></x:r><x:rPh><x:t>X</x:t></x:rPh></x:is></x:c></x:row>
<x:row r="3" spans="1:9"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="C3" t="s"><x:v>2</x:v></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c><x:c r="E3" t="e"><x:v>#N/A</x:v></x:c><x:c r="F3"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="G3"><x:f>A1</x:f></x:c><x:c r="H3" t="str"><x:f>B1</x:f><x:v>a&amp;b</x:v></x:c><x:c r="I3" s="4"><x:v>1234.5</x:v></x:c><x:c r="J3" s="9"/></x:row>
<x:row r="4"><x:c r="A4" s="1"><x:v>43831</x:v></x:c><x:c r="B4" s="2"><x:v>43831.5</x:v></x:c><x:c r="C4" s="3"><x:v>36526</x:v></x:c><x:c r="D4"><x:v>341823197503021234</x:v></x:c></x:row>
</x:sheetData></x:worksheet>`;

const NOTES = `<worksheet><sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>`;

function workbook(date1904 = false) {
  return zipOfText([
    { name: "xl/worksheets/data.xml", text: DATA },
    { name: "xl/workbook.xml", text: WORKBOOK(date1904) },
    { name: "xl/_rels/workbook.xml.rels", text: RELS },
    { name: "xl/strings.xml", text: STRINGS },
    { name: "xl/styles.xml", text: STYLES },
    { name: "xl/worksheets/notes.xml", text: NOTES },
  ]);
}

async function read(bytes: Buffer): Promise<{ name: string; rows: SheetRow[] }[]> {
  const source = bufferSource("a.xlsx", bytes);
  const zip = await inspectZipSource(source);
  if (!zip.ok) throw new Error(zip.reason);
  const sheets: { name: string; rows: SheetRow[] }[] = [];
  for await (const sheet of xlsxSheets(source, zip.entries) as AsyncIterable<RosterSheet>) {
    const rows: SheetRow[] = [];
    for await (const row of sheet.rows) rows.push(row);
    sheets.push({ name: sheet.name, rows });
  }
  return sheets;
}

const day = (iso: string) => new Date(iso);

describe("reading .xlsx parts directly", () => {
  it("reads sheets in the workbook's order with the values other programs write", async () => {
    const [notes, data] = await read(workbook());
    expect(notes).toEqual({ name: "说明", rows: [{ rowNumber: 1, cells: [null, "说明"] }] });
    expect(data!.name).toBe("人员&户");
    expect(data!.rows).toEqual([
      // Rich text joined, phonetic runs left out; cells without references in order.
      { rowNumber: 1, cells: ["户编号", "姓名"] },
      {
        rowNumber: 3,
        cells: [
          "张三 ",
          null,
          "A <B> 中文",
          true,
          { error: "#N/A" },
          2,
          { error: "公式无计算结果" },
          "a&b",
          1234.5,
        ],
      },
      {
        rowNumber: 4,
        cells: [
          day("2020-01-01T00:00:00Z"),
          day("2020-01-01T12:00:00Z"),
          day("2000-01-01T00:00:00Z"),
          // An ID number typed as a number: what Excel stored (its last digits already lost).
          Number("341823197503021234"),
        ],
      },
    ]);
  });

  it("reads dates of the 1904 date system", async () => {
    const [, data] = await read(workbook(true));
    expect(data!.rows[2]!.cells[0]).toEqual(day("2024-01-02T00:00:00Z"));
  });

  it("stops a part that inflates to more than it declared", async () => {
    const bomb = zipOfText([
      { name: "xl/workbook.xml", text: WORKBOOK(false) },
      { name: "xl/_rels/workbook.xml.rels", text: RELS },
      {
        name: "xl/worksheets/data.xml",
        text: `<worksheet><sheetData>${"<row/>".repeat(100_000)}</sheetData></worksheet>`,
        declaredSize: 1_000,
      },
    ]);
    await expect(read(bomb)).rejects.toThrow(/压缩炸弹/);
  });
});
