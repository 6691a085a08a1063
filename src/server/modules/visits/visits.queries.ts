import type { Queryable } from "../../db/db.js";
import type { VisitContent } from "./visit-write.queries.js";

/** A stored visit as read back, with who recorded it and its household's number and head. */
export interface VisitRow extends VisitContent {
  householdNumber: string;
  headName: string;
  recordedById: string;
  recordedByName: string;
  pendingChangeId: string | null;
  recordedAt: Date;
  receivedAt: Date;
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
