import type { Queryable } from "../../db/db.js";
import { DEMO_HOUSEHOLD_NUMBER } from "./demo-households.js";

/**
 * Households of a county whose number has the demo form, and whether each was created as demo data
 * (its first version carries `reason`): what a new demo run must not create again.
 */
export async function findDemoNumberedHouseholds(
  q: Queryable,
  countyCode: string,
  reason: string,
): Promise<{ householdNumber: string; isDemo: boolean }[]> {
  return q.query(
    `select h.household_number as "householdNumber",
       exists (select 1 from household_version v
               where v.household_id = h.id and v.version = 1 and v.reason = $3) as "isDemo"
     from household h where h.county_code = $1 and h.household_number ~ $2`,
    [countyCode, DEMO_HOUSEHOLD_NUMBER.source, reason],
  );
}

/** The county's enabled demo caseworkers and the village each works in. */
export async function findDemoCaseworkers(
  q: Queryable,
  countyCode: string,
): Promise<{ id: string; regionCode: string }[]> {
  return q.query(
    `select id, region_code as "regionCode" from app_user
     where county_code = $1 and is_demo and role = 'caseworker' and disabled_at is null
     order by username`,
    [countyCode],
  );
}

/** Opens caseworker assignments for any number of (household, caseworker) pairs in one statement. */
export async function insertCaseworkerAssignmentPairs(
  q: Queryable,
  countyCode: string,
  pairs: readonly { householdId: string; userId: string }[],
): Promise<void> {
  if (pairs.length === 0) return;
  await q.query(
    `insert into household_caseworker (county_code, household_id, user_id)
     select $1, household_id, user_id from unnest($2::uuid[], $3::uuid[]) as p(household_id, user_id)
     on conflict (household_id, user_id) where ended_at is null do nothing`,
    [countyCode, pairs.map((p) => p.householdId), pairs.map((p) => p.userId)],
  );
}
