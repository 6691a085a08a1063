import { prepared, type Queryable } from "../../db/db.js";
import { type AppendedFields, auditEventParam, insertAuditEventsSql } from "../audit/audit.queries.js";

/** A visit's own row as written. */
export interface VisitInsert {
  id: string;
  countyCode: string;
  regionCode: string;
  householdId: string;
  recordedBy: string;
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
  payloadHash: string;
  recordedAt: string;
  campaignId: string | null;
  answers: { code: string; value: boolean | string }[];
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

export interface VisitRow {
  id: string;
  householdId: string;
  householdNumber: string;
  headName: string;
  regionCode: string;
  countyCode: string;
  recordedById: string;
  recordedByName: string;
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
  pendingChangeId: string | null;
  recordedAt: Date;
  receivedAt: Date;
  campaignId: string | null;
  answers: { code: string; value: boolean | string }[];
  caseworkerIds: string[];
  problems: { id: string; kind: string; note: string; status: "open" | "resolved" }[];
  memberStatuses: {
    memberId: string;
    memberName: string;
    status: string;
    since: string | null;
    until: string | null;
  }[];
  photos: { position: number; mediaType: string; byteSize: number }[];
}

/** One visit with its household's number and head, the household's current caseworkers (for scope), and its parts. */
export async function findVisit(q: Queryable, id: string): Promise<VisitRow | undefined> {
  const rows = await q.query<VisitRow>(
    `select v.id, v.household_id as "householdId", h.household_number as "householdNumber",
       h.head_name as "headName", v.region_code as "regionCode", v.county_code as "countyCode",
       v.recorded_by as "recordedById", u.display_name as "recordedByName", v.kind,
       v.visited_on as "visitedOn", v.met_with as "metWith", v.indicators,
       v.living_conditions as "livingConditions", v.assistance_given as "assistanceGiven",
       v.assistance_planned as "assistancePlanned", v.location, v.base_version as "baseVersion",
       v.registry_outcome as "registryOutcome", v.applied_version as "appliedVersion",
       (select p.id from household_pending_change p where p.visit_id = v.id) as "pendingChangeId",
       v.recorded_at as "recordedAt", v.received_at as "receivedAt", v.campaign_id as "campaignId", v.answers,
       coalesce(array(select c.user_id::text from household_caseworker c
                      where c.household_id = v.household_id and c.ended_at is null), '{}') as "caseworkerIds",
       coalesce((select json_agg(json_build_object('id', p.id, 'kind', p.kind, 'note', p.note, 'status', p.status)
                                 order by p.position)
                 from visit_problem p where p.visit_id = v.id), '[]'::json) as problems,
       coalesce((select json_agg(json_build_object('memberId', s.member_id, 'memberName', m.name, 'status', s.status,
                                                   'since', s.since, 'until', s.until) order by m.position, m.name)
                 from visit_member_status s join member m on m.id = s.member_id where s.visit_id = v.id),
                '[]'::json) as "memberStatuses",
       coalesce((select json_agg(json_build_object('position', f.position, 'mediaType', f.media_type,
                                                   'byteSize', f.byte_size) order by f.position)
                 from visit_photo f where f.visit_id = v.id), '[]'::json) as photos
     from visit v join household h on h.id = v.household_id join app_user u on u.id = v.recorded_by
     where v.id = $1`,
    [id],
  );
  return rows[0];
}

/** One photo's bytes. */
export async function findVisitPhoto(
  q: Queryable,
  visitId: string,
  position: number,
): Promise<{ mediaType: string; content: Uint8Array } | undefined> {
  const rows = await q.query<{ mediaType: string; content: Uint8Array }>(
    `select media_type as "mediaType", content from visit_photo where visit_id = $1 and position = $2`,
    [visitId, position],
  );
  return rows[0];
}

export interface VisitFilter {
  scopePrefix: string;
  /** For caseworkers: only visits to households assigned to them now. */
  assignedTo: string | undefined;
  householdId: string | undefined;
  regionPrefix: string | undefined;
  limit: number;
  offset: number;
}

const VISIT_WHERE = `v.region_code like $1 || '%'
  and ($2::uuid is null or exists (select 1 from household_caseworker c
       where c.household_id = v.household_id and c.user_id = $2 and c.ended_at is null))
  and ($3::uuid is null or v.household_id = $3)
  and ($4::text is null or v.region_code like $4 || '%')`;

/** Visits matching the filter, newest first, with the total. */
export async function findVisits(q: Queryable, filter: VisitFilter) {
  const params = [
    filter.scopePrefix,
    filter.assignedTo ?? null,
    filter.householdId ?? null,
    filter.regionPrefix ?? null,
  ];
  const rows = await q.query<{
    id: string;
    householdId: string;
    householdNumber: string;
    headName: string;
    regionName: string;
    kind: string;
    visitedOn: string;
    recordedBy: string;
    problemCount: number;
    registryOutcome: "none" | "applied" | "pending";
  }>(
    `select v.id, v.household_id as "householdId", h.household_number as "householdNumber",
       h.head_name as "headName", r.name as "regionName", v.kind, v.visited_on as "visitedOn",
       u.display_name as "recordedBy",
       (select count(*)::int from visit_problem p where p.visit_id = v.id) as "problemCount",
       v.registry_outcome as "registryOutcome"
     from visit v join household h on h.id = v.household_id join region r on r.code = v.region_code
       join app_user u on u.id = v.recorded_by
     where ${VISIT_WHERE}
     order by v.visited_on desc, v.recorded_at desc, v.id
     limit $5 offset $6`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await q.query<{ total: number }>(
    `select count(*)::int as total from visit v where ${VISIT_WHERE}`,
    params,
  );
  return { rows, total: count?.total ?? 0 };
}

/** A county's own indicator checklist, if it set one. */
export async function findIndicatorSet(
  q: Queryable,
  countyCode: string,
): Promise<{ indicators: { code: string; zh: string; en: string }[]; version: number } | undefined> {
  const rows = await q.query<{ indicators: { code: string; zh: string; en: string }[]; version: number }>(
    "select indicators, version from visit_indicator_set where county_code = $1",
    [countyCode],
  );
  return rows[0];
}

/**
 * Replaces a county's checklist if it is still at `version` (0: none set yet); false when someone
 * else saved it first.
 */
export async function saveIndicatorSet(
  q: Queryable,
  set: { countyCode: string; indicators: unknown; version: number; updatedBy: string },
): Promise<boolean> {
  const rows =
    set.version === 0
      ? await q.query(
          `insert into visit_indicator_set (county_code, indicators, updated_by) values ($1, $2::jsonb, $3)
           on conflict (county_code) do nothing returning county_code`,
          [set.countyCode, JSON.stringify(set.indicators), set.updatedBy],
        )
      : await q.query(
          `update visit_indicator_set set indicators = $2::jsonb, updated_by = $3, updated_at = now(),
             version = version + 1
           where county_code = $1 and version = $4 returning county_code`,
          [set.countyCode, JSON.stringify(set.indicators), set.updatedBy, set.version],
        );
  return rows.length === 1;
}

export interface PhoneHouseholdRow {
  id: string;
  countyCode: string;
  householdNumber: string;
  headName: string;
  regionCode: string;
  regionName: string;
  status: string;
  version: number;
  snapshot: unknown;
  lastVisitedOn: string | null;
  due: { campaignId: string; name: string; deadline: string }[];
}

/**
 * The households a phone keeps (a caseworker's assigned ones, or all in scope), those with a
 * campaign still waiting first, with their latest snapshot, last visit and waiting campaigns;
 * one more than `limit` tells the caller the list was cut.
 */
export async function findPhoneHouseholds(
  q: Queryable,
  filter: { scopePrefix: string; assignedTo: string | undefined; limit: number },
): Promise<PhoneHouseholdRow[]> {
  return q.query<PhoneHouseholdRow>(
    `with mine as (
       select h.id, h.county_code, h.household_number, h.head_name, h.region_code, h.status, h.version,
         coalesce((select json_agg(json_build_object('campaignId', c.id, 'name', c.name, 'deadline', c.deadline)
                                   order by c.deadline, c.id)
                   from campaign_household ch join screening_campaign c on c.id = ch.campaign_id
                   where ch.household_id = h.id
                     and not exists (select 1 from visit v where v.campaign_id = c.id and v.household_id = h.id)),
                  '[]'::json) as due
       from household h
       where h.region_code like $1 || '%'
         and ($2::uuid is null or exists (select 1 from household_caseworker c
              where c.household_id = h.id and c.user_id = $2 and c.ended_at is null))
       order by (exists (select 1 from campaign_household ch where ch.household_id = h.id
                         and not exists (select 1 from visit v where v.campaign_id = ch.campaign_id
                                         and v.household_id = h.id))) desc, h.household_number
       limit $3
     )
     select m.id, m.county_code as "countyCode", m.household_number as "householdNumber", m.head_name as "headName",
       m.region_code as "regionCode", r.name as "regionName", m.status, m.version, hv.snapshot,
       (select max(v.visited_on) from visit v where v.household_id = m.id) as "lastVisitedOn", m.due
     from mine m join region r on r.code = m.region_code
       join household_version hv on hv.household_id = m.id and hv.version = m.version
     order by jsonb_array_length(m.due::jsonb) = 0, m.household_number`,
    [filter.scopePrefix, filter.assignedTo ?? null, filter.limit],
  );
}

/** The 50 latest campaigns begun by `today` that reach into a scope, with their questions. */
export async function findOpenCampaigns(q: Queryable, scopeCode: string, scopePrefix: string, today: string) {
  return q.query<{ id: string; name: string; startsOn: string; deadline: string; questions: unknown }>(
    `select id, name, starts_on as "startsOn", deadline, questions from screening_campaign
     where (region_code like $1 || '%' or $2 like region_prefix || '%') and starts_on <= $3::date
     order by deadline desc, id limit 50`,
    [scopePrefix, scopeCode, today],
  );
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
