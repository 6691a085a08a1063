import type { DifficultyRow } from "../../../shared/api/campaigns.api.js";
import { codePrefix } from "../../../shared/division-code.js";
import { chinaToday } from "../../../shared/visit-codes.js";
import type { Queryable } from "../../db/db.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import {
  type DifficultyDbRow,
  findDifficulties,
  findDifficulty,
  insertDifficultyAction,
} from "./difficulties.queries.js";

/** A difficulty as the API shows it. */
export function presentDifficulty(row: DifficultyDbRow): DifficultyRow {
  return {
    id: row.id,
    householdId: row.householdId,
    householdNumber: row.householdNumber,
    headName: row.headName,
    regionName: row.regionName,
    kind: row.kind as DifficultyRow["kind"],
    note: row.note,
    status: row.status,
    foundOn: row.foundOn,
    foundBy: row.foundBy,
    visitId: row.visitId,
    resolvedAt: row.resolvedAt ? new Date(row.resolvedAt).toISOString() : null,
    actions: row.actions.map((action) => ({
      ...action,
      createdAt: new Date(action.createdAt).toISOString(),
    })),
  };
}

export interface DifficultyQuery {
  campaignId?: string | undefined;
  regionCode?: string | undefined;
  status?: "open" | "resolved" | undefined;
  kind?: string | undefined;
  page: number;
  pageSize: number;
}

/** Difficulties in scope without authorising (the caller did): the list and the export share it. */
export async function findDifficultiesInScope(db: Queryable, actor: Actor, query: DifficultyQuery) {
  return findDifficulties(db, {
    scopePrefix: codePrefix(actor.regionCode),
    assignedTo: actor.role === "caseworker" ? actor.id : undefined,
    campaignId: query.campaignId,
    regionPrefix: query.regionCode ? codePrefix(query.regionCode) : undefined,
    status: query.status,
    kind: query.kind,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
}

/** The difficulty list in scope (a caseworker's: of their households), open first. */
export async function listDifficulties(ctx: ServiceContext, query: DifficultyQuery) {
  authorize(ctx.actor, "difficulty.read");
  if (query.regionCode) authorize(ctx.actor, "difficulty.read", { regionCode: query.regionCode });
  const result = await findDifficultiesInScope(ctx.db, ctx.actor, query);
  return {
    rows: result.rows.map(presentDifficulty),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Records what was done about a difficulty, by whom and when; `resolves` closes it. */
export async function recordDifficultyAction(
  ctx: ServiceContext,
  id: string,
  action: { actedOn: string; note: string; resolves: boolean },
  now = new Date(),
) {
  authorize(ctx.actor, "difficulty.act");
  const row = await findDifficulty(ctx.db, id);
  if (!row) throw new AppError("NOT_FOUND");
  authorize(ctx.actor, "difficulty.act", { regionCode: row.regionCode, caseworkerIds: row.caseworkerIds });
  if (action.actedOn > chinaToday(now)) {
    throw new AppError("VALIDATION_FAILED", [{ path: "body.actedOn", message: "日期不能晚于今天" }]);
  }
  if (action.actedOn < row.foundOn) {
    throw new AppError("VALIDATION_FAILED", [{ path: "body.actedOn", message: "日期早于发现困难的走访" }]);
  }
  if (row.status === "resolved")
    throw new AppError("CONFLICT", [{ path: "params.id", message: "该困难已解决" }]);
  await ctx.db.transaction(async (tx) => {
    await insertDifficultyAction(tx, {
      problemId: id,
      countyCode: row.countyCode,
      actedBy: ctx.actor.id,
      actedOn: action.actedOn,
      note: action.note,
      resolves: action.resolves,
    });
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: action.resolves ? "difficulty.resolve" : "difficulty.act",
      entityType: "difficulty",
      entityId: id,
      regionCode: row.regionCode,
      after: { householdId: row.householdId, kind: row.kind, actedOn: action.actedOn },
    });
  });
  const updated = await findDifficulty(ctx.db, id);
  return presentDifficulty(updated!);
}
