import type { z } from "zod";
import type { pendingChangeDetail } from "../../../shared/api/visits.api.js";
import { codePrefix } from "../../../shared/division-code.js";
import type { HouseholdChanges } from "../../../shared/visit-changes.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import type { HouseholdSnapshot } from "../households/household-present.js";
import { findVersion } from "../households/households.queries.js";
import {
  closePendingChange,
  findPendingChange,
  findPendingChanges,
  type PendingChangeDetailRow,
  type PendingChangeRow,
} from "./pending-changes.queries.js";
import { prepareChangedHousehold, writeChangedHousehold } from "./visit-registry.js";

type PendingChangeDetail = z.infer<typeof pendingChangeDetail>;
type FieldValue = string | number | boolean | null;

function presentRow(row: PendingChangeRow) {
  return { ...row, createdAt: new Date(row.createdAt).toISOString() };
}

/** Pending changes in scope (a caseworker's: on their households), oldest first. */
export async function listPendingChanges(
  ctx: ServiceContext,
  query: { status: "open" | "applied" | "rejected"; page: number; pageSize: number },
) {
  authorize(ctx.actor, "pending_change.read");
  const result = await findPendingChanges(ctx.db, {
    scopePrefix: codePrefix(ctx.actor.regionCode),
    assignedTo: ctx.actor.role === "caseworker" ? ctx.actor.id : undefined,
    status: query.status,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    rows: result.rows.map(presentRow),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function scopedChange(
  ctx: ServiceContext,
  id: string,
  action: "pending_change.read" | "pending_change.resolve",
): Promise<PendingChangeDetailRow> {
  authorize(ctx.actor, action);
  const row = await findPendingChange(ctx.db, id);
  if (!row) throw new AppError("NOT_FOUND");
  authorize(ctx.actor, action, { regionCode: row.regionCode, caseworkerIds: row.caseworkerIds });
  return row;
}

const fieldValueOf = (value: unknown): FieldValue => (value === undefined ? null : (value as FieldValue));

/** Each field the change touches: as the phone saw it, as it is now, as proposed. */
function compareFields(
  changes: HouseholdChanges,
  base: HouseholdSnapshot["household"],
  current: HouseholdSnapshot["household"],
): PendingChangeDetail["fields"] {
  const fields: PendingChangeDetail["fields"] = [];
  for (const [key, proposed] of Object.entries(changes.income ?? {})) {
    const field = key as keyof typeof base.income;
    fields.push({
      path: `income.${key}`,
      memberName: null,
      base: fieldValueOf(base.income[field]),
      current: fieldValueOf(current.income[field]),
      proposed: fieldValueOf(proposed),
    });
  }
  for (const [key, proposed] of Object.entries(changes.conditions ?? {})) {
    const field = key as keyof typeof base;
    fields.push({
      path: `conditions.${key}`,
      memberName: null,
      base: fieldValueOf(base[field]),
      current: fieldValueOf(current[field]),
      proposed: fieldValueOf(proposed),
    });
  }
  for (const change of changes.members ?? []) {
    const before = base.members.find((m) => m.id === change.id);
    const now = current.members.find((m) => m.id === change.id);
    for (const [key, proposed] of Object.entries(change)) {
      if (key === "id") continue;
      const field = key as keyof NonNullable<typeof before>;
      fields.push({
        path: `members.${key}`,
        memberName: now?.name ?? before?.name ?? null,
        base: fieldValueOf(before?.[field]),
        current: fieldValueOf(now?.[field]),
        proposed: fieldValueOf(proposed),
      });
    }
  }
  return fields;
}

async function presentDetail(ctx: ServiceContext, row: PendingChangeDetailRow): Promise<PendingChangeDetail> {
  const [base, current] = await Promise.all([
    findVersion(ctx.db, row.householdId, { version: row.baseVersion }),
    findVersion(ctx.db, row.householdId, "latest"),
  ]);
  if (!base || !current) throw new AppError("NOT_FOUND");
  const {
    countyCode: _c,
    regionCode: _r,
    changes,
    caseworkerIds: _w,
    resolvedAt,
    resolvedBy,
    resolutionNote,
    appliedVersion,
    householdVersion,
    ...rest
  } = row;
  return {
    ...presentRow(rest),
    householdVersion,
    resolvedBy,
    resolutionNote,
    appliedVersion,
    fields: compareFields(
      changes,
      (base.snapshot as HouseholdSnapshot).household,
      (current.snapshot as HouseholdSnapshot).household,
    ),
    resolvedAt: resolvedAt ? new Date(resolvedAt).toISOString() : null,
  };
}

/** One pending change, field by field. */
export async function getPendingChange(ctx: ServiceContext, id: string) {
  return presentDetail(ctx, await scopedChange(ctx, id, "pending_change.read"));
}

/**
 * The cadre's decision: "apply" lays the change over the household's current version (which must
 * still be the one the cadre compared against) as a new version; "reject" closes it unchanged.
 */
export async function resolvePendingChange(
  ctx: ServiceContext,
  id: string,
  decision: { decision: "apply" | "reject"; version: number; note: string },
  now = new Date(),
) {
  const row = await scopedChange(ctx, id, "pending_change.resolve");
  if (row.status !== "open") throw new AppError("CONFLICT", [{ path: "params.id", message: "该变更已处理" }]);
  const latest = await findVersion(ctx.db, row.householdId, "latest");
  if (!latest) throw new AppError("NOT_FOUND");
  if (latest.version !== decision.version) throw new AppError("STALE_VERSION");
  const prepared =
    decision.decision === "apply"
      ? prepareChangedHousehold(latest, row.changes, `走访变更经核实（${row.visitedOn}）`, now, "body")
      : undefined;
  await ctx.db.transaction(async (tx) => {
    const isClosed = await closePendingChange(tx, {
      id,
      status: prepared ? "applied" : "rejected",
      appliedVersion: prepared?.version ?? null,
      resolvedBy: ctx.actor.id,
      note: decision.note,
    });
    if (!isClosed) throw new AppError("CONFLICT", [{ path: "params.id", message: "该变更已处理" }]);
    if (prepared)
      await writeChangedHousehold(tx, ctx, prepared, { visitId: row.visitId, pendingChangeId: id }, now);
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: prepared ? "pending_change.apply" : "pending_change.reject",
      entityType: "household",
      entityId: row.householdId,
      regionCode: row.regionCode,
      after: { pendingChangeId: id, visitId: row.visitId, note: decision.note },
    });
  });
  return getPendingChange(ctx, id);
}
