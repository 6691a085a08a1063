import type { Queryable } from "../../db/db.js";
import { CFG, FIRED } from "./monitoring-fired.queries.js";

// The rules, set-based. What fires is found in ONE read of the households in reach: the household
// table once (joined by hash with the county's configuration and the income accounts of the year
// and the year before), the member table once (one GROUP BY giving each household's member facts),
// and the small tables (rigid spending, epidemic status from visits) by hash; the new-illness rule
// reads household versions only for households saved inside its window that have an ill member.
// What fires is then compared with the open alerts, and only the differences are written: alerts
// raised (deduplicated by the partial unique index; an occurrence dismissed or taken into a case is
// not raised again), refreshed (new values) or cleared (the condition no longer holds).
//
// The comparison reads no jsonb: each rule gives its facts as text, a fingerprint, exactly as jsonb
// prints them (keys ordered by length, then bytes; ", " and ": " between), built by concatenation,
// and the alert keeps that text beside its facts (monitoring_alert.fingerprint). Equal fingerprints
// are equal facts; jsonb is built (`fingerprint::jsonb`) only for the alerts raised or refreshed, so
// a sweep in which nothing changed builds none. An alert without a fingerprint differs from
// anything (refreshed once). The rules that fire rarely and on few rows (new illness, epidemic,
// guarantees) build their facts as jsonb and print them.
//
// A county or province sweep finds the differences with a read-only `create temp table ... as`
// (PostgreSQL may plan it with parallel workers, which it never does for a data-modifying statement)
// and applies them in a second statement; a household re-evaluated alone runs the same rules and
// the same comparison as one statement. The two cannot disagree.
//
// Parameters: $1 county code (null: every county), $2 household ids (null: every household),
// $3 the evaluation day, $4 who raises ('sweep' | 'household'), $5 the rules evaluated; a sweep's
// read also $6 and $7, the first and last monitoring year in effect.

/** Declares every parameter's type, so that a statement need not read them all (never read itself). */
const PARAMS = `params as (select $1::text, $2::uuid[], $3::date, $4::text, $5::text[])`;

/**
 * One per household and rule: the latest monitoring year when several are in effect (a county
 * configured for one year only has nothing to choose, and the sweep then skips the sort).
 */
const chosen = (isOneYear: boolean) =>
  isOneYear
    ? "chosen as (select * from fired)"
    : `chosen as (
  select distinct on (household_id, rule_code) * from fired order by household_id, rule_code, year desc
)`;

const OPEN_ALERTS = `open_alerts as (
  select a.id, a.household_id, a.rule_code, a.source_key, a.fingerprint
  from monitoring_alert a
  where a.status = 'open' and a.rule_code = any($5::text[])
    and ($1::text is null or a.county_code = $1)
    and ($2::uuid[] is null or a.household_id = any($2::uuid[]))
)`;

/**
 * What fires now against the open alerts (a full join: a hash or merge join, never a nested loop
 * however stale the statistics), keeping only the differences: 'raise' (not open), 'refresh'
 * (open with another occurrence or fingerprint), 'clear' (open, no longer firing) and 'handled'
 * (not open, but this occurrence was checked and dismissed, or taken into a case: not raised
 * again). Read before any write, so the occurrences are matched by a join instead of probing the
 * table being inserted into. The comparison is on the source key and the fingerprint (never the
 * jsonb facts), so a sweep in which nothing changed builds no jsonb.
 */
const DIFF = `select case when o.id is not null and f.household_id is null then 'clear'
      when o.id is not null then 'refresh'
      when exists (select 1 from monitoring_alert x
        where x.household_id = f.household_id and x.rule_code = f.rule_code and x.source_key = f.source_key
          and x.status in ('dismissed', 'in_case')) then 'handled'
      else 'raise' end as action,
    o.id as alert_id, f.county_code, f.household_id, f.rule_code, f.year, f.source_key, f.fingerprint
  from chosen f full join open_alerts o on o.household_id = f.household_id and o.rule_code = f.rule_code
  where o.id is null or f.household_id is null or o.source_key <> f.source_key
    or o.fingerprint is distinct from f.fingerprint`;

/** Writes the differences; updates touch only alerts still open (a user may have acted since the read). */
const APPLY = (source: string) => `
raised as (
  insert into monitoring_alert (county_code, household_id, rule_code, year, source_key, facts, fingerprint, raised_by)
  select d.county_code, d.household_id, d.rule_code, d.year, d.source_key, d.fingerprint::jsonb, d.fingerprint, $4
  from ${source} d
  where d.action = 'raise'
  on conflict (household_id, rule_code) where status = 'open' do nothing
  returning 1
),
refreshed as (
  update monitoring_alert a
  set facts = d.fingerprint::jsonb, fingerprint = d.fingerprint, source_key = d.source_key, year = d.year
  from ${source} d
  where d.action = 'refresh' and a.id = d.alert_id and a.status = 'open'
  returning 1
),
cleared as (
  update monitoring_alert a set status = 'cleared', closed_at = now(), close_reason = '条件已不成立'
  from ${source} d
  where d.action = 'clear' and a.id = d.alert_id and a.status = 'open'
  returning 1
)`;

