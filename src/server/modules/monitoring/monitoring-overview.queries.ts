import type { Queryable } from "../../db/db.js";

// The county view of monitoring cases: counts by stage, type, risk and sub-region, and the trend.

/** Case counts in a region (by stage, type, risk, sub-region), open alerts and a 12-month trend. */
export async function findOverview(
  q: Queryable,
  scope: { prefix: string; childLength: number | null; today: string },
) {
  const params = [scope.prefix, scope.today];
  const inScope = `from monitoring_case c join household h on h.id = c.household_id where h.region_code like $1 || '%'`;
  const overdue = `count(*) filter (where c.stage_due_on < $2::date)::int as overdue`;
  const [byStage, byType, byRisk, alerts, trend] = await Promise.all([
    q.query<{ stage: string; count: number; overdue: number }>(
      `select c.stage, count(*)::int as count, ${overdue} ${inScope} group by c.stage order by c.stage`,
      params,
    ),
    q.query<{ monitoringType: string; count: number; overdue: number }>(
      `select c.monitoring_type as "monitoringType", count(*)::int as count, ${overdue} ${inScope}
       and c.monitoring_type is not null and c.stage not in ('closed', 'rejected')
       group by c.monitoring_type order by 1`,
      params,
    ),
    q.query<{ riskType: string; count: number; overdue: number }>(
      `select risk as "riskType", count(*)::int as count, ${overdue}
       from monitoring_case c join household h on h.id = c.household_id cross join unnest(c.risk_types) as risk
       where h.region_code like $1 || '%' and c.stage not in ('closed', 'rejected')
       group by risk order by 1`,
      params,
    ),
    q.query<{ n: number }>(
      `select count(*)::int as n from monitoring_alert a join household h on h.id = a.household_id
       where a.status = 'open' and h.region_code like $1 || '%'`,
      [scope.prefix],
    ),
    q.query<{ month: string; opened: number; identified: number; eliminated: number }>(
      `with months as (
         select to_char(date_trunc('month', $2::date) - (n || ' months')::interval, 'YYYY-MM') as month
         from generate_series(0, 11) as n),
       events as (
         select to_char(c.opened_at, 'YYYY-MM') as month, 1 as opened, 0 as identified, 0 as eliminated ${inScope}
         union all
         select to_char(c.identified_at, 'YYYY-MM'), 0, 1, 0 ${inScope} and c.identified_at is not null
         union all
         select to_char(c.closed_at, 'YYYY-MM'), 0, 0, 1 ${inScope} and c.closed_at is not null)
       select m.month, coalesce(sum(e.opened), 0)::int as opened, coalesce(sum(e.identified), 0)::int as identified,
         coalesce(sum(e.eliminated), 0)::int as eliminated
       from months m left join events e on e.month = m.month group by m.month order by m.month`,
      params,
    ),
  ]);
  const byRegion =
    scope.childLength === null
      ? []
      : await q.query<{
          regionCode: string;
          regionName: string;
          active: number;
          monitored: number;
          closed: number;
          overdue: number;
          openAlerts: number;
        }>(
          `with cases as (
             select rpad(left(h.region_code, $3), 12, '0') as code,
               count(*) filter (where c.stage not in ('closed', 'rejected'))::int as active,
               count(*) filter (where c.stage = 'monitored' or c.stage like 'elimination%')::int as monitored,
               count(*) filter (where c.stage = 'closed')::int as closed,
               count(*) filter (where c.stage_due_on < $2::date)::int as overdue
             ${inScope} group by 1),
           alerts as (
             select rpad(left(h.region_code, $3), 12, '0') as code, count(*)::int as n
             from monitoring_alert a join household h on h.id = a.household_id
             where a.status = 'open' and h.region_code like $1 || '%' group by 1)
           select coalesce(c.code, a.code) as "regionCode", coalesce(r.name, '') as "regionName",
             coalesce(c.active, 0) as active, coalesce(c.monitored, 0) as monitored, coalesce(c.closed, 0) as closed,
             coalesce(c.overdue, 0) as overdue, coalesce(a.n, 0) as "openAlerts"
           from cases c full join alerts a on a.code = c.code
           left join region r on r.code = coalesce(c.code, a.code)
           order by 1`,
          [...params, scope.childLength],
        );
  return { byStage, byType, byRisk, openAlerts: alerts[0]?.n ?? 0, trend, byRegion };
}
