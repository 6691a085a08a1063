// PROPOSED replacement of src/server/modules/households/household-list.queries.ts, measured by the
// benchmark with `--list-query candidate` (see bench/README.md). Differences from the current file:
//
// 0. Only the conditions the filter sets are in the SQL (see whereOf), and within one county the
//    query also says h.county_code = ..., so (county_code, household_number) can serve the page.
// 1. Search goes through indexes: the text is matched in one `h.id in (... union all ...)` over
//    member names, ID-number and phone tails (reverse(...) LIKE 'reversed tail%', served by
//    text_pattern_ops expression indexes) and household numbers and phone tails. The head's name
//    is found through the head's member row, so head_name needs no search index. Tails are only
//    tried for digit text. Names match by prefix (existing member_name_idx); with nameMatch
//    "trigram" (pg_trgm) anywhere in the name from three characters, by prefix below that.
// 2. Cause uses an array containment the GIN index on (array[main_cause] || secondary_causes) serves.
// 3. The order is `<column> <dir>, h.id <dir>` without NULLS LAST, so one btree (column, id) serves
//    both directions (per-capita income is null only for a household without active members,
//    which cannot be saved).
// 4. The count stops at COUNT_CAP + 1 matching rows: `total` is exact up to COUNT_CAP and
//    `totalIsExact` says whether it is.

import type { Queryable } from "../../src/server/db/db.js";
import type { HouseholdFilter } from "../../src/server/modules/households/household-list.queries.js";
import type { HouseholdListRow } from "../../src/shared/api/households.api.js";

/** Beyond this many matches the list reports "more than COUNT_CAP" instead of counting them all. */
export const COUNT_CAP = 10_000;

const SORT_COLUMNS: Record<HouseholdFilter["sort"], string> = {
  householdNumber: "h.household_number",
  headName: "h.head_name",
  perCapitaIncome: "h.per_capita_income",
  memberCount: "h.member_count",
  updatedAt: "h.updated_at",
};

/** How a member's name matches the search text; `prefix` needs no extension. */
export type NameMatch = "prefix" | "trigram";

/**
 * The WHERE clause and its parameters, with only the conditions the filter sets. Leaving a condition
 * out (rather than `$n is null or ...`) matters for the sub-selects: PostgreSQL turns an EXISTS or
 * IN into a join it can drive from an index only when it stands alone in the WHERE, not inside an OR.
 */
function whereOf(
  filter: HouseholdFilter,
  nameMatch: NameMatch,
): { withClause: string; where: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`h.region_code like ${p(filter.scopePrefix)} || '%'`];
  if (filter.regionPrefix) where.push(`h.region_code like ${p(filter.regionPrefix)} || '%'`);
  // Within one county, say so on county_code too: (county_code, household_number) then yields the
  // page in order, instead of walking household_number across the province to find the county.
  const deepest = filter.regionPrefix ?? filter.scopePrefix;
  if (deepest.length >= 6) where.push(`h.county_code = ${p(deepest.slice(0, 6).padEnd(12, "0"))}`);
  for (const userId of [filter.assignedTo, filter.caseworkerId]) {
    if (userId)
      where.push(`exists (select 1 from household_caseworker c
        where c.household_id = h.id and c.user_id = ${p(userId)} and c.ended_at is null)`);
  }
  if (filter.status) where.push(`h.status = ${p(filter.status)}`);
  if (filter.povertyAttribute) where.push(`h.poverty_attribute = ${p(filter.povertyAttribute)}`);
  if (filter.cause)
    where.push(`(array[h.main_cause] || h.secondary_causes) @> array[${p(filter.cause)}::text]`);
  if (filter.incomeBelow !== undefined) where.push(`h.per_capita_income < ${p(filter.incomeBelow)}`);
  if (filter.incomeAtLeast !== undefined) where.push(`h.per_capita_income >= ${p(filter.incomeAtLeast)}`);
  if (filter.guaranteeAtRisk) where.push(`h.guarantee_lights ->> ${p(filter.guaranteeAtRisk)} = 'red'`);
  if (filter.hasWarnings !== undefined)
    where.push(filter.hasWarnings ? "h.warning_count > 0" : "h.warning_count = 0");
  let withClause = "";
  if (filter.text !== "") {
    const text = p(filter.text);
    // pg_trgm extracts no trigram from fewer than three characters: shorter text matches by prefix.
    const memberMatches = [
      nameMatch === "trigram" && [...filter.text].length >= 3
        ? `m.name like '%' || ${text} || '%'`
        : `m.name like ${text} || '%'`,
    ];
    const householdMatches: string[] = [];
    // A household-number prefix no longer than the scope's own digits (or than a county code)
    // matches every household in sight: such text is a tail or a name, not a number.
    if (filter.text.length > Math.max(filter.scopePrefix.length, 5))
      householdMatches.push(`s.household_number like ${text} || '%'`);
    // Tails, for digits only: reverse(x) LIKE 'reversed tail%' uses the text_pattern_ops expression indexes.
    if (/^[0-9Xx]+$/.test(filter.text))
      memberMatches.push(`reverse(m.id_number) like reverse(upper(${text})) || '%'`);
    if (/^[0-9]+$/.test(filter.text)) {
      memberMatches.push(`reverse(m.phone) like reverse(${text}) || '%'`);
      householdMatches.push(`reverse(s.phone) like reverse(${text}) || '%'`);
    }
    // Computed once (MATERIALIZED): as a plain sub-select the planner may run it again for every
    // household in scope when it underestimates the matches (seconds, measured).
    withClause = `with matched as materialized (
        select m.household_id as id from member m where m.status = 'active' and (${memberMatches.join(" or ")})
        ${householdMatches.length > 0 ? `union select s.id from household s where ${householdMatches.join(" or ")}` : ""})
     `;
    where.push("h.id in (select id from matched)");
  }
  return { withClause, where: where.join("\n  and "), params };
}

