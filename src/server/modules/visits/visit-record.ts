import { createHash, randomUUID } from "node:crypto";
import type { VisitView } from "../../../shared/api/visits.api.js";
import { hasChanges } from "../../../shared/visit-changes.js";
import { batched, batchedPer } from "../../db/batch.js";
import type { Db } from "../../db/db.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { checkCampaignVisit } from "../campaigns/campaigns.service.js";
import { findHouseholdScope, findVersion } from "../households/households.queries.js";
import { checkVisit, decodePhotos, fail, labelIndicators } from "./visit-checks.js";
import { prepareChangedHousehold } from "./visit-registry.js";
import { type CheckedVisit, type ParsedVisit, type RegistryPlan, writeVisit } from "./visit-write.js";
import {
  findVisitIdentity,
  findVisitTargets,
  type VisitTarget,
  type VisitTargetLookup,
} from "./visit-write.queries.js";
import { presentVisit } from "./visits.service.js";

function hashOf(visit: ParsedVisit): string {
  return createHash("sha256").update(JSON.stringify(visit)).digest("hex");
}

/** The stored copy of a retried visit; CONFLICT when the id was used for a different record. */
async function replayOf(
  ctx: ServiceContext,
  visit: ParsedVisit,
  payloadHash: string,
  stored: { recordedBy: string; householdId: string; payloadHash: string } | null | undefined,
) {
  if (!stored) return undefined;
  if (
    stored.recordedBy !== ctx.actor.id ||
    stored.householdId !== visit.householdId ||
    stored.payloadHash !== payloadHash
  ) {
    throw new AppError("CONFLICT", [{ path: "body.id", message: "该记录编号已用于另一条走访记录" }]);
  }
  return presentVisit(ctx.db, visit.id);
}

/** What becomes of the visit's registry changes, decided against the household's latest version. */
async function planRegistry(
  ctx: ServiceContext,
  visit: ParsedVisit,
  latest: { version: number; snapshot: unknown },
  now: Date,
): Promise<RegistryPlan> {
  const changes = visit.changes && hasChanges(visit.changes) ? visit.changes : undefined;
  if (!changes) return { outcome: "none" };
  const reason = `走访（${visit.visitedOn}）`;
  if (changes.baseVersion > latest.version)
    fail([{ path: "body.changes.baseVersion", message: "该户没有这个版本" }]);
  if (changes.baseVersion === latest.version) {
    return { outcome: "applied", prepared: prepareChangedHousehold(latest, changes, reason, now) };
  }
  // Checked against what the phone saw, so the cadre is never handed an impossible change.
  const base = await findVersion(ctx.db, visit.householdId, { version: changes.baseVersion });
  if (!base) fail([{ path: "body.changes.baseVersion", message: "该户没有这个版本" }]);
  prepareChangedHousehold(base, changes, reason, now);
  return { outcome: "pending", currentVersion: latest.version };
}

// Visits arriving together read their households in one statement.
const findTargetBatched = batchedPer((db: Db) =>
  batched((lookups: VisitTargetLookup[]) => findVisitTargets(db, lookups)),
);

/**
 * Records a visit exactly once. Its registry changes become the household's next version when the
 * phone's version is still current, and a pending change for the village cadre when it is not
 * (also when another save wins the race while this one is being written): never an overwrite.
 */
