import { describe, expect, it } from "vitest";
import { isRosterProblemCode, rosterProblemInEnglish } from "./roster-problems.js";
import { readDate, readWholeNumber, readYear, readYesNo } from "./roster-values.js";

// The English wording of roster problems: as specific as the Chinese reason, the column and the
// value named, the figures of the reason carried over.

/** A problem as the planner records it from a cell reader's failure. */
function fromRead(column: string, value: string, read: { ok: boolean; reason?: string; code?: string }) {
  if (read.ok) throw new Error("expected a failure");
  return { column, value, reason: read.reason!, code: read.code };
}

describe("English wording of roster problems", () => {
  it("names the kind of unreadable value, the column and the value", () => {
    expect(rosterProblemInEnglish(fromRead("参加大病医疗", "也许", readYesNo("也许")))).toBe(
      "“也许” in column “参加大病医疗” is neither yes (是) nor no (否).",
    );
    expect(rosterProblemInEnglish(fromRead("人数", "120", readWholeNumber("120", 1, 99)))).toBe(
      "“120” in column “人数” is outside the allowed range 1–99.",
    );
    expect(rosterProblemInEnglish(fromRead("脱贫年度", "1999", readYear("1999")))).toBe(
      "The year 1999 in column “脱贫年度” is not between 2000 and 2100.",
    );
    expect(rosterProblemInEnglish(fromRead("出生日期", "2019-02-30", readDate("2019-02-30")))).toBe(
      "The date “2019-02-30” in column “出生日期” does not exist in the calendar.",
    );
  });

  it("carries the figures of household-level reasons over", () => {
    expect(
      rosterProblemInEnglish({
        code: "roster_rows_disagree",
        column: "危房户",
        value: "否",
        reason: "同一户各行的“危房户”应相同：第12行为“是”，本行为“否”",
      }),
    ).toBe("The rows of one household must agree on “危房户”: row 12 says “是”, this row “否”.");
    expect(
      rosterProblemInEnglish({
        code: "roster_member_count_mismatch",
        column: "人数",
        value: "4",
        reason: "人数为4，但本户在户成员有3人",
      }),
    ).toBe("“人数” gives 4 people, but the household has 3 active members listed.");
    expect(
      rosterProblemInEnglish({
        code: "roster_id_active_elsewhere",
        column: "证件号码",
        value: "341823197503021234",
        reason:
          "该证件号码已是本县另一户（户编号 3418231012000009）的在户成员，而本文件没有列出该户；一人只能在一户",
      }),
    ).toContain("another household of this county (household number 3418231012000009)");
    expect(
      rosterProblemInEnglish({
        code: "roster_region_unknown",
        column: "行政村",
        value: "奎峰",
        reason: "茂林镇没有名为“奎峰”的行政村",
      }),
    ).toBe("There is no “行政村” named “奎峰” in 茂林镇.");
  });

  it("words only the roster's own codes", () => {
    expect(isRosterProblemCode("roster_id_empty")).toBe(true);
    expect(isRosterProblemCode("id_checksum")).toBe(false);
    expect(rosterProblemInEnglish({ code: "id_checksum", column: "证件号码", value: "1", reason: "…" })).toBe(
      undefined,
    );
  });
});
