import type { Queryable } from "../../db/db.js";

// The rules as one set-based statement: each rule is one SELECT over the households in reach
// (a county, or a list of households), joined with the county's configuration of the rules that
// are switched on and in effect on the evaluation day. The statement then raises the alerts not
// yet open (deduplicated by the partial unique index), refreshes the values of those still open,
// and clears open alerts whose condition no longer holds. A household re-evaluated alone goes
// through exactly the same SQL as a sweep, so the two cannot disagree.
//
// Parameters: $1 county code (null: every county), $2 household ids (null: every household),
// $3 the evaluation day, $4 who raises ('sweep' | 'household'), $5 the rules the sweep owns.

const IN_REACH = `h.status <> 'removed'
  and ($1::text is null or h.county_code = $1)
  and ($2::uuid[] is null or h.id = any($2::uuid[]))`;

const FROM_CONFIG = `from cfg c
  join household h on h.county_code = c.county_code and ${IN_REACH}`;

const RULES = [
  // Per-capita net income of the year below the monitoring line.
  `select h.id as household_id, h.county_code, c.rule_code, c.year, c.year::text as source_key,
     jsonb_build_object('year', c.year, 'perCapitaIncome', i.per_capita_income,
       'line', (c.thresholds ->> 'line')::numeric) as facts
   ${FROM_CONFIG}
   join household_income i on i.household_id = h.id and i.year = c.year
   where c.rule_code = 'income_below_line'
     and i.per_capita_income < (c.thresholds ->> 'line')::numeric`,

  // Per-capita net income down more than `percent` on the year before.
  `select h.id, h.county_code, c.rule_code, c.year, c.year::text,
     jsonb_build_object('year', c.year, 'perCapitaIncome', i.per_capita_income,
       'previousYear', p.year, 'previousPerCapitaIncome', p.per_capita_income,
       'dropPercent', round((p.per_capita_income - i.per_capita_income) * 100 / p.per_capita_income, 1),
       'percent', (c.thresholds ->> 'percent')::numeric)
   ${FROM_CONFIG}
   join household_income i on i.household_id = h.id and i.year = c.year
   join household_income p on p.household_id = h.id and p.year = c.year - 1
   where c.rule_code = 'income_drop' and p.per_capita_income > 0
     and i.per_capita_income < p.per_capita_income * (1 - (c.thresholds ->> 'percent')::numeric / 100)`,

  // Rigid spending of the year above `percent` of net income: last year's account, or this year's
  // when last year's is not recorded.
  `select h.id, h.county_code, c.rule_code, c.year, c.year::text,
     jsonb_build_object('year', c.year, 'medical', s.medical, 'disasterLoss', s.disaster_loss,
       'other', s.other, 'spending', s.medical + s.disaster_loss + s.other,
       'incomeYear', b.year, 'netIncome', b.net, 'percent', (c.thresholds ->> 'percent')::numeric)
   ${FROM_CONFIG}
   join household_rigid_spending s on s.household_id = h.id and s.year = c.year
   cross join lateral (
     select i.year, i.wage + i.business + i.property + i.transfer - i.business_costs as net
     from household_income i where i.household_id = h.id and i.year in (c.year - 1, c.year)
     order by i.year limit 1) b
   where c.rule_code = 'rigid_spending' and s.medical + s.disaster_loss + s.other > 0
     and (s.medical + s.disaster_loss + s.other) * 100 > b.net * (c.thresholds ->> 'percent')::numeric`,

  // A member seriously ill or disabled now who was not in the household's baseline version: the
  // newest saved before the window began, or the first version when every one is inside it.
  `select h.id, h.county_code, c.rule_code, c.year,
     string_agg(m.id::text || ':' || m.health || ':' || coalesce(m.disability_grade, ''), ',' order by m.id),
     jsonb_build_object('withinDays', (c.thresholds ->> 'withinDays')::int, 'baselineVersion', base.version,
       'members', jsonb_agg(jsonb_build_object('memberId', m.id, 'name', m.name, 'health', m.health,
         'disabilityGrade', m.disability_grade, 'previousHealth', b.health,
         'previousDisabilityGrade', b.grade) order by m.position))
   ${FROM_CONFIG}
   join member m on m.household_id = h.id and m.status = 'active'
     and (m.health in ('serious', 'disabled') or m.disability_grade is not null)
     -- A household last saved before the window began has its latest version as baseline: nothing is new.
     and h.version > 1 and h.updated_at >= ($3::date - (c.thresholds ->> 'withinDays')::int)
   cross join lateral (
     select v.version, v.snapshot from household_version v
     where v.household_id = h.id
       and (v.version = 1 or v.changed_at < ($3::date - (c.thresholds ->> 'withinDays')::int))
     order by v.version desc limit 1) base
   cross join lateral (
     select e ->> 'health' as health, e ->> 'disabilityGrade' as grade
     from jsonb_array_elements(base.snapshot -> 'household' -> 'members') e
     where e ->> 'id' = m.id::text limit 1) b
   where c.rule_code = 'new_illness_or_disability'
     and ((m.health = 'serious' and b.health is distinct from 'serious')
       or ((m.health = 'disabled' or m.disability_grade is not null)
           and b.health is distinct from 'disabled' and b.grade is null))
   group by h.id, h.county_code, c.rule_code, c.year, c.thresholds, base.version`,

  // A basic guarantee (or safe water) red, or yellow too when the level says so.
  `select h.id, h.county_code, c.rule_code, c.year,
     string_agg(g.key || ':' || g.value, ',' order by g.key),
     jsonb_build_object('level', c.thresholds ->> 'level', 'guarantees', jsonb_object_agg(g.key, g.value))
   ${FROM_CONFIG}
   cross join lateral jsonb_each_text(h.guarantee_lights) g
   where c.rule_code = 'guarantee_at_risk'
     and (g.value = 'red' or (g.value = 'yellow' and c.thresholds ->> 'level' = 'yellow'))
   group by h.id, h.county_code, c.rule_code, c.year, c.thresholds`,

  // An able-bodied member of working age, not in school, with at least `months` of the year
  // without recorded work (12 − 务工时间).
  `select h.id, h.county_code, c.rule_code, c.year,
     string_agg(m.id::text, ',' order by m.id),
     jsonb_build_object('months', (c.thresholds ->> 'months')::int,
       'members', jsonb_agg(jsonb_build_object('memberId', m.id, 'name', m.name,
         'age', date_part('year', age($3::date, m.birth_date))::int, 'workMonths', m.work_months,
         'monthsWithoutWork', 12 - m.work_months, 'workPlace', m.work_place) order by m.position))
   ${FROM_CONFIG}
   join member m on m.household_id = h.id and m.status = 'active'
     and m.labour_ability in ('ordinary', 'skilled')
     and m.schooling_status in ('not_in_school', 'dropped_out')
     and m.birth_date <= ($3::date - interval '16 years')
     and m.birth_date > ($3::date - interval '60 years')
   where c.rule_code = 'no_work' and m.work_months <= 12 - (c.thresholds ->> 'months')::int
   group by h.id, h.county_code, c.rule_code, c.year, c.thresholds`,
];

