import type { Queryable } from "../../db/db.js";

// Field work and monitoring figures of a region, counted live from the records (visits, screening
// campaigns, difficulties, monitoring cases are far fewer rows than households). Every statement
// groups by the first `keyLength` digits of the region code, like the registry's sums, so one
// request yields the region's figures and each child's, and the children add up to the region.

export interface ActivityScope {
  /** Region code prefix of the region asked for. */
  prefix: string;
  /** Digits that name a group: the children's prefix length (or the region's own). */
  keyLength: number;
  /** The county's code when the region lies within one county (names the partition), else null. */
  countyCode: string | null;
  /** Today in China, YYYY-MM-DD. */
  today: string;
}

// $1 prefix, $2 key length, $3 county (or null), $4 today: each statement sends what it uses.
const params = (s: ActivityScope) => [s.prefix, s.keyLength, s.countyCode, s.today];
const paramsWithoutDay = (s: ActivityScope) => [s.prefix, s.keyLength, s.countyCode];
const IN_COUNTY = (alias: string) => `($3::text is null or ${alias}.county_code = $3)`;

export interface VisitRow {
  key: string;
  visits: number;
  visitedHouseholds: number;
}

/** Visits of the calendar year of `today` and the distinct households they reached. */
export function findVisitCounts(q: Queryable, scope: ActivityScope): Promise<VisitRow[]> {
  return q.query<VisitRow>(
    `select left(v.region_code, $2) as key, count(*)::int as visits,
       count(distinct v.household_id)::int as "visitedHouseholds"
     from visit v
     where v.region_code like $1 || '%' and ${IN_COUNTY("v")}
       and v.visited_on between date_trunc('year', $4::date)::date and $4::date
     group by 1`,
    params(scope),
  );
}

export interface CampaignRef {
  id: string;
  name: string;
  deadline: string;
}

/** The newest screening campaign whose area contains the region or lies within it. */
export async function findLatestCampaign(
  q: Queryable,
  scope: ActivityScope,
): Promise<CampaignRef | undefined> {
  const rows = await q.query<CampaignRef>(
    `select c.id, c.name, c.deadline from screening_campaign c
     where (c.region_code like $1 || '%' or $1 like c.region_prefix || '%')
       and ($2::text is null or c.county_code = $2)
     order by c.starts_on desc, c.created_at desc, c.id limit 1`,
    [scope.prefix, scope.countyCode],
  );
  return rows[0];
}

export interface ScreeningRow {
  key: string;
  households: number;
  done: number;
  due: number;
  overdue: number;
}

/** A campaign's households in the region: done (a campaign visit reached them), due, overdue (past the deadline). */
export function findScreeningCounts(
  q: Queryable,
  scope: ActivityScope,
  campaignId: string,
): Promise<ScreeningRow[]> {
  return q.query<ScreeningRow>(
    `with share as (
       select left(ch.region_code, $2) as key,
         exists (select 1 from visit v where v.campaign_id = ch.campaign_id and v.household_id = ch.household_id) as is_done
       from campaign_household ch
       where ch.campaign_id = $5 and ch.region_code like $1 || '%' and ${IN_COUNTY("ch")}
     )
     select s.key, count(*)::int as households, count(*) filter (where s.is_done)::int as done,
       count(*) filter (where not s.is_done and $4::date <= c.deadline)::int as due,
       count(*) filter (where not s.is_done and $4::date > c.deadline)::int as overdue
     from share s cross join screening_campaign c where c.id = $5
     group by s.key`,
    [...params(scope), campaignId],
  );
}

export interface IsolationRow {
  key: string;
  status: "home_isolation" | "central_quarantine" | "released";
  households: number;
  people: number;
}

/**
 * Isolation by each member's latest recorded status (any visit): people under their own status,
 * households under their most severe member's. Members whose latest status is 'none' don't count.
 */
export function findIsolationCounts(q: Queryable, scope: ActivityScope): Promise<IsolationRow[]> {
  return q.query<IsolationRow>(
    `with latest as (
       select distinct on (s.member_id) s.member_id, s.household_id, v.region_code, s.status
       from visit_member_status s join visit v on v.id = s.visit_id
       where v.region_code like $1 || '%' and ${IN_COUNTY("v")} and v.visited_on <= $4::date
       order by s.member_id, v.visited_on desc, v.recorded_at desc, v.id desc
     ), people as (
       select * from latest where status <> 'none'
     ), households as (
       select household_id, max(region_code) as region_code,
         case min(case status when 'central_quarantine' then 1 when 'home_isolation' then 2 else 3 end)
           when 1 then 'central_quarantine' when 2 then 'home_isolation' else 'released' end as status
       from people group by household_id
     )
     select key, status, sum(households)::int as households, sum(people)::int as people from (
       select left(region_code, $2) as key, status, 0 as households, count(*) as people from people group by 1, 2
       union all
       select left(region_code, $2), status, count(*), 0 from households group by 1, 2
     ) counts
     group by key, status`,
    params(scope),
  );
}

