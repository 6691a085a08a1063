// Writing a checked visit: alone in a transaction when it changes the registry, otherwise together
// with the visits that arrive in the same turn of the event loop, in one statement.
import type { z } from "zod";
import type { visitDraftSchema } from "../../../shared/api/visits.api.js";
import { batched, batchedPer } from "../../db/batch.js";
import type { Db } from "../../db/db.js";
import type { ServiceContext } from "../../http/route.js";
import { auditEntryOf } from "../audit/audit.service.js";
import type { PreparedHousehold } from "../households/household-save.js";
import { insertPendingChange } from "./pending-changes.queries.js";
import { writeChangedHousehold } from "./visit-registry.js";
import { insertVisitsOnce, type VisitInsert, type VisitWrite } from "./visit-write.queries.js";

/** A visit as the contract parsed it. */
export type ParsedVisit = z.output<typeof visitDraftSchema>;

/** What becomes of a visit's registry changes. */
export type RegistryPlan =
  | { outcome: "none" }
  | { outcome: "applied"; prepared: PreparedHousehold }
  | { outcome: "pending"; currentVersion: number };

/** A visit that passed every check, with what its write needs. */
export interface CheckedVisit {
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
export function writeVisit(ctx: ServiceContext, checked: CheckedVisit, registry: RegistryPlan, now: Date) {
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
