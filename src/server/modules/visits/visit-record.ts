import { createHash, randomUUID } from "node:crypto";
import type { z } from "zod";
import type { VisitView, visitDraftSchema } from "../../../shared/api/visits.api.js";
import { hasChanges } from "../../../shared/visit-changes.js";
import {
  chinaToday,
  DEFAULT_VISIT_INDICATORS,
  sniffPhotoType,
  VISIT_PHOTO_MAX_BYTES,
  type VisitIndicator,
} from "../../../shared/visit-codes.js";
import { batched, batchedPer } from "../../db/batch.js";
import type { Db } from "../../db/db.js";
import { AppError, type ErrorDetail } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { auditEntryOf } from "../audit/audit.service.js";
import { checkCampaignVisit } from "../campaigns/campaigns.service.js";
import type { PreparedHousehold } from "../households/household-save.js";
import { findHouseholdScope, findVersion } from "../households/households.queries.js";
import { insertPendingChange } from "./pending-changes.queries.js";
import { prepareChangedHousehold, writeChangedHousehold } from "./visit-registry.js";
import {
  findVisitIdentity,
  findVisitTargets,
  insertVisitsOnce,
  type VisitInsert,
  type VisitTarget,
  type VisitTargetLookup,
  type VisitWrite,
} from "./visits.queries.js";
import { presentVisit } from "./visits.service.js";

/** A visit as the contract parsed it. */
export type ParsedVisit = z.output<typeof visitDraftSchema>;

const EARLIEST_VISIT = "2013-01-01";
// A phone's clock may run a little fast; a record "saved" further ahead than this is refused.
const CLOCK_SKEW_MS = 10 * 60_000;

function fail(details: ErrorDetail[]): never {
  throw new AppError("VALIDATION_FAILED", details);
}

/** Dates, members and duplicates the schema cannot see; every problem at once. */
function checkVisit(visit: ParsedVisit, memberIds: ReadonlySet<string>, now: Date): void {
  const today = chinaToday(now);
  const problems: ErrorDetail[] = [];
  if (visit.visitedOn > today) problems.push({ path: "body.visitedOn", message: "走访日期不能晚于今天" });
  if (visit.visitedOn < EARLIEST_VISIT)
    problems.push({ path: "body.visitedOn", message: "走访日期早于 2013 年" });
  if (Date.parse(visit.recordedAt) > now.getTime() + CLOCK_SKEW_MS) {
    problems.push({ path: "body.recordedAt", message: "记录时间在未来：请检查手机的日期和时间" });
  }
  const seen = new Set<string>();
  visit.memberStatuses.forEach((status, i) => {
    const path = `body.memberStatuses.${i}`;
    if (!memberIds.has(status.memberId))
      problems.push({ path: `${path}.memberId`, message: "该成员不属于本户" });
    if (seen.has(status.memberId)) problems.push({ path: `${path}.memberId`, message: "同一成员填写了两次" });
    seen.add(status.memberId);
    for (const key of ["since", "until"] as const) {
      const date = status[key];
      if (date !== null && date > today)
        problems.push({ path: `${path}.${key}`, message: "日期不能晚于今天" });
    }
    if (status.since !== null && status.until !== null && status.until < status.since) {
      problems.push({ path: `${path}.until`, message: "解除日期早于开始日期" });
    }
    if (status.status === "none" && (status.since !== null || status.until !== null)) {
      problems.push({ path: `${path}.since`, message: "未隔离的成员不填隔离日期" });
    }
  });
  visit.problems.forEach((problem, i) => {
    if (problem.kind === "other" && problem.note === "") {
      problems.push({ path: `body.problems.${i}.note`, message: "“其他”困难请写明是什么" });
    }
  });
  if (problems.length > 0) fail(problems);
}

/** The photos' bytes, each checked to be the image it claims by its first bytes. */
function decodePhotos(visit: ParsedVisit): { mediaType: string; content: Buffer }[] {
  const problems: ErrorDetail[] = [];
  const photos = visit.photos.map((photo, i) => {
    const content = Buffer.from(photo.dataBase64, "base64");
    const sniffed = sniffPhotoType(content);
    if (content.length === 0 || content.length > VISIT_PHOTO_MAX_BYTES) {
      problems.push({ path: `body.photos.${i}.dataBase64`, message: "照片为空或过大，请压缩后再传" });
    } else if (sniffed === undefined) {
      problems.push({ path: `body.photos.${i}.dataBase64`, message: "不是图片（只收 JPEG、PNG、WebP）" });
    } else if (sniffed !== photo.mediaType) {
      problems.push({
        path: `body.photos.${i}.mediaType`,
        message: `照片实际是 ${sniffed}，与声明的格式不符`,
      });
    }
    return { mediaType: photo.mediaType, content };
  });
  if (problems.length > 0) fail(problems);
  return photos;
}

