import type { Guarantee } from "../../../shared/basic-guarantees.js";

// What fires, set-based: the rules' configuration in effect (CFG) and, from one read of the
// households in reach, one row per household and rule that fires with its occurrence and its
// fingerprint (FIRED). monitoring-sweep.queries.ts compares those with the open alerts and writes
// the differences. Parameters as there ($1 county, $2 households, $3 day, $5 rules; a sweep's read
// also $6 and $7, the monitoring years in effect).

/** Rules switched on and in effect on the day: one row per county and monitoring year, a column per rule (null: off). */
export const CFG = `cfg as not materialized (
  select r.county_code, r.year,
    max((r.thresholds ->> 'line')::numeric) filter (where r.rule_code = 'income_below_line') as line,
    max((r.thresholds ->> 'percent')::numeric) filter (where r.rule_code = 'income_drop') as drop_percent,
    max((r.thresholds ->> 'percent')::numeric) filter (where r.rule_code = 'rigid_spending') as spending_percent,
    max((r.thresholds ->> 'withinDays')::int) filter (where r.rule_code = 'new_illness_or_disability') as within_days,
    max(r.thresholds ->> 'level') filter (where r.rule_code = 'guarantee_at_risk') as level,
    max((r.thresholds ->> 'months')::int) filter (where r.rule_code = 'no_work') as months,
    max((r.thresholds ->> 'incomeLossPercent')::numeric) filter (where r.rule_code = 'epidemic_isolation') as loss_percent
  from monitoring_rule r
  where r.is_enabled and r.rule_code = any($5::text[])
    and r.effective_from <= $3::date and (r.effective_to is null or r.effective_to >= $3::date)
    and ($1::text is null or r.county_code = $1)
  group by r.county_code, r.year
)`;

/** An able-bodied member of working age, not in school, with at least `months` of the year without work. */
const IDLE = `(c.months is not null and m.labour_ability in ('ordinary', 'skilled')
    and m.schooling_status in ('not_in_school', 'dropped_out')
    and m.birth_date <= ($3::date - interval '16 years') and m.birth_date > ($3::date - interval '60 years')
    and m.work_months <= 12 - c.months)`;

/** A member seriously ill or disabled now (whether newly so is decided against the baseline version). */
const ILL = `(c.within_days is not null and (m.health in ('serious', 'disabled') or m.disability_grade is not null))`;

/**
 * Every guarantee green, as most households are (two in three in the bench's province): compared
 * whole (one cheap jsonb equality) before the jsonpath looks for a red or yellow light.
 */
const ALL_GREEN: Record<Guarantee, "green"> = {
  food_clothing: "green",
  education: "green",
  medical: "green",
  housing: "green",
  water: "green",
};

/** Households saved inside the new-illness window (otherwise their latest version is the baseline: nothing is new). */
const SAVED_IN_WINDOW = `h.version > 1 and h.updated_at >= ($3::date - c.within_days)`;

/**
 * A sweep reads only the income accounts of the years in effect ($6 to $7, known when planned), so
 * the accounts of other years are neither hashed nor probed; households are looked up by key.
 */
const incomeYears = (table: string, yearsBefore: number) => (isSweep: boolean) =>
  isSweep ? `\n    and ${table}.year between $6::int - ${yearsBefore} and $7::int - ${yearsBefore}` : "";

