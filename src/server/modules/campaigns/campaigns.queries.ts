import type { CampaignQuestion } from "../../../shared/api/campaigns.api.js";
import type { Queryable } from "../../db/db.js";

export interface CampaignRow {
  id: string;
  countyCode: string;
  regionCode: string;
  regionPrefix: string;
  regionName: string;
  name: string;
  householdStatuses: string[];
  questions: CampaignQuestion[];
  startsOn: string;
  deadline: string;
  createdBy: string;
  createdAt: Date;
}

const CAMPAIGN_COLUMNS = `c.id, c.county_code as "countyCode", c.region_code as "regionCode",
  c.region_prefix as "regionPrefix", r.name as "regionName", c.name, c.household_statuses as "householdStatuses",
  c.questions, c.starts_on as "startsOn", c.deadline, u.display_name as "createdBy", c.created_at as "createdAt"`;
const CAMPAIGN_JOINS = `screening_campaign c join region r on r.code = c.region_code join app_user u on u.id = c.created_by`;

/**
 * Creates a campaign and fixes its households (every household under the area's prefix with one
 * of the statuses, or all of them) in one statement each; returns the campaign's id.
 */
export async function insertCampaign(
  q: Queryable,
  campaign: {
    countyCode: string;
    regionCode: string;
    regionPrefix: string;
    name: string;
    householdStatuses: readonly string[];
    questions: readonly CampaignQuestion[];
    startsOn: string;
    deadline: string;
    createdBy: string;
  },
): Promise<{ id: string; households: number }> {
  const [row] = await q.query<{ id: string }>(
    `insert into screening_campaign (county_code, region_code, region_prefix, name, household_statuses, questions,
       starts_on, deadline, created_by)
     values ($1, $2, $3, $4, $5::text[], $6::jsonb, $7, $8, $9) returning id`,
    [
      campaign.countyCode,
      campaign.regionCode,
      campaign.regionPrefix,
      campaign.name,
      campaign.householdStatuses,
      JSON.stringify(campaign.questions),
      campaign.startsOn,
      campaign.deadline,
      campaign.createdBy,
    ],
  );
  const inserted = await q.query(
    `insert into campaign_household (campaign_id, household_id, county_code, region_code)
     select $1, h.id, h.county_code, h.region_code from household h
     where h.region_code like $2 || '%' and (cardinality($3::text[]) = 0 or h.status = any($3::text[]))
     returning household_id`,
    [row!.id, campaign.regionPrefix, campaign.householdStatuses],
  );
  return { id: row!.id, households: inserted.length };
}

/** One campaign. */
export async function findCampaign(q: Queryable, id: string): Promise<CampaignRow | undefined> {
  const rows = await q.query<CampaignRow>(
    `select ${CAMPAIGN_COLUMNS} from ${CAMPAIGN_JOINS} where c.id = $1`,
    [id],
  );
  return rows[0];
}

/** Whose share and where: the filter every campaign figure is computed under. */
export interface ShareFilter {
  campaignId: string;
  /** The actor's scope intersected with the region asked for. */
  regionPrefix: string;
  /** For caseworkers: only households assigned to them now. */
  assignedTo: string | undefined;
}

const SHARE = `ch.campaign_id = $1 and ch.region_code like $2 || '%'
  and ($3::uuid is null or exists (select 1 from household_caseworker hc
       where hc.household_id = ch.household_id and hc.user_id = $3 and hc.ended_at is null))`;
const shareParams = (filter: ShareFilter) => [
  filter.campaignId,
  filter.regionPrefix,
  filter.assignedTo ?? null,
];

