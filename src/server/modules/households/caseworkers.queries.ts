import type { Queryable } from "../../db/db.js";

/** The household's current caseworkers. */
export async function findCurrentCaseworkers(
  q: Queryable,
  householdId: string,
): Promise<{ id: string; displayName: string; assignedAt: Date }[]> {
  return q.query(
    `select u.id, u.display_name as "displayName", c.assigned_at as "assignedAt"
     from household_caseworker c join app_user u on u.id = c.user_id
     where c.household_id = $1 and c.ended_at is null order by c.assigned_at, u.display_name`,
    [householdId],
  );
}

/** Every assignment the household has had, newest first. */
export async function findCaseworkerHistory(
  q: Queryable,
  householdId: string,
): Promise<{ id: string; displayName: string; assignedAt: Date; endedAt: Date | null }[]> {
  return q.query(
    `select u.id, u.display_name as "displayName", c.assigned_at as "assignedAt", c.ended_at as "endedAt"
     from household_caseworker c join app_user u on u.id = c.user_id
     where c.household_id = $1 order by c.assigned_at desc, c.ended_at desc nulls first`,
    [householdId],
  );
}

/** Which of `userIds` are caseworker accounts within a scope prefix (enabled ones only, unless allowed). */
export async function findEligibleCaseworkers(
  q: Queryable,
  userIds: readonly string[],
  scopePrefix: string,
  options: { isDisabledAllowed?: boolean } = {},
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await q.query<{ id: string }>(
    `select id from app_user where id = any($1::uuid[]) and role = 'caseworker'
       and ($3 or disabled_at is null) and region_code like $2 || '%'`,
    [userIds, scopePrefix, options.isDisabledAllowed ?? false],
  );
  return rows.map((r) => r.id);
}

/** Ends the open assignments of these users to the household. */
export async function endCaseworkerAssignments(
  q: Queryable,
  householdId: string,
  userIds: readonly string[],
  endedBy: string,
) {
  if (userIds.length === 0) return;
  await q.query(
    `update household_caseworker set ended_at = now(), ended_by = $3
     where household_id = $1 and user_id = any($2::uuid[]) and ended_at is null`,
    [householdId, userIds, endedBy],
  );
}

/** Opens assignments of these users to the household (one statement). */
export async function insertCaseworkerAssignments(
  q: Queryable,
  assignment: {
    householdId: string;
    countyCode: string;
    userIds: readonly string[];
    assignedBy: string | null;
  },
) {
  if (assignment.userIds.length === 0) return;
  await q.query(
    `insert into household_caseworker (county_code, household_id, user_id, assigned_by)
     select $1, $2, user_id, $4 from unnest($3::uuid[]) as u(user_id)`,
    [assignment.countyCode, assignment.householdId, assignment.userIds, assignment.assignedBy],
  );
}

/**
 * Ends every open assignment of `fromUserId` to households under `scopePrefix` and opens one for
 * `toUserId` where they had none (one statement); returns how many households changed hands.
 */
export async function transferCaseworkerAssignments(
  q: Queryable,
  transfer: { fromUserId: string; toUserId: string; scopePrefix: string; actorId: string },
): Promise<number> {
  const rows = await q.query<{ handedOver: number }>(
    `with ended as (
       update household_caseworker c set ended_at = now(), ended_by = $4
       from household h
       where h.id = c.household_id and c.user_id = $1 and c.ended_at is null and h.region_code like $3 || '%'
       returning c.household_id, c.county_code
     ), opened as (
       insert into household_caseworker (county_code, household_id, user_id, assigned_by)
       select e.county_code, e.household_id, $2, $4 from ended e
       where not exists (select 1 from household_caseworker x
                         where x.household_id = e.household_id and x.user_id = $2 and x.ended_at is null)
       returning household_id
     )
     select (select count(*) from ended)::int as "handedOver"`,
    [transfer.fromUserId, transfer.toUserId, transfer.scopePrefix, transfer.actorId],
  );
  return rows[0]?.handedOver ?? 0;
}

/** Enabled caseworkers under a scope prefix matching `text` (LIKE-escaped) or `ids`, with their household counts. */
export async function findCaseworkersInScope(
  q: Queryable,
  filter: { scopePrefix: string; text: string; ids: readonly string[] | undefined; limit: number },
): Promise<
  { id: string; username: string; displayName: string; regionName: string; householdCount: number }[]
> {
  return q.query(
    `select u.id, u.username, u.display_name as "displayName", r.name as "regionName",
       (select count(*)::int from household_caseworker c where c.user_id = u.id and c.ended_at is null)
         as "householdCount"
     from app_user u join region r on r.code = u.region_code
     where u.role = 'caseworker' and u.disabled_at is null and u.region_code like $1 || '%'
       and ($3::uuid[] is null or u.id = any($3::uuid[]))
       and ($2 = '' or u.display_name like '%' || $2 || '%' or u.username like '%' || $2 || '%')
     order by u.display_name, u.username limit $4`,
    [filter.scopePrefix, filter.text, filter.ids ?? null, filter.limit],
  );
}
