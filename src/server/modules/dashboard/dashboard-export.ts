import type { RegistryFigures } from "../../../shared/api/dashboard.api.js";
import { DASHBOARD_TABLES, GUARANTEE_NAMES, INCOME_BAND_NAMES } from "../../../shared/dashboard-codes.js";
import { POVERTY_ATTRIBUTES, POVERTY_CAUSES, POVERTY_STATUSES } from "../../../shared/household-codes.js";
import ExcelJS from "../roster/exceljs.js";

// A dashboard table as a spreadsheet in Chinese, as county offices file it: a title, then the
// region, what is counted and when, then the table itself.

export type DashboardTable = keyof typeof DASHBOARD_TABLES;

type Cell = string | number;

interface Dashboard {
  region: { code: string; name: string };
  path: { name: string }[];
  figures: RegistryFigures;
  children: { code: string; name: string; figures: RegistryFigures }[];
  generatedAt: string;
}

const label = (list: Readonly<Record<string, { zh: string }>>, code: string) => list[code]?.zh ?? code;

/** A share as a percentage with one decimal, or "—" when there is nothing to divide by. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? "—" : `${((part / whole) * 100).toFixed(1)}%`;
}

function tableOf(table: DashboardTable, d: Dashboard): Cell[][] {
  const f = d.figures;
  switch (table) {
    case "children": {
      const statuses = Object.keys(POVERTY_STATUSES);
      const header = [
        "区划",
        "代码",
        "户数",
        "人数",
        ...statuses.map((s) => `${label(POVERTY_STATUSES, s)}户数`),
        "已有帮扶责任人户数",
        "帮扶责任人覆盖率",
      ];
      const row = (name: string, code: string, g: RegistryFigures): Cell[] => [
        name,
        code,
        g.households,
        g.people,
        ...statuses.map((s) =>
          g.byStatusAttribute.filter((r) => r.status === s).reduce((n, r) => n + r.households, 0),
        ),
        g.caseworkerCoverage.assigned,
        percent(g.caseworkerCoverage.assigned, g.caseworkerCoverage.total),
      ];
      return [
        header,
        ...d.children.map((c) => row(c.name, c.code, c.figures)),
        row("合计", d.region.code, f),
      ];
    }
    case "status":
      return [
        ["贫困状态", "贫困户属性", "户数", "人数", "占总户数"],
        ...f.byStatusAttribute.map((r) => [
          label(POVERTY_STATUSES, r.status),
          label(POVERTY_ATTRIBUTES, r.povertyAttribute),
          r.households,
          r.people,
          percent(r.households, f.households),
        ]),
        ["合计", "", f.households, f.people, percent(f.households, f.households)],
      ];
    case "lifted":
      return [
        ["脱贫年度", "户数", "人数"],
        ...f.liftedByYear.map((r) => [`${r.year}年`, r.households, r.people]),
      ];
    case "causes": {
      const main = new Map(f.byMainCause.map((r) => [r.cause, r]));
      return [
        ["致贫原因", "主要致贫原因户数", "主要致贫原因人数", "含该原因户数（主要或次要）", "占总户数"],
        ...f.byCause.map((r) => [
          label(POVERTY_CAUSES, r.cause),
          main.get(r.cause)?.households ?? 0,
          main.get(r.cause)?.people ?? 0,
          r.households,
          percent(r.households, f.households),
        ]),
      ];
    }
    case "guarantees":
      return [
        ["保障内容", "达标户数", "有风险户数（黄）", "未达标户数（红）", "未达标率"],
        ...Object.keys(GUARANTEE_NAMES).map((g) => {
          const of = (light: string) =>
            f.guarantees.find((r) => r.guarantee === g && r.light === light)?.households ?? 0;
          return [
            label(GUARANTEE_NAMES, g),
            of("green"),
            of("yellow"),
            of("red"),
            percent(of("red"), f.households),
          ];
        }),
      ];
    case "income":
      return [
        ["人均纯收入", "户数", "人数", "占总户数"],
        ...f.incomeBands.map((r) => [
          label(INCOME_BAND_NAMES, r.band),
          r.households,
          r.people,
          percent(r.households, f.households),
        ]),
      ];
  }
}

/** The table as an .xlsx file: title, header rows (region, what, when), then the table. */
export async function writeDashboardTable(table: DashboardTable, d: Dashboard): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(DASHBOARD_TABLES[table].zh);
  const regionPath = [...d.path.map((p) => p.name), d.region.name].join(" / ");
  const rows = tableOf(table, d);
  const width = rows[0]!.length;
  const when = new Date(d.generatedAt).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  sheet.addRow([`${d.region.name}${DASHBOARD_TABLES[table].zh}统计表`]).font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, width);
  sheet.addRow([`区划：${regionPath}（${d.region.code}）`]);
  sheet.addRow(["统计范围：建档立卡户（全部贫困状态），不设筛选条件；户数、人数均为统计时点在册数"]);
  sheet.addRow([`统计时点：${when}（北京时间）`]);
  sheet.addRow([]);
  const header = sheet.addRow(rows[0]!);
  header.font = { bold: true };
  for (const row of rows.slice(1)) sheet.addRow(row);
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 22 : 14;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