export async function recordVisit(ctx: ServiceContext, visit: ParsedVisit, now = new Date()) {
  authorize(ctx.actor, "visit.record");
  const hasRegistryChanges = visit.changes !== undefined && hasChanges(visit.changes);
  const target = await findTargetBatched(ctx.db, {
    householdId: visit.householdId,
    visitId: visit.id,
    withSnapshot: hasRegistryChanges,
  });
  if (!target) throw new AppError("NOT_FOUND");
  const scope = target;
  authorize(ctx.actor, "visit.record", scope);
  const payloadHash = hashOf(visit);
  const replay = await replayOf(ctx, visit, payloadHash, target.stored);
  if (replay) return replay;

  const latest = { version: target.version, snapshot: target.snapshot };
  checkVisit(visit, new Set(target.members.map((m) => m.id)), now);
  const photos = decodePhotos(visit);
  const indicators = labelIndicators(visit, target.indicatorSet);
  if (visit.campaignId !== null) {
    await checkCampaignVisit(ctx.db, { ...visit, campaignId: visit.campaignId });
  } else if (visit.answers.length > 0) {
    fail([{ path: "body.answers", message: "只有排查走访才回答排查问题" }]);
  }
  const plan = await planRegistry(ctx, visit, latest, now);
  const problemIds = visit.problems.map(() => randomUUID());
  const checked: CheckedVisit = { visit, problemIds, scope, indicators, photos, payloadHash };

  let written: { receivedAt: Date } | undefined;
  try {
    written = await writeVisit(ctx, checked, plan, now);
  } catch (error) {
    // Someone saved the household between our read and our write: the change waits for the cadre.
    if (!(error instanceof AppError && error.code === "STALE_VERSION" && plan.outcome === "applied"))
      throw error;
    const current = await findHouseholdScope(ctx.db, visit.householdId);
    written = await writeVisit(
      ctx,
      checked,
      { outcome: "pending", currentVersion: current?.version ?? latest.version + 1 },
      now,
    );
  }
  if (!written) {
    // A copy of this request committed first (a double tap, or a retry racing the original).
    const stored = await replayOf(ctx, visit, payloadHash, await findVisitIdentity(ctx.db, visit.id));
    if (stored) return stored;
    return presentVisit(ctx.db, visit.id);
  }
  // Without registry changes the household is as read: the answer is what was just written.
  if (plan.outcome === "none") return presentWritten(ctx, checked, target, written.receivedAt);
  return presentVisit(ctx.db, visit.id);
}

/**
 * A visit just written without registry changes, as `presentVisit` would read it back (a test
 * holds the two equal), without the read: members named and ordered as in the household's snapshot.
 */
function presentWritten(
  ctx: ServiceContext,
  checked: CheckedVisit,
  target: VisitTarget,
  receivedAt: Date,
): VisitView {
  const { visit } = checked;
  const { members } = target;
  const positionOf = new Map(members.map((m, position) => [m.id, position]));
  return {
    id: visit.id,
    householdId: visit.householdId,
    householdNumber: target.householdNumber,
    headName: target.headName,
    regionCode: target.regionCode,
    recordedBy: { id: ctx.actor.id, displayName: ctx.actor.displayName },
    kind: visit.kind,
    visitedOn: visit.visitedOn,
    metWith: visit.metWith,
    indicators: checked.indicators,
    livingConditions: visit.livingConditions,
    problems: visit.problems.map((problem, i) => ({
      id: checked.problemIds[i]!,
      kind: problem.kind,
      note: problem.note,
      status: "open" as const,
    })),
    assistanceGiven: visit.assistanceGiven,
    assistancePlanned: visit.assistancePlanned,
    memberStatuses: [...visit.memberStatuses]
      .sort((a, b) => positionOf.get(a.memberId)! - positionOf.get(b.memberId)!)
      .map((status) => ({
        memberId: status.memberId,
        memberName: members[positionOf.get(status.memberId)!]!.name,
        status: status.status,
        since: status.since,
        until: status.until,
      })),
    photos: checked.photos.map((photo, position) => ({
      position,
      mediaType: photo.mediaType,
      byteSize: photo.content.length,
    })),
    location: visit.location,
    campaignId: visit.campaignId,
    answers: visit.answers,
    registry: {
      outcome: "none",
      baseVersion: visit.changes?.baseVersion ?? null,
      appliedVersion: null,
      pendingChangeId: null,
    },
    recordedAt: new Date(visit.recordedAt).toISOString(),
    receivedAt: receivedAt.toISOString(),
  };
}