const EVALUATE = `
-- Not materialized: each rule's branch reads monitoring_rule itself, so the planner knows how many
-- counties (and so households) a rule covers and joins them by hash instead of a nested loop.
with cfg as not materialized (
  select r.county_code, r.year, r.rule_code, r.thresholds
  from monitoring_rule r
  where r.is_enabled and r.rule_code = any($5::text[])
    and r.effective_from <= $3::date and (r.effective_to is null or r.effective_to >= $3::date)
    and ($1::text is null or r.county_code = $1)
),
fired (household_id, county_code, rule_code, year, source_key, facts) as (
  ${RULES.join("\n  union all\n  ")}
),
chosen as materialized (
  -- One per household and rule: the latest monitoring year when several are in effect.
  select distinct on (household_id, rule_code) * from fired order by household_id, rule_code, year desc
),
open_alerts as (
  select a.id, a.household_id, a.rule_code, a.facts, a.source_key
  from monitoring_alert a
  where a.status = 'open' and a.rule_code = any($5::text[])
    and ($1::text is null or a.county_code = $1)
    and ($2::uuid[] is null or a.household_id = any($2::uuid[]))
),
-- Open alerts against what fires now. A full join can only be a hash or merge join, so however
-- stale the statistics, comparing a million alerts never turns into a nested loop.
diff as materialized (
  select o.id as alert_id, o.facts as old_facts, o.source_key as old_key, f.*
  from open_alerts o full join chosen f on f.household_id = o.household_id and f.rule_code = o.rule_code
),
-- Occurrences checked and dismissed, or taken into a case, are not raised again. Read once into
-- the statement's snapshot and matched by a full join (a hash join): probing the alert table per
-- candidate would re-read the pages this very statement is inserting.
handled as materialized (
  select a.household_id, a.rule_code, a.source_key from monitoring_alert a
  where a.status in ('dismissed', 'in_case')
    and ($1::text is null or a.county_code = $1)
    and ($2::uuid[] is null or a.household_id = any($2::uuid[]))
),
candidates as materialized (
  select d.county_code, d.household_id, d.rule_code, d.year, d.source_key, d.facts,
    x.household_id as handled_household_id
  from (select * from diff where alert_id is null) d
  full join handled x
    on x.household_id = d.household_id and x.rule_code = d.rule_code and x.source_key = d.source_key
),
raised as (
  insert into monitoring_alert (county_code, household_id, rule_code, year, source_key, facts, raised_by)
  select c.county_code, c.household_id, c.rule_code, c.year, c.source_key, c.facts, $4 from candidates c
  where c.household_id is not null and c.handled_household_id is null
  on conflict (household_id, rule_code) where status = 'open' do nothing
  returning 1
),
refreshed as (
  update monitoring_alert a set facts = d.facts, source_key = d.source_key, year = d.year
  from diff d
  where a.id = d.alert_id and d.household_id is not null
    and (d.old_facts <> d.facts or d.old_key <> d.source_key)
  returning 1
),
cleared as (
  update monitoring_alert a set status = 'cleared', closed_at = now(), close_reason = '条件已不成立'
  from diff d
  where a.id = d.alert_id and d.household_id is null
  returning 1
)
select (select count(*) from chosen)::int as firing, (select count(*) from raised)::int as raised,
  (select count(*) from refreshed)::int as refreshed, (select count(*) from cleared)::int as cleared`;

export interface EvaluationCounts {
  firing: number;
  raised: number;
  refreshed: number;
  cleared: number;
}

/**
 * Evaluates the swept rules for a county (or every county) or for some households, in one
 * statement; returns how many alerts fire, were raised, refreshed and cleared.
 */
export async function evaluateRules(
  q: Queryable,
  reach: { countyCode: string | null; householdIds: readonly string[] | null },
  options: { today: string; raisedBy: "sweep" | "household"; ruleCodes: readonly string[] },
): Promise<EvaluationCounts> {
  const [row] = await q.query<EvaluationCounts>(EVALUATE, [
    reach.countyCode,
    reach.householdIds,
    options.today,
    options.raisedBy,
    options.ruleCodes,
  ]);
  return row!;
}

/**
 * Readies a sweep: fresh planner statistics of the alerts (a sweep can add or clear hundreds of
 * thousands of them, and planned against stale figures its joins would loop).
 */
export async function prepareSweep(q: Queryable): Promise<void> {
  await q.query("analyze monitoring_alert");
}

/** The statement a sweep runs, for the benchmark's EXPLAIN. */
export const EVALUATE_SQL = EVALUATE;
