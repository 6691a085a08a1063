import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { matchHeader } from "../../../shared/roster/roster-columns.js";
import {
  readCode,
  readHealth,
  readNumber,
  readPovertyStatus,
  readYesNo,
} from "../../../shared/roster/roster-values.js";
import {
  csvOf,
  KUIFENG_HEADER,
  kuifengHouseholds,
  NATIONAL_HEADER,
  twoSheetHouseholds,
  workbookOf,
  xlsxOf,
  zipOf,
} from "../../test/roster-fixtures.js";
import type { RosterBook } from "./roster-book.js";
import { CsvReader } from "./roster-csv.js";
import { readRoster } from "./roster-read.js";
import { bufferSource } from "./roster-source.js";
import { inspectZipSource } from "./roster-zip.js";

// Reading files as counties send them, and refusing, with a reason, what no one could import.

async function reasonFor(bytes: Buffer, fileName = "花名册.xlsx"): Promise<string> {
  const read = await readRoster([bufferSource(fileName, bytes)]);
  if (read.ok) {
    await read.book.close();
    throw new Error("expected the file to be refused");
  }
  return read.reason;
}

/** Reads a file that must be readable, hands its book to `check`, and cleans up. */
async function withBook(bytes: Buffer, fileName: string, check: (book: RosterBook) => Promise<void> | void) {
  const read = await readRoster([bufferSource(fileName, bytes)]);
  if (!read.ok) throw new Error(read.reason);
  try {
    await check(read.book);
  } finally {
    await read.book.close();
  }
}

describe("values as clerks type them", () => {
  it("matches headers by meaning", () => {
    expect(matchHeader("乡（镇）")).toBe("township");
    expect(matchHeader(" 乡 (镇) ")).toBe("township");
    expect(matchHeader("组")).toBe("group");
    expect(matchHeader("身份证号码")).toBe("idNumber");
    expect(matchHeader("务工时间(个月)")).toBe("workMonths");
    expect(matchHeader("人均纯收入（元）")).toBe("perCapitaIncome");
    expect(matchHeader("*户编号")).toBe("householdNumber");
    expect(matchHeader("户主姓名")).toBe("headName");
    expect(matchHeader("备注")).toBeUndefined();
  });

  it("reads labels and their variants as codes", () => {
    expect(readCode("relation", "之子")).toEqual({ ok: true, value: "son" });
    expect(readCode("relation", "长女")).toEqual({ ok: true, value: "daughter" });
    expect(readCode("workPlace", "省外务工")).toEqual({ ok: true, value: "out_of_province" });
    expect(readCode("schoolingStatus", "小学三年级")).toEqual({ ok: true, value: "primary" });
    expect(readCode("cause", "因病致贫")).toEqual({ ok: true, value: "illness" });
    expect(readCode("povertyAttribute", "五保户")).toEqual({ ok: true, value: "tekun" });
    expect(readCode("ethnicity", "土家族")).toEqual({ ok: true, value: "tujia" });
    expect(readCode("ethnicity", "布依族")).toEqual({ ok: true, value: "other" });
    expect(readHealth("长期慢性病,残疾（二级）")).toEqual({
      ok: true,
      value: { health: "disabled", disabilityGrade: "grade2" },
    });
    expect(readPovertyStatus("2019年脱贫")).toEqual({
      ok: true,
      value: { status: "lifted", liftedYear: 2019 },
    });
    expect(readYesNo(" 是 ")).toEqual({ ok: true, value: true });
    expect(readNumber("￥5，123.50元")).toEqual({ ok: true, value: 5123.5 });
    expect(readCode("relation", "表哥").ok).toBe(false);
  });
});

describe("reading files", () => {
  it("reads every character of a large sheet exactly (multi-byte text across stream chunks)", async () => {
    const names = Array.from({ length: 20_000 }, (_, i) => [
      `张${"三李四王五赵六"[i % 7]}${i}号`,
      "341823",
      "汉族",
    ]);
    const file = await xlsxOf([
      ["户编号", "姓名", "证件号码", "与户主关系", "行政村"],
      ...names.map((n) => ["1", ...n]),
    ]);
    await withBook(file, "大表.xlsx", async (book) => {
      expect((await book.allRows()).map((r) => r.text.name)).toEqual(names.map((n) => n[0]));
    });
  });

  it("reads a file whose zip holds the sheet before the workbook part", async () => {
    const file = await xlsxOf([KUIFENG_HEADER, ...kuifengHouseholds().rows]);
    // exceljs's own zip library, to take the file apart and put it together in another order.
    const JSZip = createRequire(createRequire(import.meta.url).resolve("exceljs"))("jszip") as {
      loadAsync(data: Buffer): Promise<{
        files: Record<string, { dir: boolean; async(type: "nodebuffer"): Promise<Buffer> }>;
      }>;
    };
    const zip = await JSZip.loadAsync(file);
    const entries = await Promise.all(
      Object.entries(zip.files)
        .filter(([, entry]) => !entry.dir)
        .map(async ([name, entry]) => ({ name, content: await entry.async("nodebuffer") })),
    );
    const rank = (name: string) =>
      name === "xl/workbook.xml" ? 2 : name.startsWith("xl/worksheets/") ? 1 : 0;
    const reordered = entries.sort((a, b) => rank(a.name) - rank(b.name));
    expect(reordered.map((e) => e.name)).toContain("xl/sharedStrings.xml");
    await withBook(zipOf(reordered), "a.xlsx", async (book) => {
      expect(book.tables).toHaveLength(1);
      expect((await book.allRows()).length).toBe(kuifengHouseholds().rows.length);
    });
  });

  it("finds the header below title rows and skips a notes sheet", async () => {
    const file = await xlsxOf([KUIFENG_HEADER, ...kuifengHouseholds().rows], {
      title: "标题",
      extraSheetFirst: true,
    });
    await withBook(file, "a.xlsx", (book) => {
      expect(book.tables).toHaveLength(1);
      expect(book.personTable).toMatchObject({ sheetIndex: 1, layout: { headerRow: 3 } });
    });
  });

  it("detects UTF-8, UTF-8 with BOM and GBK CSV", async () => {
    const rows = [NATIONAL_HEADER, NATIONAL_HEADER.map(() => "茂林镇")];
    for (const [encoding, detected] of [
      ["utf-8", "utf-8"],
      ["utf-8-bom", "utf-8-bom"],
      ["gbk", "gb18030"],
    ] as const) {
      await withBook(csvOf(rows, encoding), "a.csv", async (book) => {
        expect(book).toMatchObject({ format: "csv", encoding: detected });
        expect((await book.allRows())[0]!.text.township).toBe("茂林镇");
      });
    }
  });
});

