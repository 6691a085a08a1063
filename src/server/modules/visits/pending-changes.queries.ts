import type { HouseholdChanges } from "../../../shared/visit-changes.js";
import type { Queryable } from "../../db/db.js";

/** Keeps a visit's registry changes that met a newer household version, for the cadre to resolve. */
export async function insertPendingChange(
  q: Queryable,
  change: {
    countyCode: string;
    regionCode: string;
    householdId: string;
    visitId: string;
    baseVersion: number;
    currentVersion: number;
    changes: HouseholdChanges;
  },
): Promise<void> {
  await q.query(
    `insert into household_pending_change (county_code, region_code, household_id, visit_id, base_version,
       current_version, changes)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [
      change.countyCode,
      change.regionCode,
      change.householdId,
      change.visitId,
      change.baseVersion,
      change.currentVersion,
      JSON.stringify(change.changes),
    ],
  );
}

const ROW_COLUMNS = `p.id, p.household_id as "householdId", h.household_number as "householdNumber",
  h.head_name as "headName", r.name as "regionName", p.visit_id as "visitId", u.display_name as "recordedBy",
  v.visited_on as "visitedOn", p.base_version as "baseVersion", p.current_version as "currentVersion",
  p.status, p.created_at as "createdAt"`;
const ROW_JOINS = `household_pending_change p join household h on h.id = p.household_id
  join region r on r.code = p.region_code join visit v on v.id = p.visit_id
  join app_user u on u.id = v.recorded_by`;

export interface PendingChangeRow {
  id: string;
  householdId: string;
  householdNumber: string;
  headName: string;
  regionName: string;
  visitId: string;
  recordedBy: string;
  visitedOn: string;
  baseVersion: number;
  currentVersion: number;
  status: "open" | "applied" | "rejected";
  createdAt: Date;
}

const LIST_WHERE = `p.region_code like $1 || '%' and p.status = $3
  and ($2::uuid is null or exists (select 1 from household_caseworker c
       where c.household_id = p.household_id and c.user_id = $2 and c.ended_at is null))`;

/** Pending changes in scope with a status, oldest first (the queue a cadre works through), with the total. */
export async function findPendingChanges(
  q: Queryable,
  filter: {
    scopePrefix: string;
    assignedTo: string | undefined;
    status: string;
    limit: number;
    offset: number;
  },
): Promise<{ rows: PendingChangeRow[]; total: number }> {
  const params = [filter.scopePrefix, filter.assignedTo ?? null, filter.status];
  const rows = await q.query<PendingChangeRow>(
    `select ${ROW_COLUMNS} from ${ROW_JOINS} where ${LIST_WHERE}
     order by p.created_at, p.id limit $4 offset $5`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await q.query<{ total: number }>(
    `select count(*)::int as total from household_pending_change p where ${LIST_WHERE}`,
    params,
  );
  return { rows, total: count?.total ?? 0 };
}

export interface PendingChangeDetailRow extends PendingChangeRow {
  countyCode: string;
  regionCode: string;
  changes: HouseholdChanges;
  householdVersion: number;
  appliedVersion: number | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  resolutionNote: string | null;
  caseworkerIds: string[];
}

/** One pending change with what authorisation and the comparison need. */
export async function findPendingChange(
  q: Queryable,
  id: string,
): Promise<PendingChangeDetailRow | undefined> {
  const rows = await q.query<PendingChangeDetailRow>(
    `select ${ROW_COLUMNS}, p.county_code as "countyCode", p.region_code as "regionCode", p.changes,
       h.version as "householdVersion", p.applied_version as "appliedVersion",
       (select x.display_name from app_user x where x.id = p.resolved_by) as "resolvedBy",
       p.resolved_at as "resolvedAt", p.resolution_note as "resolutionNote",
       coalesce(array(select c.user_id::text from household_caseworker c
                      where c.household_id = p.household_id and c.ended_at is null), '{}') as "caseworkerIds"
     from ${ROW_JOINS} where p.id = $1`,
    [id],
  );
  return rows[0];
}

/** Closes an open pending change; false when it was resolved by someone else first. */
export async function closePendingChange(
  q: Queryable,
  close: {
    id: string;
    status: "applied" | "rejected";
    appliedVersion: number | null;
    resolvedBy: string;
    note: string;
  },
): Promise<boolean> {
  const rows = await q.query(
    `update household_pending_change set status = $2, applied_version = $3, resolved_by = $4,
       resolved_at = now(), resolution_note = $5
     where id = $1 and status = 'open' returning id`,
    [close.id, close.status, close.appliedVersion, close.resolvedBy, close.note],
  );
  return rows.length === 1;
}
