import type { HouseholdChanges } from "../../../shared/visit-changes.js";
import { applyHouseholdChanges } from "../../../shared/visit-changes.js";
import type { Queryable } from "../../db/db.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { recordAudit } from "../audit/audit.service.js";
import type { HouseholdSnapshot } from "../households/household-present.js";
import { type PreparedHousehold, prepareHousehold, writeHouseholds } from "../households/household-save.js";

// A visit's registry changes go through the household registry's own save: the same checks
// (prepareHousehold) and the same version-checked, set-based write (writeHouseholds), so that they
// become ordinary household versions on the timeline.

/** A stored household version, as the registry's queries return it. */
export interface StoredVersion {
  version: number;
  snapshot: unknown;
}

/**
 * The household as `changes` would leave `stored`, checked by the registry's rules, ready to write
 * as the next version. Throws VALIDATION_FAILED (paths under `pathPrefix`) when the result fails a
 * hard check or names a member the household does not have.
 */
export function prepareChangedHousehold(
  stored: StoredVersion,
  changes: HouseholdChanges,
  reason: string,
  today: Date,
  pathPrefix = "body.changes",
): PreparedHousehold {
  const previous = stored.snapshot as HouseholdSnapshot;
  const draft = applyHouseholdChanges(previous.household, changes);
  if ("unknownMemberIndex" in draft) {
    throw new AppError("VALIDATION_FAILED", [
      { path: `${pathPrefix}.members.${draft.unknownMemberIndex}.id`, message: "该成员不属于本户" },
    ]);
  }
  try {
    const { household, warnings } = prepareHousehold(draft, previous, today);
    return {
      snapshot: { id: previous.id, countyCode: previous.countyCode, household },
      warnings,
      version: stored.version + 1,
      reason,
    };
  } catch (error) {
    if (error instanceof AppError && error.details) {
      throw new AppError(
        error.code,
        error.details.map((detail) => ({
          ...detail,
          path: detail.path.replace(/^body\.household/, pathPrefix),
        })),
      );
    }
    throw error;
  }
}

/**
 * Writes the prepared household inside the caller's transaction, with its audit entry. Throws
 * STALE_VERSION when the household was saved by someone else since it was read.
 */
export async function writeChangedHousehold(
  tx: Queryable,
  ctx: ServiceContext,
  prepared: PreparedHousehold,
  source: Record<string, unknown>,
  today: Date,
): Promise<void> {
  await writeHouseholds(tx, ctx.actor, [prepared], today);
  await recordAudit(tx, ctx.actor, ctx.origin, {
    action: "household.update",
    entityType: "household",
    entityId: prepared.snapshot.id,
    regionCode: prepared.snapshot.household.regionCode,
    before: { version: prepared.version - 1 },
    after: { version: prepared.version, reason: prepared.reason, ...source },
  });
}
