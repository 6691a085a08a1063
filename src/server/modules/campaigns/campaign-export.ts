import type { CampaignSummary, DifficultyRow } from "../../../shared/api/campaigns.api.js";
import {
  chinaToday,
  EPIDEMIC_STATUSES,
  ISOLATION_SEVERITY,
  PROBLEM_KINDS,
} from "../../../shared/visit-codes.js";
import type { FileReply, ServiceContext } from "../../http/route.js";
import ExcelJS from "../roster/exceljs.js";
import { findCoverage } from "./campaigns.queries.js";
import { readableCampaign, shareFilterOf, summarize } from "./campaigns.service.js";
import { findDifficultiesInScope, presentDifficulty } from "./difficulties.js";

// The campaign as a workbook for the leading group: the summary in the reports' words, coverage by
// village and by caseworker, and the difficulty list with what was done. Difficulties are read a
// page at a time; a sheet never holds more than Excel's row limit (further rows go to a next sheet).

const PAGE = 5_000;
const SHEET_ROWS = 1_048_575;

function addSummarySheet(workbook: InstanceType<typeof ExcelJS.Workbook>, summary: CampaignSummary) {
  const sheet = workbook.addWorksheet("汇总");
  sheet.columns = [{ width: 24 }, { width: 14 }, { width: 14 }, { width: 14 }];
  sheet.addRow([summary.text]);
  sheet.addRow([]);
  sheet.addRow(["应排查户数", summary.households]);
  sheet.addRow(["已排查户数", summary.done]);
  sheet.addRow(["排查覆盖率", summary.coverageRate]);
  sheet.addRow([]);
  sheet.addRow(["隔离情况", "户数", "人数"]);
  for (const status of ISOLATION_SEVERITY) {
    sheet.addRow([
      EPIDEMIC_STATUSES[status].zh,
      summary.isolation[status].households,
      summary.isolation[status].people,
    ]);
  }
  sheet.addRow(["合计", summary.isolation.total.households, summary.isolation.total.people]);
  sheet.addRow([]);
  sheet.addRow(["困难类别", "件数", "已解决", "未解决"]);
  for (const row of summary.difficulties.byKind) {
    sheet.addRow([PROBLEM_KINDS[row.kind].zh, row.total, row.resolved, row.open]);
  }
  sheet.addRow([
    "合计",
    summary.difficulties.total,
    summary.difficulties.resolved,
    summary.difficulties.open,
  ]);
  sheet.addRow(["有困难户数", summary.difficulties.households]);
}

function difficultyCells(row: DifficultyRow): (string | number)[] {
  const actions = row.actions
    .map((a) => `${a.actedOn} ${a.actedBy}：${a.note}${a.resolves ? "（已解决）" : ""}`)
    .join("\n");
  return [
    row.householdNumber,
    row.headName,
    row.regionName,
    PROBLEM_KINDS[row.kind].zh,
    row.note,
    row.foundOn,
    row.foundBy,
    row.status === "resolved" ? "已解决" : "未解决",
    actions,
  ];
}

/** The campaign's workbook for a region in the actor's share. */
export async function exportCampaign(
  ctx: ServiceContext,
  id: string,
  regionCode: string | undefined,
  now = new Date(),
): Promise<FileReply> {
  const campaign = await readableCampaign(ctx, id);
  const summary = await summarize(ctx.db, ctx.actor, campaign, regionCode);
  const share = shareFilterOf(ctx.actor, campaign, regionCode);
  const coverage = await findCoverage(ctx.db, share, chinaToday(now));
  const workbook = new ExcelJS.Workbook();
  addSummarySheet(workbook, summary);
  const coverageHeader = ["户数", "已排查", "未到期", "已逾期"];
  const byVillage = workbook.addWorksheet("按村");
  byVillage.addRow(["村", ...coverageHeader]);
  for (const row of coverage.byVillage)
    byVillage.addRow([row.regionName, row.households, row.done, row.due, row.overdue]);
  const byCaseworker = workbook.addWorksheet("按帮扶责任人");
  byCaseworker.addRow(["帮扶责任人", ...coverageHeader]);
  for (const row of coverage.byCaseworker) {
    byCaseworker.addRow([row.displayName || "（未分配）", row.households, row.done, row.due, row.overdue]);
  }
  const header = [
    "户编号",
    "户主",
    "村",
    "困难类别",
    "困难情况",
    "发现日期",
    "发现人",
    "状态",
    "处理情况（谁、做了什么、何时）",
  ];
  let sheet = workbook.addWorksheet("困难清单");
  sheet.addRow(header);
  let rowsInSheet = 0;
  // An asked-for region outside the campaign has no difficulties (the share's prefix matches nothing).
  for (let page = 1; share.regionPrefix !== "-"; page += 1) {
    const result = await findDifficultiesInScope(ctx.db, ctx.actor, {
      campaignId: id,
      regionCode: summary.regionCode,
      page,
      pageSize: PAGE,
    });
    for (const row of result.rows) {
      if (rowsInSheet === SHEET_ROWS) {
        sheet = workbook.addWorksheet(`困难清单${workbook.worksheets.length - 2}`);
        sheet.addRow(header);
        rowsInSheet = 0;
      }
      sheet.addRow(difficultyCells(presentDifficulty(row)));
      rowsInSheet += 1;
    }
    if (result.rows.length < PAGE) break;
  }
  return {
    fileName: `${campaign.name}-${summary.regionName}.xlsx`,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
