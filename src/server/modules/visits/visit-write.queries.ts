// What recording a visit reads and writes: the households the visits go to (one statement for the
// visits arriving together), the write of visits with their parts and audit entries (one
// statement), and the stored identity of a retried visit.
import { prepared, type Queryable } from "../../db/db.js";
import { type AppendedFields, auditEventParam, insertAuditEventsSql } from "../audit/audit.queries.js";

/** What a visit records, as written and as read back. */
export interface VisitContent {
  id: string;
  countyCode: string;
  regionCode: string;
  householdId: string;
  kind: string;
  visitedOn: string;
  metWith: string;
  indicators: { code: string; label: string; isMet: boolean; note: string }[];
  livingConditions: string;
  assistanceGiven: string;
  assistancePlanned: string;
  location: { latitude: number; longitude: number; accuracyM: number | null } | null;
  baseVersion: number | null;
  registryOutcome: "none" | "applied" | "pending";
  appliedVersion: number | null;
  campaignId: string | null;
  answers: { code: string; value: boolean | string }[];
}

/** A visit's own row as written. */
export interface VisitInsert extends VisitContent {
  recordedBy: string;
  payloadHash: string;
  recordedAt: string;
}

/** What a visit brings beside its own row. */
export interface VisitParts {
  problems: readonly { id: string; kind: string; note: string }[];
  memberStatuses: readonly {
    memberId: string;
    status: string;
    since: string | null;
    until: string | null;
  }[];
  photos: readonly { mediaType: string; content: Buffer }[];
}

/** One visit to write: its row, its parts, its audit entry. */
export interface VisitWrite {
  visit: VisitInsert;
  parts: VisitParts;
  audit: AppendedFields;
}

// Prepared: the visit endpoint writes with it many times a second.
const INSERT_VISITS = prepared(`with v as (
       insert into visit (id, county_code, region_code, household_id, recorded_by, kind, visited_on, met_with,
         indicators, living_conditions, assistance_given, assistance_planned, location, base_version,
         registry_outcome, applied_version, payload_hash, recorded_at, campaign_id, answers)
       select x.id, x.county_code, x.region_code, x.household_id, x.recorded_by, x.kind, x.visited_on, x.met_with,
         x.indicators, x.living_conditions, x.assistance_given, x.assistance_planned, x.location, x.base_version,
         x.registry_outcome, x.applied_version, x.payload_hash, x.recorded_at, x.campaign_id, x.answers
       from jsonb_to_recordset($1::jsonb) as x(id uuid, county_code text, region_code text, household_id uuid,
         recorded_by uuid, kind text, visited_on date, met_with text, indicators jsonb, living_conditions text,
         assistance_given text, assistance_planned text, location jsonb, base_version integer,
         registry_outcome text, applied_version integer, payload_hash text, recorded_at timestamptz,
         campaign_id uuid, answers jsonb)
       on conflict (id) do nothing
       returning id, county_code, region_code, household_id, received_at
     ), problem as (
       insert into visit_problem (id, visit_id, county_code, region_code, household_id, position, kind, note)
       select p.id, v.id, v.county_code, v.region_code, v.household_id, p.position, p.kind, p.note
       from v join jsonb_to_recordset($2::jsonb) as p(visit_id uuid, id uuid, position integer, kind text, note text)
         on p.visit_id = v.id
     ), status as (
       insert into visit_member_status (visit_id, member_id, county_code, household_id, status, since, until)
       select v.id, s."memberId", v.county_code, v.household_id, s.status, s.since, s.until
       from v join jsonb_to_recordset($3::jsonb)
         as s(visit_id uuid, "memberId" uuid, status text, since date, until date) on s.visit_id = v.id
     ), photo as (
       -- Hex text through jsonb: one statement that both engines take alike.
       insert into visit_photo (visit_id, county_code, position, media_type, content, byte_size)
       select v.id, v.county_code, f.position, f."mediaType", decode(f.hex, 'hex'), length(f.hex) / 2
       from v join jsonb_to_recordset($4::jsonb) as f(visit_id uuid, position integer, "mediaType" text, hex text)
         on f.visit_id = v.id
     ), audit as (
       ${insertAuditEventsSql(5, "v", "id")}
     )
     select id, received_at as "receivedAt" from v`);

/**
 * Inserts the visits with their problems, member statuses, photos and audit entries in ONE
 * statement (atomic without a transaction), each unless its id is taken (a retry, or a concurrent
 * copy of the same request, which waits on the key and then finds it; nothing of that visit is
 * written then, not even its audit entry). For each write, in order: when it was received if this
 * call wrote it (a second write of the same id in the same call is not written).
 */
