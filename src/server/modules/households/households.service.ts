import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import { codePrefix } from "../../../shared/division-code.js";
import type { HouseholdDraft } from "../../../shared/household-draft.js";
import { maskIdNumber } from "../../../shared/id-number.js";
import { escapeLike } from "../../db/like.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import { evaluateHouseholds } from "../monitoring/monitoring-evaluate.js";
import { findRegion, findRegionAncestors } from "../regions/regions.queries.js";
import {
  endCaseworkerAssignments,
  findCaseworkerHistory,
  findCaseworkersInScope,
  findCurrentCaseworkers,
  findEligibleCaseworkers,
  insertCaseworkerAssignments,
  transferCaseworkerAssignments,
} from "./caseworkers.queries.js";
import { findHouseholds, type HouseholdFilter } from "./household-list.queries.js";
import { type HouseholdSnapshot, maskSnapshot, presentDetail } from "./household-present.js";
import { registerHousehold, reviseHousehold } from "./household-save.js";
import {
  findFindings,
  findHouseholdScope,
  findIncomes,
  findMembers,
  findVersion,
  findVersions,
  type HouseholdScope,
} from "./households.queries.js";
import { type MemberMove, moveMemberBetweenHouseholds } from "./member-move.js";

/** The household's scope facts, after checking the actor may do `action` on it (404 when it does not exist). */
async function scopedHousehold(
  ctx: ServiceContext,
  id: string,
  action: "household.read" | "household.write" | "household.reveal" | "household.assign",
): Promise<HouseholdScope> {
  authorize(ctx.actor, action);
  const scope = await findHouseholdScope(ctx.db, id);
  if (!scope) throw new AppError("NOT_FOUND");
  authorize(ctx.actor, action, scope);
  return scope;
}

/** A household's detail now, or as it stood at `asOf`. */
export async function getHousehold(ctx: ServiceContext, id: string, asOf?: string, today = new Date()) {
  const scope = await scopedHousehold(ctx, id, "household.read");
  const version = await findVersion(ctx.db, id, asOf ? { asOf } : "latest");
  if (!version)
    throw new AppError("NOT_FOUND", [{ path: "query.asOf", message: "该时间点之前此户尚未建档" }]);
  const snapshot = version.snapshot as HouseholdSnapshot;
  const [region, ancestors, members, incomes, findings, caseworkers] = await Promise.all([
    findRegion(ctx.db, snapshot.household.regionCode),
    findRegionAncestors(ctx.db, snapshot.household.regionCode),
    findMembers(ctx.db, id),
    findIncomes(ctx.db, id),
    findFindings(ctx.db, id),
    findCurrentCaseworkers(ctx.db, id),
  ]);
  const isCurrent = version.version === scope.version;
  return presentDetail(
    snapshot,
    {
      regionName: region?.name ?? "",
      regionPath: ancestors
        .filter((a) => a.level !== "nation")
        .map((a) => a.name)
        .join(" / "),
      version: version.version,
      updatedAt: version.changedAt,
      incomes: incomes.map((income) => ({
        year: Number(income.year),
        wage: Number(income.wage),
        business: Number(income.business),
        property: Number(income.property),
        transfer: Number(income.transfer),
        pension: Number(income.pension),
        dibao: Number(income.dibao),
        tekun: Number(income.tekun),
        ecoCompensation: Number(income.ecoCompensation),
        otherTransfer: Number(income.otherTransfer),
        businessCosts: Number(income.businessCosts),
        memberCount: Number(income.memberCount),
        perCapitaIncome: income.perCapitaIncome === null ? null : String(income.perCapitaIncome),
      })),
      // Findings and caseworkers describe the present; an "as of" view shows them only for the current version.
      findings: isCurrent ? findings.map((f) => ({ ...f, severity: "warning" as const })) : [],
      caseworkers: isCurrent
        ? caseworkers.map((c) => ({ ...c, assignedAt: c.assignedAt.toISOString() }))
        : [],
      memberVersions: new Map(members.map((m) => [m.id, m.version])),
    },
    today,
  );
}

