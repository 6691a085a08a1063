import type { ActivityFigures, RegistryFigures } from "../../../shared/api/dashboard.api.js";
import { DASHBOARD_TABLES, GUARANTEE_NAMES, INCOME_BAND_NAMES } from "../../../shared/dashboard-codes.js";
import { POVERTY_ATTRIBUTES, POVERTY_CAUSES, POVERTY_STATUSES } from "../../../shared/household-codes.js";
import { CASE_STAGE_LABELS, MONITORING_TYPES, RISK_TYPES } from "../../../shared/monitoring-workflow.js";
import { EPIDEMIC_STATUSES, PROBLEM_KINDS } from "../../../shared/visit-codes.js";
import ExcelJS from "../roster/exceljs.js";

// A dashboard table as a spreadsheet in Chinese, as county offices file it: a title, then the
// region, what is counted and when, then the table itself.

export type DashboardTable = keyof typeof DASHBOARD_TABLES;

type Cell = string | number;

interface Dashboard {
  region: { code: string; name: string };
  path: { name: string }[];
  figures: RegistryFigures;
  activity: ActivityFigures;
  children: { code: string; name: string; figures: RegistryFigures; activity: ActivityFigures }[];
  generatedAt: string;
}

const label = (list: Readonly<Record<string, { zh: string }>>, code: string) => list[code]?.zh ?? code;

/** A share as a percentage with one decimal, or "—" when there is nothing to divide by. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? "—" : `${((part / whole) * 100).toFixed(1)}%`;
}

/** What a table counts, for its header rows. */
function scopeNote(table: DashboardTable, d: Dashboard): string {
  switch (table) {
    case "fieldwork":
      return `统计范围：${d.activity.visits.year}年走访记录（截至统计时点）；排查为覆盖本区划的最新一次排查${d.activity.screening ? `“${d.activity.screening.name}”（截止${d.activity.screening.deadline}）` : "（暂无）"}`;
    case "isolation":
      return "统计范围：每名成员最近一次走访登记的隔离状态；户按其成员中最重的状态计（集中隔离、居家隔离、解除隔离）";
    case "difficulties":
      return "统计范围：走访中发现的全部困难问题，按处理状态计";
    case "monitoring":
      return "统计范围：防返贫监测对象（已识别、未消除风险）及全部监测案件，逾期为已过办理期限";
    default:
      return "统计范围：建档立卡户（全部贫困状态），不设筛选条件；户数、人数均为统计时点在册数";
  }
}

function activityTableOf(
  table: "fieldwork" | "isolation" | "difficulties" | "monitoring",
  d: Dashboard,
): Cell[][] {
  const a = d.activity;
  switch (table) {
    case "fieldwork": {
      const row = (name: string, code: string, f: RegistryFigures, g: ActivityFigures): Cell[] => [
        name,
        code,
        f.households,
        g.visits.visits,
        g.visits.visitedHouseholds,
        percent(g.visits.visitedHouseholds, f.households),
        g.screening?.households ?? 0,
        g.screening?.done ?? 0,
        g.screening?.due ?? 0,
        g.screening?.overdue ?? 0,
        percent(g.screening?.done ?? 0, g.screening?.households ?? 0),
      ];
      return [
        [
          "区划",
          "代码",
          "建档立卡户数",
          `${a.visits.year}年走访次数`,
          "已走访户数",
          "走访覆盖率",
          "排查应查户数",
          "已排查户数",
          "未到期户数",
          "逾期未排查户数",
          "排查完成率",
        ],
        ...d.children.map((c) => row(c.name, c.code, c.figures, c.activity)),
        row("合计", d.region.code, d.figures, a),
      ];
    }
    case "isolation":
      return [
        ["隔离状态", "户数", "人数"],
        ...a.isolation.byStatus.map((r) => [label(EPIDEMIC_STATUSES, r.status), r.households, r.people]),
        ["合计（因疫情被隔离）", a.isolation.households, a.isolation.people],
      ];
    case "difficulties":
      return [
        ["困难类别", "未解决", "已解决", "合计", "解决率"],
        ...a.difficulties.byKind.map((r) => [
          label(PROBLEM_KINDS, r.kind),
          r.open,
          r.resolved,
          r.open + r.resolved,
          percent(r.resolved, r.open + r.resolved),
        ]),
        [
          `合计（涉及${a.difficulties.households}户）`,
          a.difficulties.open,
          a.difficulties.resolved,
          a.difficulties.open + a.difficulties.resolved,
          percent(a.difficulties.resolved, a.difficulties.open + a.difficulties.resolved),
        ],
      ];
    case "monitoring": {
      const m = a.monitoring;
      return [
        ["类别", "项目", "户数（件数）", "人数"],
        ["监测对象", "合计（未消除风险）", m.identified.households, m.identified.people],
        ...m.byType.map((r) => [
          "监测对象类型",
          label(MONITORING_TYPES, r.monitoringType),
          r.households,
          r.people,
        ]),
        ...m.byRisk.map((r) => ["风险类型", label(RISK_TYPES, r.riskType), r.households, r.people]),
        ["风险消除", "已消除风险", m.eliminated.households, m.eliminated.people],
        ...m.byStage.map((r) => ["案件环节", label(CASE_STAGE_LABELS, r.stage), r.cases, ""]),
        ["预警", "待处理预警", m.openAlerts, ""],
        ["逾期事项", "逾期未办结环节", a.overdue.caseSteps, ""],
        ["逾期事项", "逾期未完成帮扶措施", a.overdue.measures, ""],
        ["逾期事项", "逾期未排查户", a.overdue.screening, ""],
      ];
    }
  }
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
    default:
      return activityTableOf(table, d);
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
  sheet.addRow([scopeNote(table, d)]);
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