/** Counts of a write: what fires = the alerts open before, less those cleared, plus the others not open. */
const COUNTS = (source: string) => `select
    ((select count(*) from open_alerts) - (select count(*) from ${source} where action = 'clear')
      + (select count(*) from ${source} where action in ('raise', 'handled')))::int as firing,
    (select count(*) from raised)::int as raised, (select count(*) from refreshed)::int as refreshed,
    (select count(*) from cleared)::int as cleared`;

/** Some households: the rules, the comparison and the writes in one statement. */
const EVALUATE_HOUSEHOLDS = `with ${PARAMS}, ${CFG}, ${FIRED(false)}, ${chosen(false)}, ${OPEN_ALERTS},
diff as materialized (${DIFF}),
${APPLY("diff")}
${COUNTS("diff")}`;

const DIFF_TABLE = "pg_temp.monitoring_sweep_diff";

/** A sweep's read: the differences into a temporary table, by a statement that may run in parallel. */
const sweepRead = (isOneYear: boolean) => `create temp table monitoring_sweep_diff as
with ${PARAMS}, ${CFG}, ${FIRED(true)}, ${chosen(isOneYear)}, ${OPEN_ALERTS}
${DIFF}`;

const SWEEP_APPLY = `with ${PARAMS}, ${OPEN_ALERTS}, ${APPLY(DIFF_TABLE)}
${COUNTS(DIFF_TABLE)}`;

export interface EvaluationCounts {
  firing: number;
  raised: number;
  refreshed: number;
  cleared: number;
}

type Reach = { countyCode: string | null; householdIds: readonly string[] | null };
type Options = { today: string; raisedBy: "sweep" | "household"; ruleCodes: readonly string[] };

const paramsOf = (reach: Reach, options: Options) => [
  reach.countyCode,
  reach.householdIds,
  options.today,
  options.raisedBy,
  options.ruleCodes,
];

/**
 * The monitoring years of the rules in effect on the day in reach (null when none), and whether
 * every county in reach has rules of a single year.
 */
async function yearsInEffect(
  q: Queryable,
  reach: Reach,
  options: Options,
): Promise<{ isOneYear: boolean; from: number | null; to: number | null }> {
  const [row] = await q.query<{ isOneYear: boolean; from: number | null; to: number | null }>(
    `select coalesce(bool_and(years = 1), true) as "isOneYear", min("from") as "from", max("to") as "to"
     from (
       select r.county_code, count(distinct r.year)::int as years, min(r.year) as "from", max(r.year) as "to"
       from monitoring_rule r
       where r.is_enabled and r.rule_code = any($3::text[])
         and r.effective_from <= $2::date and (r.effective_to is null or r.effective_to >= $2::date)
         and ($1::text is null or r.county_code = $1)
       group by r.county_code) counties`,
    [reach.countyCode, options.today, options.ruleCodes],
  );
  return row!;
}

/**
 * Evaluates the rules for a county (or every county) or for some households; returns how many
 * alerts fire, were raised, refreshed and cleared. Households go through one statement; a county
 * or province sweep through a read into a temporary table and a write of the differences, so `q`
 * must then be a transaction (one connection).
 */
export async function evaluateRules(q: Queryable, reach: Reach, options: Options): Promise<EvaluationCounts> {
  const params = paramsOf(reach, options);
  if (reach.householdIds !== null) {
    const [row] = await q.query<EvaluationCounts>(EVALUATE_HOUSEHOLDS, params);
    return row!;
  }
  const years = await yearsInEffect(q, reach, options);
  // A batch read of the whole reach: compiling its expressions costs more than it saves, and its
  // hash tables (income accounts, member facts, open alerts) should not spill to disk.
  await q.query("set local jit = off");
  await q.query("set local work_mem = '64MB'");
  // The open alerts and the member facts hashed whole: 973,132 and 537,375 rows in a province.
  await q.query("set local hash_mem_multiplier = 4");
  // Households and their income accounts joined by parallel workers (the rows they hand back are
  // many, which the default cost of a tuple gathered rates too high for this read).
  await q.query("set local parallel_tuple_cost = 0.05");
  await q.query(`drop table if exists ${DIFF_TABLE}`);
  await q.query(sweepRead(years.isOneYear), [...params, years.from, years.to]);
  await q.query(`analyze ${DIFF_TABLE}`);
  const [row] = await q.query<EvaluationCounts>(SWEEP_APPLY, params);
  await q.query(`drop table ${DIFF_TABLE}`);
  return row!;
}

/**
 * Readies a sweep: fresh planner statistics of the alerts (a sweep can add or clear hundreds of
 * thousands of them, and planned against stale figures its joins would loop).
 */
export async function prepareSweep(q: Queryable): Promise<void> {
  await q.query("analyze monitoring_alert");
}

/**
 * The statements, for EXPLAIN by hand on a bench database (the sweep's read as a plain SELECT, with
 * $6 and $7 the monitoring years in effect; run it with jit off, work_mem 64MB, hash_mem_multiplier
 * 4 and parallel_tuple_cost 0.05 as evaluateRules does).
 */
export const SWEEP_READ_SQL = sweepRead(true).replace("create temp table monitoring_sweep_diff as\n", "");
export const EVALUATE_HOUSEHOLDS_SQL = EVALUATE_HOUSEHOLDS;
