import type { HouseholdListRow } from "../../../shared/api/households.api.js";
import type { Queryable } from "../../db/db.js";

// The household list at province scale. Every condition, search and order here is served by an
// index of migration 20261123-02 (measured by bench/households.bench.ts):
// - Only the conditions the filter sets are in the SQL: PostgreSQL drives an EXISTS / IN from an
//   index only when it stands alone in the WHERE, not inside `($n is null or ...)`.
// - A county scope is said as county_code = ..., so the unique (county_code, household_number)
//   yields the page in order.
// - Search is one MATERIALIZED set of matching households (names by prefix, ID-number and phone
//   tails through reverse(...) LIKE, household-number prefixes), each part from its own index.
// - The order is `<column> <dir>, h.id <dir>`: one btree (column, id) serves both directions.
// - The count stops after COUNT_CAP matches: an exact count of a province costs 100-300 ms
//   whatever the index, and "more than 10,000" is all a pager needs to say.

export interface HouseholdFilter {
  scopePrefix: string;
  /** For caseworkers: only households assigned to this user. */
  assignedTo?: string | undefined;
  text: string;
  regionPrefix?: string | undefined;
  status?: string | undefined;
  povertyAttribute?: string | undefined;
  cause?: string | undefined;
  incomeBelow?: number | undefined;
  incomeAtLeast?: number | undefined;
  guaranteeAtRisk?: string | undefined;
  caseworkerId?: string | undefined;
  hasWarnings?: boolean | undefined;
  sort: "householdNumber" | "headName" | "perCapitaIncome" | "memberCount" | "updatedAt";
  order: "asc" | "desc";
  limit: number;
  offset: number;
}

/** Beyond this many matches the list reports "more than COUNT_CAP" instead of counting them all. */
export const COUNT_CAP = 10_000;

const SORT_COLUMNS: Record<HouseholdFilter["sort"], string> = {
  householdNumber: "h.household_number",
  headName: "h.head_name",
  perCapitaIncome: "h.per_capita_income",
  memberCount: "h.member_count",
  updatedAt: "h.updated_at",
};

/**
 * The WHERE clause and its parameters, with only the conditions the filter sets. Leaving a condition
 * out (rather than `$n is null or ...`) matters for the sub-selects: PostgreSQL turns an EXISTS or
 * IN into a join it can drive from an index only when it stands alone in the WHERE, not inside an OR.
 */
function whereOf(filter: HouseholdFilter): { withClause: string; where: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // The region condition: a region filter inside the scope replaces the scope's (it implies it). A
  // county (6 digits) is said as county_code = '...000000': the same households, and
  // (county_code, household_number) then yields the page in order, where a LIKE on region_code had
  // the planner walk household_number across the province looking for the county (240 ms).
  const { scopePrefix, regionPrefix } = filter;
  const narrowest = regionPrefix?.startsWith(scopePrefix) ? regionPrefix : scopePrefix;
  const countyCode = narrowest.slice(0, 6).padEnd(12, "0");
  const where = [
    narrowest.length === 6 ? `h.county_code = ${p(countyCode)}` : `h.region_code like ${p(narrowest)} || '%'`,
  ];
  if (regionPrefix && regionPrefix !== narrowest) where.push(`h.region_code like ${p(regionPrefix)} || '%'`);
  // Below a county, name the county too when nothing else narrows the query (no search, no
  // caseworker): the page is then read in order within one county, not walked for province-wide.
  // Not otherwise: the planner multiplies the two selectivities (which are one), expects a single
  // household, and drives the join from the wrong side (300 ms for a search, 10 ms for a caseworker).
  if (narrowest.length > 6 && !filter.text && !filter.assignedTo && !filter.caseworkerId)
    where.push(`h.county_code = ${p(countyCode)}`);
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
    // Names match from their start (a full name, or a surname and what follows): served by
    // member_active_name_idx. A match anywhere in the name would need a trigram index.
    const active = "select m.household_id from member m where m.status = 'active' and";
    // Each a separate select, so each is an index-only scan of its partial index (which carries
    // household_id): an OR would make one bitmap scan that visits the member table for every match.
    const matches = [`${active} m.name like ${text} || '%'`];
    // A household-number prefix no longer than the scope's own digits (or than a county code)
    // matches every household in sight: such text is a tail or a name, not a number.
    if (filter.text.length > Math.max(filter.scopePrefix.length, 5))
      matches.push(`select s.id from household s where s.household_number like ${text} || '%'`);
    // Tails, for digits only: reverse(x) LIKE 'reversed tail%' uses the text_pattern_ops expression indexes.
    if (/^[0-9Xx]+$/.test(filter.text))
      matches.push(`${active} reverse(m.id_number) like reverse(upper(${text})) || '%'`);
    if (/^[0-9]+$/.test(filter.text)) {
      matches.push(`${active} reverse(m.phone) like reverse(${text}) || '%'`);
      matches.push(`select s.id from household s where reverse(s.phone) like reverse(${text}) || '%'`);
    }
    // Computed once (MATERIALIZED): as a plain sub-select the planner may run it again for every
    // household in scope when it underestimates the matches (seconds, measured).
    withClause = `with matched (id) as materialized (${matches.join("\n        union ")})\n     `;
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
  countCap: number = COUNT_CAP,
): Promise<{
  rows: (Omit<HouseholdListRow, "headIdNumber"> & { headIdNumber: string | null })[];
  total: number;
  totalIsExact: boolean;
}> {
  const { withClause, where, params } = whereOf(filter);
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