/** Campaigns reaching into a scope (its area contains the scope or lies within it), newest first, with the share's counts. */
export async function findCampaigns(
  q: Queryable,
  filter: {
    scopeCode: string;
    scopePrefix: string;
    assignedTo: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: (CampaignRow & { households: number; done: number })[]; total: number }> {
  const where = `(c.region_code like $1 || '%' or $2 like c.region_prefix || '%')`;
  const rows = await q.query<CampaignRow & { households: number; done: number }>(
    `select ${CAMPAIGN_COLUMNS}, s.households, s.done
     from ${CAMPAIGN_JOINS}
     cross join lateral (
       select count(*)::int as households,
         count(*) filter (where exists (select 1 from visit v where v.campaign_id = c.id
                                        and v.household_id = ch.household_id))::int as done
       from campaign_household ch
       where ch.campaign_id = c.id and ch.region_code like $1 || '%'
         and ($3::uuid is null or exists (select 1 from household_caseworker hc
              where hc.household_id = ch.household_id and hc.user_id = $3 and hc.ended_at is null))
     ) s
     where ${where}
     order by c.created_at desc, c.id limit $4 offset $5`,
    [filter.scopePrefix, filter.scopeCode, filter.assignedTo ?? null, filter.limit, filter.offset],
  );
  const [count] = await q.query<{ total: number }>(
    `select count(*)::int as total from screening_campaign c where ${where}`,
    [filter.scopePrefix, filter.scopeCode],
  );
  return { rows, total: count?.total ?? 0 };
}

/** The share's household count and how many have a campaign visit. */
export async function countShare(
  q: Queryable,
  filter: ShareFilter,
): Promise<{ households: number; done: number }> {
  const [row] = await q.query<{ households: number; done: number }>(
    `select count(*)::int as households,
       count(*) filter (where exists (select 1 from visit v where v.campaign_id = ch.campaign_id
                                      and v.household_id = ch.household_id))::int as done
     from campaign_household ch where ${SHARE}`,
    shareParams(filter),
  );
  return row ?? { households: 0, done: 0 };
}

/** Whether a household belongs to a campaign. */
export async function isCampaignHousehold(
  q: Queryable,
  campaignId: string,
  householdId: string,
): Promise<boolean> {
  const rows = await q.query(
    "select 1 from campaign_household where campaign_id = $1 and household_id = $2",
    [campaignId, householdId],
  );
  return rows.length > 0;
}

interface CoverageCounts {
  households: number;
  done: number;
  due: number;
  overdue: number;
}

// Each household of the share once, done when any campaign visit reached it; not done is overdue
// once the deadline has passed ($4: today in China).
const SHARE_STATE = `with share as (
  select ch.household_id, ch.region_code,
    exists (select 1 from visit v where v.campaign_id = ch.campaign_id and v.household_id = ch.household_id) as is_done
  from campaign_household ch where ${SHARE}
), state as (
  select s.*, case when s.is_done then 'done' when $4::date > c.deadline then 'overdue' else 'due' end as state
  from share s cross join screening_campaign c where c.id = $1
)`;
const COUNTS = `count(*)::int as households, count(*) filter (where state = 'done')::int as done,
  count(*) filter (where state = 'due')::int as due, count(*) filter (where state = 'overdue')::int as overdue`;

/** Done / due / overdue per village and per current caseworker (null: none assigned), in three set-based statements. */
export async function findCoverage(q: Queryable, filter: ShareFilter, today: string) {
  const params = [...shareParams(filter), today];
  const [totals, byVillage, byCaseworker] = await Promise.all([
    q.query<CoverageCounts>(`${SHARE_STATE} select ${COUNTS} from state`, params),
    q.query<CoverageCounts & { regionCode: string; regionName: string }>(
      `${SHARE_STATE}
       select left(st.region_code, 12) as "regionCode", r.name as "regionName", ${COUNTS}
       from state st join region r on r.code = left(st.region_code, 12)
       group by left(st.region_code, 12), r.name order by left(st.region_code, 12)`,
      params,
    ),
    q.query<CoverageCounts & { caseworkerId: string | null; displayName: string }>(
      `${SHARE_STATE}
       select hc.user_id as "caseworkerId", coalesce(u.display_name, '') as "displayName", ${COUNTS}
       from state st
       left join household_caseworker hc on hc.household_id = st.household_id and hc.ended_at is null
         and ($3::uuid is null or hc.user_id = $3)
       left join app_user u on u.id = hc.user_id
       group by hc.user_id, u.display_name order by u.display_name nulls last, hc.user_id`,
      params,
    ),
  ]);
  return { totals: totals[0] ?? { households: 0, done: 0, due: 0, overdue: 0 }, byVillage, byCaseworker };
}

/** The share's households with their state, not done first (overdue, due, done), then by number. */
export async function findShareHouseholds(
  q: Queryable,
  filter: ShareFilter & { state: string | undefined; limit: number; offset: number },
  today: string,
) {
  const params = [...shareParams(filter), today, filter.state ?? null];
  const rows = await q.query<{
    householdId: string;
    householdNumber: string;
    headName: string;
    regionName: string;
    memberCount: number;
    status: "done" | "due" | "overdue";
    lastVisitedOn: string | null;
  }>(
    `${SHARE_STATE}
     select h.id as "householdId", h.household_number as "householdNumber", h.head_name as "headName",
       r.name as "regionName", h.member_count as "memberCount", st.state as status,
       (select max(v.visited_on) from visit v where v.campaign_id = $1 and v.household_id = h.id) as "lastVisitedOn"
     from state st join household h on h.id = st.household_id join region r on r.code = h.region_code
     where ($5::text is null or st.state = $5)
     order by case st.state when 'overdue' then 0 when 'due' then 1 else 2 end, h.household_number
     limit $6 offset $7`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await q.query<{ total: number }>(
    `${SHARE_STATE} select count(*)::int as total from state st where ($5::text is null or st.state = $5)`,
    params,
  );
  return { rows, total: count?.total ?? 0 };
}

/**
 * Isolation figures of the share: each household's latest campaign visit decides; people count
 * under their own status, households under their most severe member's (central, home, released).
 */
export async function findIsolationCounts(
  q: Queryable,
  filter: ShareFilter,
): Promise<{ status: string; households: number; people: number }[]> {
  return q.query(
    `with latest as (
       select distinct on (v.household_id) v.id, v.household_id
       from visit v join campaign_household ch on ch.campaign_id = v.campaign_id and ch.household_id = v.household_id
       where v.campaign_id = $1 and ${SHARE}
       order by v.household_id, v.visited_on desc, v.recorded_at desc, v.id
     ), people as (
       select l.household_id, s.status from latest l join visit_member_status s on s.visit_id = l.id
       where s.status <> 'none'
     ), households as (
       select household_id,
         case min(case status when 'central_quarantine' then 1 when 'home_isolation' then 2 else 3 end)
           when 1 then 'central_quarantine' when 2 then 'home_isolation' else 'released' end as status
       from people group by household_id
     )
     select k.status, (select count(*)::int from households h where h.status = k.status) as households,
       (select count(*)::int from people p where p.status = k.status) as people
     from (values ('home_isolation'), ('central_quarantine'), ('released')) as k(status)`,
    shareParams(filter),
  );
}

/** Difficulties found on the share's campaign visits, per kind, resolved and open, and the households with any. */
export async function findDifficultyCounts(q: Queryable, filter: ShareFilter) {
  const params = shareParams(filter);
  const problems = `visit_problem p join visit v on v.id = p.visit_id
    join campaign_household ch on ch.campaign_id = v.campaign_id and ch.household_id = v.household_id
    where v.campaign_id = $1 and ${SHARE}`;
  const [byKind, [households]] = await Promise.all([
    q.query<{ kind: string; total: number; resolved: number; open: number }>(
      `select p.kind, count(*)::int as total, count(*) filter (where p.status = 'resolved')::int as resolved,
         count(*) filter (where p.status = 'open')::int as open
       from ${problems} group by p.kind order by p.kind`,
      params,
    ),
    q.query<{ households: number }>(
      `select count(distinct p.household_id)::int as households from ${problems}`,
      params,
    ),
  ]);
  return { byKind, households: households?.households ?? 0 };
}
