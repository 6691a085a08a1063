import type { HouseholdListRow } from "../../../shared/api/households.api.js";
import type { Queryable } from "../../db/db.js";

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

const SORT_COLUMNS: Record<HouseholdFilter["sort"], string> = {
  householdNumber: "h.household_number",
  headName: "h.head_name",
  perCapitaIncome: "h.per_capita_income",
  memberCount: "h.member_count",
  updatedAt: "h.updated_at",
};

const WHERE = `h.region_code like $1 || '%'
  and ($2::uuid is null or exists (select 1 from household_caseworker c
       where c.household_id = h.id and c.user_id = $2 and c.ended_at is null))
  and ($3::text is null or h.region_code like $3 || '%')
  and ($4::text is null or h.status = $4)
  and ($5::text is null or h.poverty_attribute = $5)
  and ($6::text is null or h.main_cause = $6 or $6 = any(h.secondary_causes))
  and ($7::numeric is null or h.per_capita_income < $7)
  and ($8::numeric is null or h.per_capita_income >= $8)
  and ($9::text is null or h.guarantee_lights ->> $9 = 'red')
  and ($10::uuid is null or exists (select 1 from household_caseworker c
       where c.household_id = h.id and c.user_id = $10 and c.ended_at is null))
  and ($11::boolean is null or (h.warning_count > 0) = $11)
  and ($12 = '' or h.head_name like '%' || $12 || '%' or h.household_number like $12 || '%'
       or right(coalesce(h.phone, ''), length($12)) = $12
       or exists (select 1 from member m where m.household_id = h.id and m.status = 'active'
                  and (m.name like '%' || $12 || '%' or right(m.id_number, length($12)) = upper($12)
                       or right(coalesce(m.phone, ''), length($12)) = $12)))`;

/**
 * Households in scope matching the filter, one page in the requested order, with the total.
 * Search text (already LIKE-escaped) matches names, household numbers, and ID-number or phone tails.
 */
export async function findHouseholds(
  q: Queryable,
  filter: HouseholdFilter,
): Promise<{
  rows: (Omit<HouseholdListRow, "headIdNumber"> & { headIdNumber: string | null })[];
  total: number;
}> {
  const params = [
    filter.scopePrefix,
    filter.assignedTo ?? null,
    filter.regionPrefix ?? null,
    filter.status ?? null,
    filter.povertyAttribute ?? null,
    filter.cause ?? null,
    filter.incomeBelow ?? null,
    filter.incomeAtLeast ?? null,
    filter.guaranteeAtRisk ?? null,
    filter.caseworkerId ?? null,
    filter.hasWarnings ?? null,
    filter.text,
  ];
  const order = `${SORT_COLUMNS[filter.sort]} ${filter.order === "desc" ? "desc nulls last" : "asc nulls last"}, h.id`;
  const rows = await q.query<Omit<HouseholdListRow, "headIdNumber"> & { headIdNumber: string | null }>(
    `select h.id, h.household_number as "householdNumber", h.region_code as "regionCode", r.name as "regionName",
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
     where ${WHERE}
     order by ${order}
     limit $13 offset $14`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await q.query<{ total: number }>(
    `select count(*)::int as total from household h where ${WHERE}`,
    params,
  );
  return { rows, total: count?.total ?? 0 };
}
