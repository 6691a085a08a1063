import { beforeAll, describe, expect, it } from "vitest";
import { rosterProblemInEnglish } from "../../../shared/roster/roster-problems.js";
import {
  csvOf,
  KUIFENG_HEADER,
  kuifengHouseholds,
  person,
  twoSheetHouseholds,
  workbookOf,
  xlsxOf,
} from "../../test/roster-fixtures.js";
import { ROSTER_TODAY, rosterOptions, rosterTestbed } from "../../test/roster-testbed.js";
import { importRoster } from "./roster-import.js";
import { bufferSource } from "./roster-source.js";

// Imports of real-world-shaped files into a real database: the problem list row by row, the
// idempotent re-import, and all-or-nothing writes.

const bed = rosterTestbed();
const { householdState, countRows } = bed;
const options = rosterOptions;
// An ID number typed into a number cell: Excel keeps 15 significant digits (…21250, not …21234).
const ID_AS_NUMBER = Number("341823197503021234");
const _TODAY = ROSTER_TODAY;

describe("importing the national person layout", () => {
  const fixture = kuifengHouseholds();
  let file: Buffer;

  beforeAll(async () => {
    file = await xlsxOf([KUIFENG_HEADER, ...fixture.rows], { title: "泾县建档立卡贫困人口信息表" });
  });

  it("dry-runs an .xlsx with a merged title row, numbers as text, serial dates and formulas", async () => {
    const progress: { phase: string; done: number; total?: number }[] = [];
    const summary = await importRoster(bed.db, file, {
      ...options("茂林镇.xlsx"),
      isDryRun: true,
      onProgress: (p) => {
        progress.push(p);
      },
    });
    // Rows read, then households checked against the households in the file.
    expect(progress.at(0)).toMatchObject({ phase: "reading" });
    expect(progress.at(-1)).toEqual({ phase: "checking", done: 2, total: 2 });
    expect(summary.message).toBeNull();
    expect(summary.problems).toEqual([]);
    expect(summary).toMatchObject({
      status: "dry-run",
      format: "xlsx",
      headerRow: 3,
      rows: 5,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect(await countRows("household")).toBe(0);
  });

  it("commits, normalising labels to codes", async () => {
    const summary = await importRoster(bed.db, file, options("茂林镇.xlsx"));
    expect(summary).toMatchObject({ status: "committed", created: 2 });
    const a = await householdState(fixture.numbers.a);
    expect(a?.version).toBe(1);
    expect(a?.reason).toBe("导入：茂林镇.xlsx");
    const household = a!.snapshot.household;
    expect(household).toMatchObject({
      regionCode: expect.stringMatching(/^341823101200/),
      status: "lifted",
      liftedYear: 2019,
      povertyAttribute: "general",
      mainCause: "illness",
      phone: "13955501234",
      isDrinkingWaterSafe: true,
    });
    expect(household.members.map((m) => [m.name, m.relation, m.health, m.workPlace, m.workMonths])).toEqual([
      ["张大山", "head", "healthy", "out_of_province", 10],
      ["李秀英", "spouse", "chronic", "none", 0],
      ["张小明", "son", "healthy", "none", 0],
    ]);
    // 人编号 is kept on the member, in the version and in the member table.
    expect(household.members.map((m) => m.personNumber)).toEqual(
      ["01", "02", "03"].map((n) => `${fixture.numbers.a}${n}`),
    );
    const stored = await bed.db.query<{ personNo: string | null }>(
      `select m.person_no as "personNo" from member m join household h on h.id = m.household_id
       where h.household_number = $1 order by m.position`,
      [fixture.numbers.a],
    );
    expect(stored.map((m) => m.personNo)).toEqual(household.members.map((m) => m.personNumber));
    const b = (await householdState(fixture.numbers.b))!.snapshot.household;
    expect(b.members[0]).toMatchObject({
      health: "disabled",
      disabilityGrade: "grade2",
      labourAbility: "lost",
    });
    expect(b.members[1]).toMatchObject({
      relation: "spouse",
      education: "illiterate",
      labourAbility: "weak",
    });
    const [income] = await bed.db.query<{ perCapita: string }>(
      `select i.per_capita_income as "perCapita" from household_income i
       join household h on h.id = i.household_id where h.household_number = $1`,
      [fixture.numbers.a],
    );
    expect(income?.perCapita).toBe("5123.50");
  });

  it("re-imports the same file without a new version", async () => {
    const versions = await countRows("household_version");
    const summary = await importRoster(bed.db, file, options("茂林镇.xlsx"));
    expect(summary).toMatchObject({ status: "committed", created: 0, updated: 0, unchanged: 2 });
    expect(await countRows("household_version")).toBe(versions);
    expect(await countRows("member")).toBe(5);
  });

  it("updates only the household whose rows changed, with a new version", async () => {
    const rows = fixture.rows.map((row) => [...row]);
    rows[1]![15] = "县内乡外务工";
    rows[1]![16] = "6";
    const changed = await xlsxOf([KUIFENG_HEADER, ...rows]);
    const summary = await importRoster(bed.db, changed, options("茂林镇-6月.xlsx"));
    expect(summary).toMatchObject({ status: "committed", created: 0, updated: 1, unchanged: 1 });
    const a = await householdState(fixture.numbers.a);
    expect(a?.version).toBe(2);
    expect(a?.reason).toBe("导入：茂林镇-6月.xlsx");
    expect(a?.snapshot.household.members[1]).toMatchObject({ workPlace: "in_county", workMonths: 6 });
    expect((await householdState(fixture.numbers.b))?.version).toBe(1);
  });

  it("reads the same rows from a GBK CSV saved by Excel", async () => {
    const rows = fixture.rows.map((row) =>
      row.map((cell) => (cell === null ? "" : typeof cell === "object" ? "3" : String(cell))),
    );
    rows[1]![15] = "县内乡外务工";
    rows[1]![16] = "6";
    rows[1]![24] = "5123.5";
    rows[1]![27] = "1977/8/19";
    const gbk = csvOf([KUIFENG_HEADER, ...rows], "gbk");
    const summary = await importRoster(bed.db, gbk, options("茂林镇.csv"));
    expect(summary).toMatchObject({ format: "csv", encoding: "gb18030", problems: [], unchanged: 2 });
    const bom = csvOf([KUIFENG_HEADER, ...rows], "utf-8-bom");
    expect(await importRoster(bed.db, bom, options("茂林镇.csv"))).toMatchObject({
      encoding: "utf-8-bom",
      unchanged: 2,
    });
  });

  /** The fixture as the tests above left the registry: 李秀英 works in the county, 6 months. */
  const current = () => {
    const rows = fixture.rows.map((row) => [...row]);
    rows[1]![15] = "县内乡外务工";
    rows[1]![16] = "6";
    return rows;
  };

  it("keeps the stored 人编号 when a file leaves it empty or has no such column", async () => {
    const blank = current().map((row) => row.map((cell, i) => (i === 5 ? "" : cell)));
    expect(
      await importRoster(bed.db, await xlsxOf([KUIFENG_HEADER, ...blank]), options("空人编号.xlsx")),
    ).toMatchObject({ status: "committed", problems: [], updated: 0, unchanged: 2 });
    const without = [KUIFENG_HEADER, ...current()].map((row) => row.filter((_, i) => i !== 5));
    expect(await importRoster(bed.db, await xlsxOf(without), options("无人编号列.xlsx"))).toMatchObject({
      status: "committed",
      problems: [],
      updated: 0,
      unchanged: 2,
    });
    const a = await householdState(fixture.numbers.a);
    expect(a?.snapshot.household.members[0]?.personNumber).toBe(`${fixture.numbers.a}01`);
  });

  it("updates a changed 人编号 with a new version", async () => {
    const rows = current();
    rows[4]![5] = `${fixture.numbers.b}09`;
    const summary = await importRoster(
      bed.db,
      await xlsxOf([KUIFENG_HEADER, ...rows]),
      options("改人编号.xlsx"),
    );
    expect(summary).toMatchObject({ status: "committed", problems: [], updated: 1, unchanged: 1 });
    const b = await householdState(fixture.numbers.b);
    expect(b?.version).toBe(2);
    expect(b?.snapshot.household.members[1]?.personNumber).toBe(`${fixture.numbers.b}09`);
  });
});

describe("a file with errors", () => {
  const ok = kuifengHouseholds();
  const number = (n: number) => `34182310120000${String(n).padStart(2, "0")}`;
  const personRow = (
    household: string,
    name: string,
    id: unknown,
    relation: string,
    extra: Record<number, unknown> = {},
  ) => {
    const row: unknown[] = [...ok.rows[0]!];
    row[4] = household;
    row[5] = "";
    row[6] = name;
    row[7] = id;
    row[8] = "";
    row[9] = relation;
    row[25] = "";
    row[27] = "";
    for (const [index, value] of Object.entries(extra)) row[Number(index)] = value;
    return row as (string | number | null | { error: string })[];
  };
  const badChecksum = `${ok.ids.head.slice(0, 17)}${ok.ids.head[17] === "0" ? "1" : "0"}`;
  const fresh = () => kuifengHouseholds().ids;
  let file: Buffer;
  let ids: ReturnType<typeof fresh>;

  beforeAll(async () => {
    ids = fresh();
    const rows = [
      personRow(number(3), "孙强", badChecksum, "户主"), // row 2
      personRow(number(3), "孙丽", ids.spouse, "表哥"), // row 3
      personRow(number(4), "钱进", ids.head, "户主", { 16: "十个月" }), // row 4
      personRow(number(4), "钱妻", ids.oldWoman, "配偶", { 10: { error: "#N/A" } }), // row 5
      personRow(number(5), "周一", ids.oldMan, "户主"), // row 6
      personRow(number(5), "周二", ids.son, "户主"), // row 7
      personRow(number(6), "吴数", ID_AS_NUMBER, "户主"), // row 8
      personRow(number(7), "郑重", ids.head, "户主"), // row 9
      personRow("", "无户号", fresh().head, "户主"), // row 10
      personRow(number(8), "冯好", fresh().head, "户主"), // row 11
      personRow(number(9), "长".repeat(100_000), fresh().head, "户主"), // row 12
    ];
    file = await xlsxOf([KUIFENG_HEADER, ...rows]);
  });

  it("names every problem by row, column, value and reason", async () => {
    const summary = await importRoster(bed.db, file, { ...options("错误.xlsx"), isDryRun: true });
    const shown = summary.problems.map((p) => [p.row, p.column, p.value.slice(0, 20), p.reason]);
    expect(shown).toEqual([
      [2, "证件号码", badChecksum, expect.stringContaining("校验位错误")],
      [3, "与户主关系", "表哥", expect.stringContaining("不是可识别的值")],
      [4, "务工时间（月）", "十个月", "“十个月”不是数字"],
      [5, "民族", "#N/A", expect.stringContaining("错误值 #N/A")],
      [6, "与户主关系", "户主", expect.stringContaining("2位在户成员登记为户主")],
      [8, "证件号码", String(ID_AS_NUMBER), expect.stringContaining("Excel只保留15位有效数字")],
      [9, "证件号码", ids.head, "证件号码与第4行相同：同一人在文件中只能出现一次"],
      [10, "户编号", "", "户编号为空"],
      [12, "姓名", "长".repeat(20), "内容过长（100000个字符），最多500个字符"],
    ]);
    // Each kind of problem is named by a code, for wording it in English: the registry's own
    // checks by theirs, the roster's by roster_* codes.
    expect(summary.problems.map((p) => p.code)).toEqual([
      "id_checksum",
      "roster_value_not_listed",
      "roster_value_not_number",
      "roster_cell_error",
      "head_multiple",
      "roster_digits_lost",
      "roster_id_repeated",
      "roster_household_number_empty",
      "roster_cell_too_long",
    ]);
    expect(summary).toMatchObject({ created: 1, rejected: 6 });
    // In English as precisely as in Chinese: the column, the value, and the figures of the reason.
    const english = summary.problems.map((p) => rosterProblemInEnglish(p));
    expect(english).toEqual([
      undefined, // a registry check: worded by household-findings
      expect.stringMatching(/^“表哥” is not a recognised value for “与户主关系”; accepted: 户主、.*之子/),
      "“十个月” in column “务工时间（月）” is not a number.",
      "The cell in column “民族” holds the error value #N/A (a broken formula): enter the actual value.",
      undefined,
      expect.stringContaining(`Excel stored “证件号码” (${ID_AS_NUMBER}) as a number`),
      `The ID number “${ids.head}” is the same as on row 4: a person may appear only once in a file.`,
      "The household number (“户编号”) is empty.",
      "The cell in column “姓名” is too long (100000 characters): at most 500 characters.",
    ]);
  });

  it("imports nothing by default", async () => {
    const before = await countRows("household");
    const summary = await importRoster(bed.db, file, options("错误.xlsx"));
    expect(summary.status).toBe("rejected");
    expect(summary.message).toContain("9 处错误");
    expect(await countRows("household")).toBe(before);
  });

  it("imports only the valid households when asked", async () => {
    const before = await countRows("household");
    const summary = await importRoster(bed.db, file, { ...options("错误.xlsx"), isOnlyValid: true });
    expect(summary).toMatchObject({ status: "committed", created: 1, rejected: 6 });
    expect(await countRows("household")).toBe(before + 1);
    expect(await householdState(number(8))).toBeDefined();
    expect(await householdState(number(4))).toBeUndefined();
  });
});

describe("a roster in two sheets: households (户表) and members (人表)", () => {
  const fixture = twoSheetHouseholds();
  const number = (n: number) => `34182310120001${String(n).padStart(2, "0")}`;
  const renumbered = (rows: typeof fixture.households, offset: number) =>
    rows.map((row, i) =>
      i === 0 ? row : [row[0] === fixture.numbers.a ? number(offset) : number(offset + 1), ...row.slice(1)],
    );
  const householdsRows = renumbered(fixture.households, 1);
  const memberRows = renumbered(fixture.members, 1);

  it("finds each sheet by its header, whichever comes first, and joins them by 户编号", async () => {
    const file = await workbookOf([
      { name: "说明", rows: [["本表由乡镇扶贫站填报"]] },
      { name: "户表", rows: householdsRows },
      { name: "人表", rows: memberRows },
    ]);
    const dry = await importRoster(bed.db, file, { ...options("两表.xlsx"), isDryRun: true });
    expect(dry.problems).toEqual([]);
    expect(dry).toMatchObject({
      status: "dry-run",
      sheet: "人表",
      householdSheet: "户表",
      rows: 7,
      created: 2,
    });
    expect(await importRoster(bed.db, file, options("两表.xlsx"))).toMatchObject({
      status: "committed",
      created: 2,
    });
    const a = (await householdState(number(1)))!.snapshot.household;
    expect(a).toMatchObject({
      status: "lifted",
      liftedYear: 2019,
      povertyAttribute: "general",
      mainCause: "illness",
      dangerousHouseGrade: "none",
      isDrinkingWaterSafe: true,
      phone: "13955501234",
      income: { wage: 12000, business: 3000, property: 0, transfer: 1500, otherTransfer: 1500 },
    });
    expect(a.members.map((m) => [m.name, m.relation, m.workPlace])).toEqual([
      ["张大山", "head", "out_of_province"],
      ["李秀英", "spouse", "none"],
      ["张小明", "son", "none"],
    ]);
    const b = (await householdState(number(2)))!.snapshot.household;
    expect(b).toMatchObject({ status: "not_lifted", dangerousHouseGrade: "c", isDrinkingWaterSafe: false });
    expect(b.members[0]).toMatchObject({ health: "disabled", disabilityGrade: "grade2" });
  });

  it("takes the two sheets as two files too (a GBK CSV and an .xlsx); importing them again changes nothing", async () => {
    const asText = householdsRows.map((row) => row.map((cell) => (cell === null ? "" : String(cell))));
    const summary = await importRoster(
      bed.db,
      [
        bufferSource("户表.csv", csvOf(asText, "gbk")),
        bufferSource("人表.xlsx", await xlsxOf(memberRows, { sheetName: "Sheet1" })),
      ],
      options("户表.csv + 人表.xlsx"),
    );
    expect(summary.problems).toEqual([]);
    expect(summary).toMatchObject({
      status: "committed",
      sheet: "人表.xlsx",
      householdSheet: "户表.csv",
      created: 0,
      unchanged: 2,
    });
  });

  it("names the sheet of every problem, and checks the sheets against each other", async () => {
    const households = renumbered(fixture.households, 3).map((row) => [...row]);
    households[1]![5] = 4; // 人数 says four; the member sheet has three.
    households.push([number(9), "孤户", "茂林镇", "奎峰村", "", 1, "一般贫困户", "因病", "未脱贫"]);
    households.push([...households[2]!]);
    const members = renumbered(fixture.members, 3).map((row) => [...row]);
    members[2]![3] = "表哥";
    members.slice(1).forEach((row, i) => {
      row[2] = person(`195${i}-03-1${i}`, row[4] === "男" ? "male" : "female");
    });
    const file = await workbookOf([
      { name: "人表", rows: members },
      { name: "户表", rows: households },
    ]);
    const summary = await importRoster(bed.db, file, { ...options("两表-错误.xlsx"), isDryRun: true });
    expect(summary.message).toBeNull();
    expect(summary.problems.map((p) => [p.sheet, p.row, p.column, p.reason])).toEqual([
      ["人表", 3, "与户主关系", expect.stringContaining("不是可识别的值")],
      ["户表", 2, "人数", "人数为4，但本户在户成员有3人"],
      ["户表", 4, "户编号", "户表中有该户，人表（“人表”）中却没有该户的成员"],
      ["户表", 5, "户编号", "户编号与户表第3行相同：一户在户表中只能有一行"],
    ]);
    expect(summary).toMatchObject({ created: 0, rejected: 3 });
  });
});