export async function insertVisitsOnce(
  q: Queryable,
  all: readonly VisitWrite[],
): Promise<({ receivedAt: Date } | undefined)[]> {
  // A second write of an id in one call (a double tap landing in the same batch) is not sent.
  const seen = new Set<string>();
  const writes = all.filter(({ visit }) => !seen.has(visit.id) && seen.add(visit.id));
  const rows = await q.query<{ id: string; receivedAt: Date }>(INSERT_VISITS, [
    JSON.stringify(
      writes.map(({ visit }) => ({
        id: visit.id,
        county_code: visit.countyCode,
        region_code: visit.regionCode,
        household_id: visit.householdId,
        recorded_by: visit.recordedBy,
        kind: visit.kind,
        visited_on: visit.visitedOn,
        met_with: visit.metWith,
        indicators: visit.indicators,
        living_conditions: visit.livingConditions,
        assistance_given: visit.assistanceGiven,
        assistance_planned: visit.assistancePlanned,
        location: visit.location,
        base_version: visit.baseVersion,
        registry_outcome: visit.registryOutcome,
        applied_version: visit.appliedVersion,
        payload_hash: visit.payloadHash,
        recorded_at: visit.recordedAt,
        campaign_id: visit.campaignId,
        answers: visit.answers,
      })),
    ),
    JSON.stringify(
      writes.flatMap(({ visit, parts }) =>
        parts.problems.map((problem, position) => ({ ...problem, visit_id: visit.id, position })),
      ),
    ),
    JSON.stringify(
      writes.flatMap(({ visit, parts }) =>
        parts.memberStatuses.map((status) => ({ ...status, visit_id: visit.id })),
      ),
    ),
    JSON.stringify(
      writes.flatMap(({ visit, parts }) =>
        parts.photos.map((photo, position) => ({
          visit_id: visit.id,
          position,
          mediaType: photo.mediaType,
          hex: photo.content.toString("hex"),
        })),
      ),
    ),
    `[${writes.map((w) => auditEventParam(w.audit)).join(",")}]`,
  ]);
  const receivedAt = new Map(rows.map((row) => [row.id, row.receivedAt]));
  return all.map(({ visit }) => {
    const at = receivedAt.get(visit.id);
    // Only the first write of an id in this call is the one that wrote it.
    if (at !== undefined) receivedAt.delete(visit.id);
    return at === undefined ? undefined : { receivedAt: at };
  });
}

/** Who recorded a visit and what it carried: enough to tell a retry from a reused id. */
export async function findVisitIdentity(
  q: Queryable,
  id: string,
): Promise<{ recordedBy: string; householdId: string; payloadHash: string } | undefined> {
  const rows = await q.query<{ recordedBy: string; householdId: string; payloadHash: string }>(
    `select recorded_by as "recordedBy", household_id as "householdId", payload_hash as "payloadHash"
     from visit where id = $1`,
    [id],
  );
  return rows[0];
}

/** A visit's household as recording needs it, read in one statement: scope, current version, and a stored visit with the id. */
export interface VisitTarget {
  id: string;
  householdNumber: string;
  headName: string;
  countyCode: string;
  regionCode: string;
  version: number;
  caseworkerIds: string[];
  /** The members of the latest version, in its order. */
  members: { id: string; name: string }[];
  /** The latest version's whole snapshot, when asked for (a visit proposing registry changes). */
  snapshot: unknown;
  stored: { recordedBy: string; householdId: string; payloadHash: string } | null;
  /** The county's own checklist; null when it uses the default one. */
  indicatorSet: { code: string; zh: string; en: string }[] | null;
}

export interface VisitTargetLookup {
  householdId: string;
  visitId: string;
  withSnapshot: boolean;
}

// Prepared: every visit reads its household with it.
const FIND_VISIT_TARGETS =
  prepared(`select l.position, h.id, h.household_number as "householdNumber", h.head_name as "headName",
       h.county_code as "countyCode", h.region_code as "regionCode", h.version,
       coalesce(array(select c.user_id::text from household_caseworker c
                      where c.household_id = h.id and c.ended_at is null), '{}') as "caseworkerIds",
       coalesce((select jsonb_agg(jsonb_build_object('id', m.value->'id', 'name', m.value->'name') order by m.n)
                 from jsonb_array_elements(hv.snapshot->'household'->'members') with ordinality as m(value, n)),
                '[]') as members,
       case when l.with_snapshot then hv.snapshot end as snapshot,
       (select json_build_object('recordedBy', v.recorded_by, 'householdId', v.household_id,
                                 'payloadHash', v.payload_hash)
        from visit v where v.id = l.visit_id) as stored,
       (select s.indicators from visit_indicator_set s where s.county_code = h.county_code) as "indicatorSet"
     from unnest($1::uuid[], $2::uuid[], $3::boolean[]) with ordinality as l(household_id, visit_id, with_snapshot, position)
     join household h on h.id = l.household_id
     join household_version hv on hv.household_id = h.id and hv.version = h.version`);

/**
 * For each lookup (in order), the household a visit goes to with its latest members (and snapshot
 * when asked), its county's checklist, and any visit already stored under the visit's id;
 * undefined for an unknown household. One statement for many visits (see `recordVisit`).
 */
export async function findVisitTargets(
  q: Queryable,
  lookups: readonly VisitTargetLookup[],
): Promise<(VisitTarget | undefined)[]> {
  const rows = await q.query<VisitTarget & { position: number }>(FIND_VISIT_TARGETS, [
    lookups.map((l) => l.householdId),
    lookups.map((l) => l.visitId),
    lookups.map((l) => l.withSnapshot),
  ]);
  const found: (VisitTarget | undefined)[] = lookups.map(() => undefined);
  for (const { position, ...target } of rows) found[position - 1] = target;
  return found;
}
