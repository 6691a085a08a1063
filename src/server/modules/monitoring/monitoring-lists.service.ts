import { createHash } from "node:crypto";
import { codePrefix, countyCodeOf } from "../../../shared/division-code.js";
import { maskIdNumber } from "../../../shared/id-number.js";
import type { MonitoringDepartment } from "../../../shared/monitoring-rules.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import { bufferSource } from "../roster/roster-source.js";
import { evaluationDay } from "./monitoring-evaluate.js";
import { readDepartmentList } from "./monitoring-list-read.js";
import {
  findList,
  findLists,
  findUnmatchedRows,
  insertListWithMatches,
  isListRuleSwitchedOff,
  type ListHeader,
  raiseListAlerts,
} from "./monitoring-lists.queries.js";

/** The largest list file accepted (a list of 100,000 people is about 5 MB). */
export const LIST_UPLOAD_LIMIT = 20 * 1024 * 1024;

function presentHeader(list: ListHeader) {
  const { isRuleSwitchedOff: _off, ...rest } = list;
  return {
    ...rest,
    department: list.department as MonitoringDepartment,
    uploadedAt: list.uploadedAt.toISOString(),
  };
}

async function detail(ctx: ServiceContext, list: ListHeader) {
  const unmatched = await findUnmatchedRows(ctx.db, list.id);
  return {
    ...presentHeader(list),
    isRuleSwitchedOff: list.isRuleSwitchedOff,
    unmatched: unmatched.map((row) => ({
      row: row.row,
      idNumber: maskIdNumber(row.idNumber),
      name: row.name,
      reason: row.reason,
      why:
        row.elsewhere === null
          ? "本县建档立卡户中无此在户成员"
          : row.elsewhere === "removed"
            ? "此人所在户已清退"
            : `此人是其他县（${row.elsewhere}）的在户成员`,
    })),
  };
}

/**
 * Takes a department's list: reads and checks every row (any problem refuses the whole list, with
 * every problem named by its row), then in one transaction stores it, matches it to members by ID
 * number and raises an alert on each matched household.
 */
export async function uploadList(
  ctx: ServiceContext,
  input: {
    fileName: string;
    department: MonitoringDepartment;
    countyCode?: string | undefined;
    /** The file as sent; undefined when the body was not a file. */
    content: Buffer | undefined;
  },
  today = new Date(),
) {
  authorize(ctx.actor, "monitoring.list.upload");
  const countyCode = input.countyCode ?? countyCodeOf(ctx.actor.regionCode);
  if (!countyCode || countyCodeOf(countyCode) !== countyCode) {
    throw new AppError("VALIDATION_FAILED", [{ path: "query.countyCode", message: "请指定名单所属的县" }]);
  }
  authorize(ctx.actor, "monitoring.list.upload", { regionCode: countyCode });
  const content = input.content;
  if (!content)
    throw new AppError("VALIDATION_FAILED", [{ path: "body", message: "请上传 .xlsx 或 .csv 文件" }]);
  const read = await readDepartmentList(bufferSource(input.fileName, content));
  if (!read.ok) {
    throw new AppError(
      "VALIDATION_FAILED",
      read.problems.map((p) => ({
        path: p.row === 0 ? "file" : `file.rows.${p.row}${p.column ? `.${p.column}` : ""}`,
        message: p.row === 0 ? p.message : `第 ${p.row} 行${p.column ? `「${p.column}」` : ""}：${p.message}`,
      })),
    );
  }
  const listId = await ctx.db.transaction(async (tx) => {
    const isRuleSwitchedOff = await isListRuleSwitchedOff(tx, countyCode, evaluationDay(today));
    const id = await insertListWithMatches(
      tx,
      {
        countyCode,
        department: input.department,
        fileName: input.fileName,
        fileSha256: createHash("sha256").update(content).digest("hex"),
        userId: ctx.actor.id,
        username: ctx.actor.username,
        isRuleSwitchedOff,
      },
      read.rows,
    );
    await raiseListAlerts(tx, id, today.getUTCFullYear(), isRuleSwitchedOff);
    const list = (await findList(tx, id))!;
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "monitoring.list.upload",
      entityType: "monitoring_list",
      entityId: id,
      regionCode: countyCode,
      after: {
        department: input.department,
        fileName: input.fileName,
        rows: list.rowCount,
        matched: list.matchedCount,
        alerts: list.alertCount,
      },
    });
    return id;
  });
  return detail(ctx, (await findList(ctx.db, listId))!);
}

/** Lists uploaded for counties in the actor's scope. */
export async function listLists(ctx: ServiceContext, page: number, pageSize: number) {
  authorize(ctx.actor, "monitoring.list.upload");
  const result = await findLists(ctx.db, codePrefix(ctx.actor.regionCode), pageSize, (page - 1) * pageSize);
  return { rows: result.rows.map(presentHeader), total: result.total, page, pageSize };
}

/** One list with its unmatched rows. */
export async function getList(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "monitoring.list.upload");
  const list = await findList(ctx.db, id);
  if (!list) throw new AppError("NOT_FOUND");
  authorize(ctx.actor, "monitoring.list.upload", { regionCode: list.countyCode });
  return detail(ctx, list);
}