describe("CSV read as it streams", () => {
  it("reads the same rows however the text is cut into pieces", () => {
    const text = 'a,"b,1","c ""q""",\r\n"line\r\nbreak",x,\n\r\nlast,"unclosed\n';
    const whole = new CsvReader(",");
    const expected = [...whole.push(text), ...whole.end()];
    expect(expected.map((r) => r.cells)).toEqual([
      ["a", "b,1", 'c "q"', ""],
      ["line\r\nbreak", "x", ""],
      [""],
      ["last", "unclosed\n"],
    ]);
    for (let cut = 1; cut < text.length; cut += 1) {
      const reader = new CsvReader(",");
      const rows = [...reader.push(text.slice(0, cut)), ...reader.push(text.slice(cut)), ...reader.end()];
      expect(rows, `cut at ${cut}`).toEqual(expected);
    }
  });
});

describe("a household sheet and a member sheet", () => {
  it("tells them apart by their headers and reads both", async () => {
    const { households, members } = twoSheetHouseholds();
    const file = await workbookOf([
      { name: "人员", rows: members },
      {
        name: "汇总",
        rows: [
          ["乡镇", "户数"],
          ["茂林镇", 2],
        ],
      },
      { name: "农户", rows: households },
    ]);
    await withBook(file, "两表.xlsx", async (book) => {
      expect(book.tables.map((t) => [t.kind, t.label, t.sheetIndex])).toEqual([
        ["person", "人员", 0],
        ["household", "农户", 2],
      ]);
      expect(book.households.map((h) => [h.people.length, h.householdRow >= 0])).toEqual([
        [3, true],
        [2, true],
      ]);
    });
  });

  it("refuses a household sheet alone", async () => {
    const file = await workbookOf([{ name: "户表", rows: twoSheetHouseholds().households }]);
    expect(await reasonFor(file)).toContain("只找到户表");
  });
});

describe("files no one could import", () => {
  it("refuses truncated and corrupted workbooks", async () => {
    const file = await xlsxOf([KUIFENG_HEADER, ...kuifengHouseholds().rows]);
    expect(await reasonFor(file.subarray(0, Math.floor(file.length / 2)))).toContain("不完整或已损坏");
    const corrupted = Buffer.from(file);
    corrupted.fill(0x55, 200, 2_000);
    expect(await reasonFor(corrupted)).toMatch(/损坏/);
  });

  it("refuses other kinds of file renamed .xlsx", async () => {
    expect(await reasonFor(Buffer.from("%PDF-1.7 ..."))).toContain("PDF");
    expect(await reasonFor(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toContain(".xls");
    expect(await reasonFor(Buffer.from("just some text"))).toContain("不是Excel工作簿");
    const docx = zipOf([{ name: "word/document.xml", content: Buffer.from("<w/>") }]);
    expect(await reasonFor(docx)).toContain("Word文档");
    expect(await reasonFor(Buffer.alloc(0))).toContain("空的");
  });

  it("refuses empty sheets, header-only files and missing required columns", async () => {
    expect(await reasonFor(await xlsxOf([]))).toContain("空的");
    expect(await reasonFor(await xlsxOf([NATIONAL_HEADER]))).toContain("只有表头");
    const withoutIds = NATIONAL_HEADER.filter((h) => h !== "证件号码" && h !== "与户主关系");
    expect(await reasonFor(await xlsxOf([withoutIds, withoutIds.map(() => "x")]))).toContain(
      "缺少必需的列：证件号码、与户主关系",
    );
    expect(
      await reasonFor(
        csvOf(
          [
            ["甲", "乙"],
            ["1", "2"],
          ],
          "utf-8",
        ),
        "a.csv",
      ),
    ).toContain("找不到表头行");
  });

  it("refuses zip bombs by their declared sizes, before inflating anything", async () => {
    const bomb = zipOf([
      { name: "xl/workbook.xml", content: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", content: Buffer.alloc(20 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await reasonFor(bomb)).toContain("压缩炸弹");
    const liar = zipOf([
      { name: "xl/workbook.xml", content: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", content: Buffer.from("<x/>"), declaredSize: 2_000_000_000 },
    ]);
    expect(await inspectZipSource(bufferSource("liar.xlsx", liar))).toMatchObject({
      ok: false,
      reason: expect.stringContaining("压缩炸弹"),
    });
  });
});
