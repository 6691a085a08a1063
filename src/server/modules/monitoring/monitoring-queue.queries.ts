import type { Queryable } from "../../db/db.js";

// The queue of households to evaluate again (migration 20261123-24): one row per writing
// statement, appended by triggers on the tables imports and visits write, emptied by the drain.

/**
 * Takes queued rows out of the queue, oldest first, until they name about `households` households
 * (at least one row), in the caller's transaction: the rows are gone for good only if that
 * transaction commits. Rows another drain has taken meanwhile are skipped. Returns the distinct
 * households the rows name.
 */
export async function takeQueuedHouseholds(q: Queryable, households: number): Promise<string[]> {
  const rows = await q.query<{ householdId: string }>(
    `with candidates as (
       select id, households from monitoring_evaluation_queue order by id limit $1 for update skip locked),
     chosen as (
       select id from (select id, households, sum(households) over (order by id) as upto from candidates) s
       where upto - households < $1),
     taken as (
       delete from monitoring_evaluation_queue q using chosen c where q.id = c.id returning q.household_ids)
     select distinct unnest(household_ids) as "householdId" from taken`,
    [households],
  );
  return rows.map((r) => r.householdId);
}

/** Whether any household waits in the queue. */
export async function hasQueuedHouseholds(q: Queryable): Promise<boolean> {
  const [row] = await q.query<{ isQueued: boolean }>(
    `select exists (select 1 from monitoring_evaluation_queue) as "isQueued"`,
  );
  return row!.isQueued;
}