/** The checklist answers with their labels, checked against the county's list (read with the household). */
function labelIndicators(visit: ParsedVisit, countyList: readonly VisitIndicator[] | null) {
  if (visit.indicators.length === 0) return [];
  const list = countyList ?? DEFAULT_VISIT_INDICATORS;
  const byCode = new Map(list.map((indicator) => [indicator.code, indicator]));
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  const labelled = visit.indicators.map((answer, i) => {
    const indicator = byCode.get(answer.code);
    if (!indicator)
      problems.push({ path: `body.indicators.${i}.code`, message: "不是本县走访指标清单中的指标" });
    if (seen.has(answer.code))
      problems.push({ path: `body.indicators.${i}.code`, message: "同一指标填写了两次" });
    seen.add(answer.code);
    return { code: answer.code, label: indicator?.zh ?? "", isMet: answer.isMet, note: answer.note };
  });
  if (problems.length > 0) fail(problems);
  return labelled;
}

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

type RegistryPlan =
  | { outcome: "none" }
  | { outcome: "applied"; prepared: PreparedHousehold }
  | { outcome: "pending"; currentVersion: number };

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

interface CheckedVisit {
  visit: ParsedVisit;
  /** The ids its problems get (known before the write, so the answer needs no read-back). */
  problemIds: string[];
  scope: { countyCode: string; regionCode: string };
  indicators: VisitInsert["indicators"];
  photos: { mediaType: string; content: Buffer }[];
  payloadHash: string;
}

/**
 * Writes the visit, its parts, its audit entry and its registry outcome; undefined when a visit
 * with its id was already there (nothing is written then). Without registry changes that is one
 * statement, atomic by itself; with them, one transaction.
 */
function writeVisit(ctx: ServiceContext, checked: CheckedVisit, registry: RegistryPlan, now: Date) {
  const { visit, scope } = checked;
  const one: VisitWrite = {
    visit: {
      id: visit.id,
      countyCode: scope.countyCode,
      regionCode: scope.regionCode,
      householdId: visit.householdId,
      recordedBy: ctx.actor.id,
      kind: visit.kind,
      visitedOn: visit.visitedOn,
      metWith: visit.metWith,
      indicators: checked.indicators,
      livingConditions: visit.livingConditions,
      assistanceGiven: visit.assistanceGiven,
      assistancePlanned: visit.assistancePlanned,
      location: visit.location,
      baseVersion: visit.changes?.baseVersion ?? null,
      registryOutcome: registry.outcome,
      appliedVersion: registry.outcome === "applied" ? registry.prepared.version : null,
      payloadHash: checked.payloadHash,
      recordedAt: visit.recordedAt,
      campaignId: visit.campaignId,
      answers: visit.answers,
    },
    parts: {
      problems: visit.problems.map((problem, i) => ({ ...problem, id: checked.problemIds[i]! })),
      memberStatuses: visit.memberStatuses,
      photos: checked.photos,
    },
    audit: auditEntryOf(ctx.actor, ctx.origin, {
      action: "visit.record",
      entityType: "visit",
      entityId: visit.id,
      regionCode: scope.regionCode,
      after: {
        householdId: visit.householdId,
        kind: visit.kind,
        visitedOn: visit.visitedOn,
        problems: visit.problems.length,
        registryOutcome: registry.outcome,
        campaignId: visit.campaignId,
      },
    }),
  };
  // Without registry changes, visits arriving together are written by one statement.
  if (registry.outcome === "none") return writeBatched(ctx.db, one);
  return ctx.db.transaction(async (q) => {
    const [written] = await insertVisitsOnce(q, [one]);
    if (!written) return undefined;
    if (registry.outcome === "applied") {
      await writeChangedHousehold(q, ctx, registry.prepared, { visitId: visit.id }, now);
    } else if (registry.outcome === "pending" && visit.changes) {
      await insertPendingChange(q, {
        countyCode: scope.countyCode,
        regionCode: scope.regionCode,
        householdId: visit.householdId,
        visitId: visit.id,
        baseVersion: visit.changes.baseVersion,
        currentVersion: registry.currentVersion,
        changes: visit.changes,
      });
    }
    return written;
  });
}

// Visits arriving together read their households in one statement.
const findTargetBatched = batchedPer((db: Db) =>
  batched((lookups: VisitTargetLookup[]) => findVisitTargets(db, lookups)),
);

type Outcome<T> = { ok: T } | { failure: unknown };

/**
 * The batch's visits in one statement; should it fail (a household deleted meanwhile, say), each
 * visit is written again alone, so that one visit's fault is its own request's error only.
 */
const writeTogether = batchedPer((db: Db) =>
  batched(async (writes: VisitWrite[]): Promise<Outcome<{ receivedAt: Date } | undefined>[]> => {
    try {
      return (await insertVisitsOnce(db, writes)).map((ok) => ({ ok }));
    } catch (error) {
      if (writes.length === 1) return [{ failure: error }];
      return Promise.all(
        writes.map((write) =>
          insertVisitsOnce(db, [write]).then(
            ([ok]) => ({ ok }),
            (failure: unknown) => ({ failure }),
          ),
        ),
      );
    }
  }),
);

async function writeBatched(db: Db, write: VisitWrite) {
  const outcome = await writeTogether(db, write);
  if ("failure" in outcome) throw outcome.failure;
  return outcome.ok;
}

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
