import type { RegionSummary } from "../../../shared/api/regions.api.js";
import { ancestorCodesOf } from "../../../shared/division-code.js";
import type { RegionLevel } from "../../../shared/roles.js";
import type { Queryable } from "../../db/db.js";

export interface RegionInsert {
  code: string;
  parentCode: string | null;
  level: RegionLevel;
  name: string;
  countyCode: string | null;
}

/**
 * Inserts official regions in one statement, skipping codes already present (parents must come
 * before children in `rows`). Returns how many were new.
 */
export async function insertOfficialRegions(q: Queryable, rows: readonly RegionInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await q.query<{ code: string }>(
    `insert into region (code, parent_code, level, name, county_code, source)
     select code, parent_code, level, name, county_code, 'official'
     from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       with ordinality as t(code, parent_code, level, name, county_code, n)
     order by n
     on conflict (code) do nothing
     returning code`,
    [
      rows.map((r) => r.code),
      rows.map((r) => r.parentCode),
      rows.map((r) => r.level),
      rows.map((r) => r.name),
      rows.map((r) => r.countyCode),
    ],
  );
  return inserted.length;
}

const SUMMARY_COLUMNS = `r.code, r.name, r.level, r.parent_code as "parentCode", r.source, r.version,
  (select count(*)::int from region c where c.parent_code = r.code) as "childCount"`;

/** One region by code. */
export async function findRegion(q: Queryable, code: string): Promise<RegionSummary | undefined> {
  const rows = await q.query<RegionSummary>(`select ${SUMMARY_COLUMNS} from region r where r.code = $1`, [
    code,
  ]);
  return rows[0];
}

/** The children of a region ordered by code. */
export async function findChildRegions(q: Queryable, code: string): Promise<RegionSummary[]> {
  return q.query<RegionSummary>(
    `select ${SUMMARY_COLUMNS} from region r where r.parent_code = $1 order by r.code`,
    [code],
  );
}

/**
 * The ancestors of a region from the root down, excluding the region itself: the regions whose
 * codes its own code names (a child's code always starts with its parent's digits), each read by
 * its primary key.
 */
export async function findRegionAncestors(q: Queryable, code: string): Promise<RegionSummary[]> {
  const ancestors = ancestorCodesOf(code);
  const rows = await q.query<RegionSummary>(
    `select ${SUMMARY_COLUMNS} from region r where r.code = any($1)`,
    [ancestors],
  );
  return rows.sort((a, b) => ancestors.indexOf(a.code) - ancestors.indexOf(b.code));
}

/** Regions under a code prefix whose name contains `text` or whose code starts with it, with their path. */
export async function searchRegionsWithin(
  q: Queryable,
  scopePrefix: string,
  text: string,
  level: RegionLevel | undefined,
  limit: number,
): Promise<(RegionSummary & { path: string })[]> {
  return q.query(
    `select ${SUMMARY_COLUMNS},
       coalesce((select string_agg(a.name, ' / ' order by a.code) from region a
                 where a.code <> r.code and a.level <> 'nation' and a.code in (
                   rpad(left(r.code, 2), 12, '0'), rpad(left(r.code, 4), 12, '0'), rpad(left(r.code, 6), 12, '0'),
                   rpad(left(r.code, 9), 12, '0'), left(r.code, 12))), '') as path
     from region r
     where r.code like $1 || '%' and r.level <> 'nation'
       and ($2 = '' or r.name like '%' || $2 || '%' or r.code like $2 || '%')
       and ($3::text is null or r.level = $3)
     order by length(r.code), r.code
     limit $4`,
    [scopePrefix, text, level ?? null, limit],
  );
}

/** Adds a region created by an administrator. */
export async function insertLocalRegion(q: Queryable, row: RegionInsert): Promise<void> {
  await q.query(
    `insert into region (code, parent_code, level, name, county_code, source) values ($1, $2, $3, $4, $5, 'local')`,
    [row.code, row.parentCode, row.level, row.name, row.countyCode],
  );
}

/** Renames a region if it is still at `version`; false when someone changed it first. */
export async function updateRegionName(
  q: Queryable,
  code: string,
  name: string,
  version: number,
): Promise<boolean> {
  const rows = await q.query(
    `update region set name = $2, version = version + 1, updated_at = now() where code = $1 and version = $3 returning code`,
    [code, name, version],
  );
  return rows.length > 0;
}

/** How many regions exist (zero on a new database). */
export async function countRegions(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>("select count(*)::int as n from region");
  return row?.n ?? 0;
}
