import { randomUUID } from "node:crypto";
import type { HouseholdDraft, MemberDraft } from "../../../shared/household-draft.js";
import { emptyIncome } from "../../../shared/household-income.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { recordAudit } from "../audit/audit.service.js";
import type { HouseholdSnapshot, StoredMember } from "./household-present.js";
import { type PreparedHousehold, prepareHousehold, writeHouseholds } from "./household-save.js";
import { findActiveMembersElsewhere, findVersion, isHouseholdNumberTaken } from "./households.queries.js";

/** Where a moving member goes: an existing household at a known version, or a new one of their own. */
export type MoveTarget = { householdId: string; version: number } | { newHouseholdNumber: string };

export interface MemberMove {
  sourceId: string;
  sourceVersion: number;
  memberId: string;
  target: MoveTarget;
  relation: MemberDraft["relation"];
  newHeadMemberId?: string | undefined;
  reason: string;
}

function moveError(path: string, message: string): AppError {
  return new AppError("VALIDATION_FAILED", [{ path: `body.${path}`, message }]);
}

/** A stored household as a draft again (the form a save takes), without snapshot-only fields. */
function draftOf(household: HouseholdSnapshot["household"]): HouseholdDraft {
  return {
    ...household,
    members: household.members.map(({ birthDate: _b, version: _v, ...member }) => member),
  };
}

async function latestSnapshot(ctx: ServiceContext, id: string, version: number, path: string) {
  const latest = await findVersion(ctx.db, id, "latest");
  if (!latest) throw new AppError("NOT_FOUND");
  if (latest.version !== version)
    throw new AppError("STALE_VERSION", [{ path, message: "该户已被他人修改" }]);
  return latest.snapshot as HouseholdSnapshot;
}

/** The household left behind: the member removed, a new head named when the head left. */
function sourceAfterMove(source: HouseholdSnapshot, move: MemberMove, moving: StoredMember) {
  const remaining = source.household.members.filter((m) => m.id !== move.memberId);
  if (!remaining.some((m) => m.status === "active")) {
    throw moveError("memberId", "这是本户最后一名在户成员，不能迁出；请改为注销或合户处理");
  }
  let members = remaining;
  if (moving.relation === "head") {
    const heir = remaining.find((m) => m.id === move.newHeadMemberId && m.status === "active");
    if (!heir) throw moveError("newHeadMemberId", "户主迁出时，须指定一名在户成员为新户主");
    members = remaining.map((m) => (m.id === heir.id ? { ...m, relation: "head" as const } : m));
  }
  // The check that a saved member is never dropped compares with this: the mover is expected to go.
  const previous: HouseholdSnapshot = {
    ...source,
    household: { ...source.household, members: remaining },
  };
  return { draft: draftOf({ ...source.household, members }), previous };
}

/** A new household of the moving member alone, in the source's village with its conditions. */
function newHouseholdDraft(source: HouseholdSnapshot, mover: MemberDraft, householdNumber: string) {
  return {
    ...draftOf(source.household),
    householdNumber,
    phone: mover.phone,
    bankAccount: null,
    cultivatedLandMu: 0,
    forestLandMu: 0,
    houseAreaM2: 0,
    members: [mover],
    income: emptyIncome(source.household.income.year),
  } satisfies HouseholdDraft;
}

/**
 * Moves a member between households in one transaction: both households get a new version, the
 * member keeps their id (and so their history), and one audit entry records the move.
 * Returns the ids of the source and target households.
 */
export async function moveMemberBetweenHouseholds(ctx: ServiceContext, move: MemberMove, today = new Date()) {
  const source = await latestSnapshot(ctx, move.sourceId, move.sourceVersion, "body.version");
  const moving = source.household.members.find((m) => m.id === move.memberId);
  if (!moving) throw new AppError("NOT_FOUND");
  if (moving.status !== "active") throw moveError("memberId", "只能迁移在户成员");
  const { birthDate: _b, version: _v, ...moverFields } = moving;
  const mover: MemberDraft = { ...moverFields, relation: move.relation };
  const left = sourceAfterMove(source, move, moving);
  const sourcePrepared = prepareHousehold(left.draft, left.previous, today);

  let targetPrepared: PreparedHousehold;
  const isNew = "newHouseholdNumber" in move.target;
  if ("newHouseholdNumber" in move.target) {
    if (move.relation !== "head") throw moveError("relation", "分户后迁出成员即为新户户主");
    const prepared = prepareHousehold(
      newHouseholdDraft(source, mover, move.target.newHouseholdNumber),
      undefined,
      today,
    );
    // prepareHousehold gives new members fresh ids; the mover keeps theirs.
    prepared.household.members[0] = { ...prepared.household.members[0]!, id: moving.id };
    targetPrepared = {
      snapshot: { id: randomUUID(), countyCode: source.countyCode, household: prepared.household },
      warnings: prepared.warnings,
      version: 1,
      reason: move.reason,
    };
  } else {
    if (move.target.householdId === move.sourceId) throw moveError("target.householdId", "不能迁入本户");
    const target = await latestSnapshot(
      ctx,
      move.target.householdId,
      move.target.version,
      "body.target.version",
    );
    if (target.countyCode !== source.countyCode) {
      throw moveError("target.householdId", "成员不能跨县迁移；请在迁入县登记");
    }
    const draft = draftOf(target.household);
    const withMover = { ...draft, members: [...draft.members, { ...mover }] };
    // The mover is known to the target from now on: keep their id through the "no stranger" check.
    const previous: HouseholdSnapshot = {
      ...target,
      household: { ...target.household, members: [...target.household.members, moving] },
    };
    const prepared = prepareHousehold(withMover, previous, today);
    targetPrepared = {
      snapshot: { ...target, household: prepared.household },
      warnings: prepared.warnings,
      version: move.target.version + 1,
      reason: move.reason,
    };
  }

  const sourceWrite: PreparedHousehold = {
    snapshot: { ...source, household: sourcePrepared.household },
    warnings: sourcePrepared.warnings,
    version: move.sourceVersion + 1,
    reason: move.reason,
  };
  await ctx.db.transaction(async (tx) => {
    if ("newHouseholdNumber" in move.target) {
      if (await isHouseholdNumberTaken(tx, source.countyCode, move.target.newHouseholdNumber)) {
        throw new AppError("CONFLICT", [
          { path: "body.target.newHouseholdNumber", message: "本县已有该户编号" },
        ]);
      }
    }
    const others = targetPrepared.snapshot.household.members.filter(
      (m) => m.status === "active" && m.id !== moving.id,
    );
    const clashes = await findActiveMembersElsewhere(
      tx,
      others.map((m) => m.idNumber),
      targetPrepared.snapshot.id,
    );
    if (clashes.length > 0) throw moveError("target.householdId", "迁入户的成员已在别户登记，请先核实迁入户");
    // New households are inserted before any member is written, so the mover's row can point at it.
    await writeHouseholds(tx, ctx.actor, [sourceWrite, targetPrepared], today);
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "member.move",
      entityType: "member",
      entityId: moving.id,
      regionCode: source.household.regionCode,
      before: { householdId: source.id, relation: moving.relation },
      after: {
        householdId: targetPrepared.snapshot.id,
        relation: move.relation,
        isNewHousehold: isNew,
        reason: move.reason,
      },
    });
  });
  return { sourceId: source.id, targetId: targetPrepared.snapshot.id };
}