/** Households in the actor's scope (a caseworker's: their assigned ones), filtered and paged. */
export async function listHouseholds(
  ctx: ServiceContext,
  query: Omit<
    HouseholdFilter,
    "scopePrefix" | "assignedTo" | "text" | "regionPrefix" | "limit" | "offset" | "hasWarnings"
  > & {
    q: string;
    regionCode?: string | undefined;
    hasWarnings?: "true" | "false" | undefined;
    page: number;
    pageSize: number;
  },
) {
  authorize(ctx.actor, "household.read");
  if (query.regionCode) authorize(ctx.actor, "household.read", { regionCode: query.regionCode });
  const { q, regionCode, hasWarnings, page, pageSize, ...filters } = query;
  const result = await findHouseholds(ctx.db, {
    ...filters,
    scopePrefix: codePrefix(ctx.actor.regionCode),
    assignedTo: ctx.actor.role === "caseworker" ? ctx.actor.id : undefined,
    text: escapeLike(q),
    regionPrefix: regionCode ? codePrefix(regionCode) : undefined,
    hasWarnings: hasWarnings === undefined ? undefined : hasWarnings === "true",
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    rows: result.rows.map((row) => ({
      ...row,
      headIdNumber: row.headIdNumber ? maskIdNumber(row.headIdNumber) : null,
    })),
    total: result.total,
    totalIsExact: result.totalIsExact,
    page,
    pageSize,
  };
}

async function saved(
  ctx: ServiceContext,
  result: { id: string; warnings: readonly { path: string; code: string; message: string }[] },
) {
  // Monitoring rules re-evaluated for the saved household (alerts raised or cleared at once).
  await evaluateHouseholds(ctx.db, [result.id]);
  const household: HouseholdDetail = await getHousehold(ctx, result.id);
  return { household, findings: result.warnings.map((w) => ({ ...w, severity: "warning" as const })) };
}

/** Registers a household in the actor's scope. */
export async function createHousehold(ctx: ServiceContext, draft: HouseholdDraft, reason: string) {
  authorize(ctx.actor, "household.write", { regionCode: draft.regionCode });
  // A caseworker registers nothing new: their scope is the households assigned to them.
  if (ctx.actor.role === "caseworker") throw new AppError("FORBIDDEN");
  return saved(ctx, await registerHousehold(ctx, draft, reason));
}

/** Saves a new version of a household the actor may edit; moving it must stay within the actor's scope. */
export async function updateHousehold(
  ctx: ServiceContext,
  id: string,
  draft: HouseholdDraft,
  version: number,
  reason: string,
) {
  const scope = await scopedHousehold(ctx, id, "household.write");
  authorize(ctx.actor, "household.write", {
    regionCode: draft.regionCode,
    caseworkerIds: scope.caseworkerIds,
  });
  return saved(ctx, await reviseHousehold(ctx, id, draft, version, reason));
}

/** The household's timeline. */
export async function listVersions(ctx: ServiceContext, id: string) {
  await scopedHousehold(ctx, id, "household.read");
  const rows = await findVersions(ctx.db, id);
  return { rows: rows.map((row) => ({ ...row, changedAt: row.changedAt.toISOString() })) };
}

/** One version with its (masked) snapshot, for the timeline's comparisons. */
export async function getVersion(ctx: ServiceContext, id: string, version: number) {
  await scopedHousehold(ctx, id, "household.read");
  const row = await findVersion(ctx.db, id, { version });
  if (!row) throw new AppError("NOT_FOUND");
  const snapshot = maskSnapshot(row.snapshot as HouseholdSnapshot);
  return {
    ...row,
    changedAt: row.changedAt.toISOString(),
    snapshot: snapshot as unknown as Record<string, unknown>,
  };
}

/** One personal field in full; the reveal itself is written to the audit trail. */
export async function revealPersonalField(
  ctx: ServiceContext,
  id: string,
  field: "idNumber" | "phone" | "bankAccount",
  memberId: string | undefined,
) {
  const scope = await scopedHousehold(ctx, id, "household.reveal");
  const latest = await findVersion(ctx.db, id, "latest");
  const household = (latest!.snapshot as HouseholdSnapshot).household;
  let value: string | null;
  if (memberId) {
    const member = household.members.find((m) => m.id === memberId);
    if (!member || field === "bankAccount") throw new AppError("NOT_FOUND");
    value = field === "idNumber" ? member.idNumber : member.phone;
  } else {
    if (field === "idNumber")
      throw new AppError("VALIDATION_FAILED", [{ path: "body.memberId", message: "证件号码属于成员" }]);
    value = field === "phone" ? household.phone : household.bankAccount;
  }
  await ctx.db.transaction((tx) =>
    recordAudit(tx, ctx.actor, ctx.origin, {
      action: "personal_data.reveal",
      entityType: memberId ? "member" : "household",
      entityId: memberId ?? id,
      regionCode: scope.regionCode,
      after: { field, householdId: id },
    }),
  );
  return { value };
}

/**
 * Moves a member to another household (marriage) or into a new one (split). Both households must
 * be the actor's to edit; caseworkers do not move people, as they register no households.
 */
export async function moveMember(ctx: ServiceContext, move: MemberMove) {
  const source = await scopedHousehold(ctx, move.sourceId, "household.write");
  if (ctx.actor.role === "caseworker") throw new AppError("FORBIDDEN");
  if ("householdId" in move.target) await scopedHousehold(ctx, move.target.householdId, "household.write");
  const { sourceId, targetId } = await moveMemberBetweenHouseholds(ctx, move);
  await evaluateHouseholds(ctx.db, [sourceId, targetId]);
  if (source.id !== sourceId) throw new AppError("NOT_FOUND");
  const [sourceDetail, targetDetail] = await Promise.all([
    getHousehold(ctx, sourceId),
    getHousehold(ctx, targetId),
  ]);
  return { source: sourceDetail, target: targetDetail };
}

/** The household's current caseworkers and every earlier assignment. */
export async function listCaseworkers(ctx: ServiceContext, id: string) {
  await scopedHousehold(ctx, id, "household.read");
  return caseworkerAssignments(ctx, id);
}

async function caseworkerAssignments(ctx: ServiceContext, id: string) {
  const [current, history] = await Promise.all([
    findCurrentCaseworkers(ctx.db, id),
    findCaseworkerHistory(ctx.db, id),
  ]);
  return {
    current: current.map((c) => ({ ...c, assignedAt: c.assignedAt.toISOString() })),
    history: history.map((h) => ({
      ...h,
      assignedAt: h.assignedAt.toISOString(),
      endedAt: h.endedAt?.toISOString() ?? null,
    })),
  };
}

/** Sets the household's caseworkers: new ones assigned, missing ones ended (kept as history). */
export async function assignCaseworkers(
  ctx: ServiceContext,
  id: string,
  userIds: readonly string[],
  reason?: string,
) {
  const scope = await scopedHousehold(ctx, id, "household.assign");
  const unique = [...new Set(userIds)];
  const eligible = await findEligibleCaseworkers(ctx.db, unique, codePrefix(ctx.actor.regionCode));
  const invalid = unique.filter((userId) => !eligible.includes(userId));
  if (invalid.length > 0) {
    throw new AppError(
      "VALIDATION_FAILED",
      invalid.map((userId) => ({
        path: `body.userIds.${unique.indexOf(userId)}`,
        message: "不是您管辖范围内在用的帮扶责任人账号",
      })),
    );
  }
  await ctx.db.transaction(async (tx) => {
    const before = (await findCurrentCaseworkers(tx, id)).map((c) => c.id);
    const ended = before.filter((userId) => !unique.includes(userId));
    const added = unique.filter((userId) => !before.includes(userId));
    await endCaseworkerAssignments(tx, id, ended, ctx.actor.id);
    await insertCaseworkerAssignments(tx, {
      householdId: id,
      countyCode: scope.countyCode,
      userIds: added,
      assignedBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "household.assign_caseworkers",
      entityType: "household",
      entityId: id,
      regionCode: scope.regionCode,
      before: { caseworkerIds: before },
      after: { caseworkerIds: unique, reason: reason ?? null },
    });
  });
  return caseworkerAssignments(ctx, id);
}

/**
 * A caseworker's households in the actor's scope pass to another caseworker at once (a colleague
 * leaves or changes post); the ended assignments stay in each household's history.
 */
export async function handOverCaseworkerHouseholds(
  ctx: ServiceContext,
  fromUserId: string,
  toUserId: string,
  reason: string,
) {
  authorize(ctx.actor, "household.assign");
  const scopePrefix = codePrefix(ctx.actor.regionCode);
  const [from] = await findEligibleCaseworkers(ctx.db, [fromUserId], scopePrefix, {
    isDisabledAllowed: true,
  });
  if (!from) throw new AppError("NOT_FOUND");
  if (fromUserId === toUserId) {
    throw new AppError("VALIDATION_FAILED", [{ path: "body.toUserId", message: "交接双方不能是同一人" }]);
  }
  const [to] = await findEligibleCaseworkers(ctx.db, [toUserId], scopePrefix);
  if (!to) {
    throw new AppError("VALIDATION_FAILED", [
      { path: "body.toUserId", message: "不是您管辖范围内在用的帮扶责任人账号" },
    ]);
  }
  const handedOver = await ctx.db.transaction(async (tx) => {
    const count = await transferCaseworkerAssignments(tx, {
      fromUserId,
      toUserId,
      scopePrefix,
      actorId: ctx.actor.id,
    });
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "caseworker.handover",
      entityType: "user",
      entityId: fromUserId,
      regionCode: ctx.actor.regionCode,
      after: { toUserId, households: count, reason },
    });
    return count;
  });
  return { handedOver };
}

/** Caseworkers in the actor's scope, for pickers and the list's caseworker filter. */
export async function listCaseworkersInScope(
  ctx: ServiceContext,
  q: string,
  ids: readonly string[] | undefined,
) {
  authorize(ctx.actor, "household.read");
  const rows = await findCaseworkersInScope(ctx.db, {
    scopePrefix: codePrefix(ctx.actor.regionCode),
    text: escapeLike(q),
    ids,
    limit: 50,
  });
  return { rows };
}