export const FIRED = (isSweep: boolean) => `
-- Each household's member facts, from one pass over the member table.
mem as (
  -- Aggregated from input sorted by household and position: no sort per household. Each member's
  -- text is made below the sort (by the parallel workers that scan the table).
  select m.household_id, m.year,
    string_agg(m.id, ',') as idle_key,
    -- The members as the alert's facts print them (fingerprints, above): text, no jsonb built.
    string_agg(m.idle_member, ', ') as idle_members
  from (
    select m.household_id, c.year, m.id::text as id,
      '{"age": ' || date_part('year', age($3::date, m.birth_date))::int || ', "name": ' || to_json(m.name)
        || ', "memberId": "' || m.id || '", "workPlace": ' || to_json(m.work_place) || ', "workMonths": '
        || m.work_months || ', "monthsWithoutWork": ' || (12 - m.work_months) || '}' as idle_member
    from member m join cfg c on c.county_code = m.county_code
    where m.status = 'active' and ${IDLE}
      and ($2::uuid[] is null or m.household_id = any($2::uuid[]))
    order by m.household_id, c.year, m.position, m.id
  ) m
  group by m.household_id, m.year
),
-- Members isolated or quarantined during the monitoring year, as found on visits: each member's
-- latest record of an isolation overlapping the year (one released before the year began does not
-- count). An isolation runs from \`since\` (or the visit day) to \`until\` (or the visit day).
epi as (
  select e.household_id, e.year,
    string_agg(e.member_id::text, ',' order by e.member_id) as epi_key,
    jsonb_agg(jsonb_build_object('memberId', e.member_id, 'name', m.name, 'status', e.status,
      'since', e.since, 'until', e.until, 'visitedOn', e.visited_on) order by m.position, m.id) as epi_members
  from (
    select distinct on (s.household_id, c.year, s.member_id)
      s.household_id, c.year, s.member_id, s.status, s.since, s.until, v.visited_on
    from visit_member_status s
    join cfg c on c.county_code = s.county_code and c.loss_percent is not null
    join visit v on v.id = s.visit_id
    where s.status <> 'none'
      and ($2::uuid[] is null or s.household_id = any($2::uuid[]))
      and coalesce(s.until, v.visited_on) >= make_date(c.year, 1, 1)
      and least(coalesce(s.since, v.visited_on), coalesce(s.until, v.visited_on)) <= make_date(c.year, 12, 31)
    order by s.household_id, c.year, s.member_id, v.visited_on desc, v.recorded_at desc, v.id
  ) e join member m on m.id = e.member_id
  group by e.household_id, e.year
),
-- Work lost during the monitoring year, as found on visits: a problem of kind 'job' (务工就业) recorded
-- on a visit within the year.
job as (
  select p.household_id, c.year,
    string_agg(p.id::text, ',' order by p.id) as job_key,
    jsonb_agg(jsonb_build_object('visitedOn', v.visited_on, 'note', p.note) order by v.visited_on, p.id) as job_problems
  from visit_problem p
  join cfg c on c.county_code = p.county_code and c.loss_percent is not null
  join visit v on v.id = p.visit_id
  where p.kind = 'job'
    and ($2::uuid[] is null or p.household_id = any($2::uuid[]))
    and v.visited_on between make_date(c.year, 1, 1) and make_date(c.year, 12, 31)
  group by p.household_id, c.year
),
-- A member seriously ill or disabled now who was not in the household's baseline version: the
-- newest saved before the window began, or the first version when every one is inside it. Read
-- only for households saved inside the window that have such a member.
ill as (
  select h.id as household_id, c.year,
    string_agg(m.id::text || ':' || m.health || ':' || coalesce(m.disability_grade, ''), ',' order by m.id) as ill_key,
    jsonb_build_object('withinDays', c.within_days, 'baselineVersion', base.version,
      'members', jsonb_agg(jsonb_build_object('memberId', m.id, 'name', m.name, 'health', m.health,
        'disabilityGrade', m.disability_grade, 'previousHealth', b.health,
        'previousDisabilityGrade', b.grade) order by m.position)) as ill_facts
  from household h
  join cfg c on c.county_code = h.county_code and c.within_days is not null
  join member m on m.household_id = h.id and m.status = 'active' and ${ILL}
  cross join lateral (
    select v.version, v.snapshot from household_version v
    where v.household_id = h.id and (v.version = 1 or v.changed_at < ($3::date - c.within_days))
    order by v.version desc limit 1) base
  cross join lateral (
    select e ->> 'health' as health, e ->> 'disabilityGrade' as grade
    from jsonb_array_elements(base.snapshot -> 'household' -> 'members') e
    where e ->> 'id' = m.id::text limit 1) b
  where h.status <> 'removed' and ${SAVED_IN_WINDOW}
    -- The window's widest reach (730 days), so the households saved lately are found by index.
    and h.version > 1 and h.updated_at >= ($3::date - 730)
    and ($1::text is null or h.county_code = $1)
    and ($2::uuid[] is null or h.id = any($2::uuid[]))
    and ((m.health = 'serious' and b.health is distinct from 'serious')
      or ((m.health = 'disabled' or m.disability_grade is not null)
          and b.health is distinct from 'disabled' and b.grade is null))
  group by h.id, c.year, c.within_days, base.version
),
-- One row per household in reach and monitoring year, with everything its rules read.
base as (
  select h.id as household_id, h.county_code, c.year, c.line, c.drop_percent, c.spending_percent,
    c.within_days, c.level, c.months, c.loss_percent,
    -- The lights that fire (null when none): one jsonpath test, the set read only when it passes.
    case when c.level is not null and h.guarantee_lights <> '${JSON.stringify(ALL_GREEN)}'::jsonb and case when c.level = 'yellow'
        then h.guarantee_lights @? '$.* ? (@ == "red" || @ == "yellow")'
        else h.guarantee_lights @? '$.* ? (@ == "red")' end then
      (select jsonb_object_agg(g.key, g.value) from jsonb_each_text(h.guarantee_lights) g
       where g.value = 'red' or (g.value = 'yellow' and c.level = 'yellow')) end as lights,
    i.per_capita_income as pci, p.year as previous_year, p.per_capita_income as previous_pci,
    coalesce(p.wage + p.business + p.property + p.transfer - p.business_costs,
      i.wage + i.business + i.property + i.transfer - i.business_costs) as spending_base,
    case when p.year is not null then p.year when i.year is not null then i.year end as spending_base_year,
    s.medical, s.disaster_loss, s.other,
    mem.idle_key, mem.idle_members, ill.ill_key, ill.ill_facts, epi.epi_key, epi.epi_members,
    job.job_key, job.job_problems
  from household h
  join cfg c on c.county_code = h.county_code
  left join household_income i on i.household_id = h.id and i.year = c.year${incomeYears("i", 0)(isSweep)}
  left join household_income p on p.household_id = h.id and p.year = c.year - 1${incomeYears("p", 1)(isSweep)}
  left join household_rigid_spending s on s.household_id = h.id and s.year = c.year and c.spending_percent is not null
  left join mem on mem.household_id = h.id and mem.year = c.year
  left join epi on epi.household_id = h.id and epi.year = c.year
  left join job on job.household_id = h.id and job.year = c.year
  left join ill on ill.household_id = h.id and ill.year = c.year
  where h.status <> 'removed'
    and ($1::text is null or h.county_code = $1)
    and ($2::uuid[] is null or h.id = any($2::uuid[]))
  -- Kept a subquery (not pulled up into the rules below), so each value above is computed once
  -- per household instead of once per reference.
  offset 0
),
-- One row per rule that fires: which rules fire is one small array per household (its entries
-- numbered as below), unnested in the select list; the occurrence (source key) and the fingerprint
-- are then made for those rows only.
fired (household_id, county_code, rule_code, year, source_key, fingerprint) as (
  select b.household_id, b.county_code,
    ('{income_below_line,income_drop,rigid_spending,no_work,epidemic_isolation,guarantee_at_risk,new_illness_or_disability}'::text[])[b.rule],
    b.year,
    case b.rule when 4 then b.idle_key
      when 5 then b.year::text || ':' || coalesce(b.epi_key, '') || coalesce('|job:' || b.job_key, '')
      when 6 then (select string_agg(g.key || ':' || g.value, ',' order by g.key) from jsonb_each_text(b.lights) g)
      when 7 then b.ill_key
      else b.year::text end,
    case b.rule
      when 1 then '{"line": ' || b.line || ', "year": ' || b.year || ', "perCapitaIncome": ' || b.pci || '}'
      when 2 then '{"year": ' || b.year || ', "percent": ' || b.drop_percent
        || ', "dropPercent": ' || round((b.previous_pci - b.pci) * 100 / b.previous_pci, 1)
        || ', "previousYear": ' || b.previous_year || ', "perCapitaIncome": ' || b.pci
        || ', "previousPerCapitaIncome": ' || b.previous_pci || '}'
      when 3 then '{"year": ' || b.year || ', "other": ' || b.other || ', "medical": ' || b.medical
        || ', "percent": ' || b.spending_percent || ', "spending": ' || (b.medical + b.disaster_loss + b.other)
        || ', "netIncome": ' || b.spending_base || ', "incomeYear": ' || b.spending_base_year
        || ', "disasterLoss": ' || b.disaster_loss || '}'
      when 4 then '{"months": ' || b.months || ', "members": [' || b.idle_members || ']}'
      when 5 then jsonb_build_object('year', b.year, 'perCapitaIncome', b.pci,
        'previousYear', b.previous_year, 'previousPerCapitaIncome', b.previous_pci,
        'lossPercent', round((b.previous_pci - b.pci) * 100 / b.previous_pci, 1),
        'incomeLossPercent', b.loss_percent, 'members', coalesce(b.epi_members, '[]'::jsonb),
        'jobLoss', coalesce(b.job_problems, '[]'::jsonb))::text
      when 6 then jsonb_build_object('level', b.level, 'guarantees', b.lights)::text
      when 7 then b.ill_facts::text end
  from (
    select b.*, unnest(array_remove(array[
      -- 1. Per-capita net income of the year below the monitoring line.
      case when b.pci < b.line then 1 end,
      -- 2. Per-capita net income down more than \`percent\` on the year before.
      case when b.previous_pci > 0 and b.pci < b.previous_pci * (1 - b.drop_percent / 100) then 2 end,
      -- 3. Rigid spending of the year above \`percent\` of net income: last year's account, or this
      -- year's when last year's is not recorded.
      case when b.medical + b.disaster_loss + b.other > 0
          and (b.medical + b.disaster_loss + b.other) * 100 > b.spending_base * b.spending_percent then 3 end,
      -- 4. An able-bodied member of working age, not in school, with at least \`months\` of the year
      -- without recorded work (12 − 务工时间).
      case when b.idle_key is not null then 4 end,
      -- 5. Isolated or quarantined during the year, and per-capita income down at least
      -- \`incomeLossPercent\` on the year before. Or work lost (a 'job' problem found on a visit of
      -- the year), with the same income loss.
      case when (b.epi_key is not null or b.job_key is not null)
          and b.previous_pci > 0 and b.pci <= b.previous_pci * (1 - b.loss_percent / 100) then 5 end,
      -- 6. A basic guarantee (or safe water) red, or yellow too when the level says so.
      case when b.lights is not null then 6 end,
      -- 7. A member newly seriously ill or disabled.
      case when b.ill_facts is not null then 7 end], null)) as rule
    from base b
  ) b
)`;