export interface DifficultyRow {
  key: string;
  /** null: the key's totals over every kind. */
  kind: string | null;
  open: number;
  resolved: number;
  households: number;
}

/** Difficulties (problems found on visits) by kind, open and resolved, with the households having any. */
export function findDifficultyCounts(q: Queryable, scope: ActivityScope): Promise<DifficultyRow[]> {
  return q.query<DifficultyRow>(
    `select left(p.region_code, $2) as key, p.kind,
       count(*) filter (where p.status = 'open')::int as open,
       count(*) filter (where p.status = 'resolved')::int as resolved,
       count(distinct p.household_id)::int as households
     from visit_problem p
     where p.region_code like $1 || '%' and ${IN_COUNTY("p")}
     group by grouping sets ((left(p.region_code, $2), p.kind), (left(p.region_code, $2)))`,
    paramsWithoutDay(scope),
  );
}

export interface CaseRow {
  key: string;
  stage: string;
  monitoringType: string | null;
  cases: number;
  people: number;
  overdue: number;
}

/** Stages of an identified 监测对象 whose risk is not yet eliminated. */
const IDENTIFIED_STAGES = `('monitored', 'elimination_village_review', 'elimination_township_review',
  'elimination_county_decision')`;

/** Monitoring cases by stage and type, with the people of their households and the overdue steps. */
export function findCaseCounts(q: Queryable, scope: ActivityScope): Promise<CaseRow[]> {
  return q.query<CaseRow>(
    `select left(h.region_code, $2) as key, c.stage, c.monitoring_type as "monitoringType",
       count(*)::int as cases, sum(h.member_count)::int as people,
       count(*) filter (where c.stage_due_on < $4::date)::int as overdue
     from monitoring_case c join household h on h.id = c.household_id
     where h.region_code like $1 || '%' and ${IN_COUNTY("c")}
     group by 1, 2, 3`,
    params(scope),
  );
}

export interface RiskRow {
  key: string;
  riskType: string;
  households: number;
  people: number;
}

/** Identified cases not yet eliminated, by risk type (a household once under each of its risks). */
export function findCaseRisks(q: Queryable, scope: ActivityScope): Promise<RiskRow[]> {
  return q.query<RiskRow>(
    `select left(h.region_code, $2) as key, risk as "riskType", count(*)::int as households,
       sum(h.member_count)::int as people
     from monitoring_case c join household h on h.id = c.household_id cross join unnest(c.risk_types) as risk
     where h.region_code like $1 || '%' and ${IN_COUNTY("c")} and c.stage in ${IDENTIFIED_STAGES}
     group by 1, 2`,
    paramsWithoutDay(scope),
  );
}

/** Open alerts: grouped by county code when the groups are counties or larger (no household join). */
export function findOpenAlertCounts(
  q: Queryable,
  scope: ActivityScope,
): Promise<{ key: string; n: number }[]> {
  const byCounty = scope.keyLength <= 6;
  return q.query<{ key: string; n: number }>(
    byCounty
      ? `select left(a.county_code, $2) as key, count(*)::int as n from monitoring_alert a
         where a.status = 'open' and a.county_code like $1 || '%' and ${IN_COUNTY("a")}
         group by 1`
      : `select left(h.region_code, $2) as key, count(*)::int as n
         from monitoring_alert a join household h on h.id = a.household_id
         where a.status = 'open' and h.region_code like $1 || '%' and ${IN_COUNTY("a")}
         group by 1`,
    paramsWithoutDay(scope),
  );
}

/** Assistance measures still planned or in progress past their due date. */
export function findOverdueMeasureCounts(
  q: Queryable,
  scope: ActivityScope,
): Promise<{ key: string; n: number }[]> {
  return q.query<{ key: string; n: number }>(
    `select left(h.region_code, $2) as key, count(*)::int as n
     from monitoring_measure m join monitoring_case c on c.id = m.case_id join household h on h.id = c.household_id
     where m.status in ('planned', 'in_progress') and m.due_on < $4::date
       and h.region_code like $1 || '%' and ${IN_COUNTY("m")}
     group by 1`,
    params(scope),
  );
}