/**
 * Households in scope matching the filter, one page in the requested order, with the total
 * (exact up to `countCap`). Search text (already LIKE-escaped) matches names, household numbers,
 * and ID-number or phone tails.
 */
export async function findHouseholds(
  q: Queryable,
  filter: HouseholdFilter,
  nameMatch: NameMatch = "prefix",
  countCap: number = COUNT_CAP,
): Promise<{
  rows: (Omit<HouseholdListRow, "headIdNumber"> & { headIdNumber: string | null })[];
  total: number;
  totalIsExact: boolean;
}> {
  const { withClause, where, params } = whereOf(filter, nameMatch);
  const direction = filter.order === "desc" ? "desc" : "asc";
  const order = `${SORT_COLUMNS[filter.sort]} ${direction}, h.id ${direction}`;
  const n = params.length;
  const rows = await q.query<Omit<HouseholdListRow, "headIdNumber"> & { headIdNumber: string | null }>(
    `${withClause}select h.id, h.household_number as "householdNumber", h.region_code as "regionCode", r.name as "regionName",
       h.head_name as "headName",
       (select m.id_number from member m where m.household_id = h.id and m.relation = 'head' and m.status = 'active'
        limit 1) as "headIdNumber",
       h.member_count as "memberCount", h.status, h.lifted_year as "liftedYear",
       h.poverty_attribute as "povertyAttribute", h.main_cause as "mainCause",
       h.per_capita_income::text as "perCapitaIncome", h.guarantee_lights as "guaranteeLights",
       h.warning_count as "warningCount", h.version,
       coalesce((select json_agg(json_build_object('id', u.id, 'displayName', u.display_name) order by u.display_name)
                 from household_caseworker c join app_user u on u.id = c.user_id
                 where c.household_id = h.id and c.ended_at is null), '[]'::json) as caseworkers
     from household h join region r on r.code = h.region_code
     where ${where}
     order by ${order}
     limit $${n + 1} offset $${n + 2}`,
    [...params, filter.limit, filter.offset],
  );
  const exact = !Number.isFinite(countCap);
  const [count] = await q.query<{ total: number }>(
    exact
      ? `${withClause}select count(*)::int as total from household h where ${where}`
      : `${withClause}select count(*)::int as total from (select 1 from household h where ${where} limit $${n + 1}) capped`,
    exact ? params : [...params, countCap + 1],
  );
  const counted = count?.total ?? 0;
  return { rows, total: Math.min(counted, countCap), totalIsExact: counted <= countCap };
}
