import type { Queryable } from "../../db/db.js";

// The registry's running sums (migration 20261123-40): household_rollup holds them per village,
// township and county; household_rollup_delta the changes not yet folded in. A reader adds both
// in one statement, so its figures are exactly those of the households in its snapshot.

export interface RollupRow {
  /** The first `keyLength` digits of the region the row counts for. */
  key: string;
  dimension: string;
  value: string;
  households: number;
  people: number;
}

/** The level whose sums serve groups of `keyLength` digits: the finest level at least that coarse. */
function levelFor(keyLength: number): "county" | "township" | "village" {
  if (keyLength <= 6) return "county";
  if (keyLength <= 9) return "township";
  return "village";
}

/**
 * The sums of every household under `prefix`, grouped by the first `keyLength` digits of their
 * region (keyLength >= prefix length): one group for a region's own figures, one per child region
 * for a drill-down. Reads at most one sum row per region of that level and dimension value.
 */
export async function findRollup(q: Queryable, prefix: string, keyLength: number): Promise<RollupRow[]> {
  const level = levelFor(keyLength);
  // Within one county the sums are read through the county's part of the primary key.
  const county = prefix.length >= 6 ? `${prefix.slice(0, 6)}000000` : null;
  return q.query<RollupRow>(
    `select left(region_code, $3) as key, dimension, value,
       sum(households)::int as households, sum(people)::int as people
     from (
       select region_code, dimension, value, households, people from household_rollup
       where level = $1 and region_code like $2 || '%' and ($4::text is null or county_code = $4)
       union all
       select region_code, dimension, value, households, people from household_rollup_delta
       where region_code like $2 || '%' and ($4::text is null or county_code = $4)
     ) sums
     group by 1, 2, 3
     having sum(households) <> 0 or sum(people) <> 0`,
    [level, prefix, keyLength, county],
  );
}

/** Folds the deltas committed so far into the sums; returns how many deltas it folded. */
export async function compactRollup(q: Queryable): Promise<number> {
  const [row] = await q.query<{ folded: number }>("select compact_household_rollup() as folded");
  return row?.folded ?? 0;
}

/** How many deltas wait to be folded. */
export async function countRollupDeltas(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>("select count(*)::int as n from household_rollup_delta");
  return row?.n ?? 0;
}
