import { describe, expect, it } from "vitest";
import { en } from "../../../i18n/en.js";
import type { Translate } from "../../../i18n/I18nContext.js";
import { lookupMessage } from "../../../i18n/lookupMessage.js";
import { zh } from "../../../i18n/zh.js";
import { describeFacts } from "./describeFacts.js";

// The facts each rule stores (as monitoring-sweep.queries.ts builds them) read as one line each.
const t: Translate = (key, values) => lookupMessage(zh, key, values) ?? `!${key}`;

describe("describeFacts", () => {
  it("words every rule's values so a cadre can check the alert in one look", () => {
    expect(
      describeFacts("income_below_line", { year: 2020, perCapitaIncome: 5999.99, line: 6000 }, t),
    ).toEqual(["2020年人均纯收入 5,999.99 元，低于监测线 6,000.00 元"]);
    expect(
      describeFacts(
        "income_drop",
        {
          year: 2020,
          perCapitaIncome: 6999.99,
          previousYear: 2019,
          previousPerCapitaIncome: 10000,
          dropPercent: 30,
          percent: 30,
        },
        t,
      ),
    ).toEqual(["人均纯收入 10,000.00 元（2019年）→ 6,999.99 元（2020年），下降 30%（阈值 30%）"]);
    expect(
      describeFacts(
        "new_illness_or_disability",
        { members: [{ name: "王一", health: "serious", previousHealth: "chronic", disabilityGrade: null }] },
        t,
      ),
    ).toEqual(["王一：长期慢性病 → 患有大病"]);
    expect(
      describeFacts(
        "epidemic_isolation",
        {
          year: 2020,
          perCapitaIncome: 8000,
          previousYear: 2019,
          previousPerCapitaIncome: 10000,
          lossPercent: 20,
          incomeLossPercent: 20,
          members: [{ name: "张大山", status: "central_quarantine", since: "2020-02-01", until: null }],
          jobLoss: [{ visitedOn: "2020-03-02", note: "无法外出务工" }],
        },
        t,
      ),
    ).toEqual([
      "人均纯收入 10,000.00 元（2019年）→ 8,000.00 元（2020年），下降 20%（阈值 20%），期间有家庭成员被隔离或失业",
      "张大山：集中隔离（2020-02-01 至 —）",
      "2020-03-02 走访发现务工就业困难：无法外出务工",
    ]);
    expect(describeFacts("guarantee_at_risk", { level: "red", guarantees: { housing: "red" } }, t)).toEqual([
      "住房安全：未保障",
    ]);
    // In English with English punctuation.
    const tEn: Translate = (key, values) => lookupMessage(en, key, values) ?? `!${key}`;
    expect(
      describeFacts(
        "guarantee_at_risk",
        { level: "yellow", guarantees: { housing: "red", water: "yellow" } },
        tEn,
      ),
    ).toEqual([
      `${en.monitoring.guarantees.housing}: ${en.monitoring.lights.red}; ${en.monitoring.guarantees.water}: ${en.monitoring.lights.yellow}`,
    ]);
    expect(
      describeFacts(
        "no_work",
        { months: 6, members: [{ name: "王一", age: 40, workMonths: 6, monthsWithoutWork: 6 }] },
        t,
      ),
    ).toEqual(["王一（40岁）全年务工 6 个月，6 个月无务工（阈值 6 个月）"]);
    expect(
      describeFacts(
        "department_list",
        {
          department: "medical_insurance",
          people: [{ row: 2, name: "张大山", idNumberTail: "1234", reason: "住院" }],
        },
        t,
      ),
    ).toEqual(["医保名单第 2 行：张大山（证件尾号 1234）—— 住院"]);
    const rigid = describeFacts(
      "rigid_spending",
      {
        year: 2020,
        spending: 20000.01,
        medical: 20000.01,
        disasterLoss: 0,
        other: 0,
        incomeYear: 2019,
        netIncome: 20000,
        percent: 100,
      },
      t,
    );
    expect(rigid[0]).toContain("20,000.01");
    expect(rigid.join("")).not.toMatch(/undefined|!monitoring/);
  });
});
