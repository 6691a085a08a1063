import type { BriefingDetail, BriefingSummary } from "../../../shared/api/briefings.api.js";
import type { Queryable } from "../../db/db.js";

const SUMMARY = `b.id, b.region_code as "regionCode", r.name as "regionName", b.title,
  b.period_start::text as "periodStart", b.period_end::text as "periodEnd", b.status,
  b.issue_year as "issueYear", b.issue_number as "issueNumber", b.issued_on::text as "issuedOn",
  b.issuing_office as "issuingOffice", b.created_at as "createdAt", b.updated_at as "updatedAt", b.version`;
const DETAIL = `${SUMMARY}, b.sections, b.distribution, b.counted_at as "countedAt"`;

type Stamped<T, K extends keyof T> = Omit<T, K> & { [P in K]: Date };
type SummaryRow = Stamped<BriefingSummary, "createdAt" | "updatedAt">;
type DetailRow = Stamped<BriefingDetail, "createdAt" | "updatedAt" | "countedAt">;

/** Timestamps leave as ISO text, as every API timestamp does. */
function summaryOf(row: SummaryRow): BriefingSummary {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}
function detailOf(row: DetailRow): BriefingDetail {
  return {
    ...summaryOf(row),
    sections: row.sections,
    distribution: row.distribution,
    countedAt: row.countedAt.toISOString(),
  };
}

export interface BriefingInsert {
  countyCode: string;
  regionCode: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  sections: unknown;
  figures: unknown;
  countedAt: string;
  createdBy: string;
}

export async function insertBriefing(q: Queryable, row: BriefingInsert): Promise<string> {
  const [inserted] = await q.query<{ id: string }>(
    `insert into briefing (county_code, region_code, title, period_start, period_end, sections, figures,
       counted_at, status, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9) returning id`,
    [
      row.countyCode,
      row.regionCode,
      row.title,
      row.periodStart,
      row.periodEnd,
      JSON.stringify(row.sections),
      JSON.stringify(row.figures),
      row.countedAt,
      row.createdBy,
    ],
  );
  return inserted!.id;
}

export async function findBriefing(q: Queryable, id: string): Promise<BriefingDetail | undefined> {
  const [row] = await q.query<DetailRow>(
    `select ${DETAIL} from briefing b join region r on r.code = b.region_code where b.id = $1`,
    [id],
  );
  return row ? detailOf(row) : undefined;
}

export async function findBriefings(
  q: Queryable,
  filter: { scopePrefix: string; status?: string | undefined; limit: number; offset: number },
): Promise<{ rows: BriefingSummary[]; total: number }> {
  const where = `b.region_code like $1 || '%' and ($2::text is null or b.status = $2)`;
  const params = [filter.scopePrefix, filter.status ?? null];
  const rows = await q.query<SummaryRow>(
    `select ${SUMMARY} from briefing b join region r on r.code = b.region_code
     where ${where} order by b.created_at desc, b.id limit $3 offset $4`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await q.query<{ total: number }>(
    `select count(*)::int as total from briefing b where ${where}`,
    params,
  );
  return { rows: rows.map(summaryOf), total: count?.total ?? 0 };
}

/** Saves a draft's title and sections if it is still the given version; false otherwise. */
export async function updateBriefingDraft(
  q: Queryable,
  id: string,
  change: { title: string; sections: unknown; version: number },
): Promise<boolean> {
  const rows = await q.query(
    `update briefing set title = $2, sections = $3, version = version + 1, updated_at = now()
     where id = $1 and version = $4 and status = 'draft' returning id`,
    [id, change.title, JSON.stringify(change.sections), change.version],
  );
  return rows.length === 1;
}

/**
 * Holds, until the transaction ends, the right to number the region's briefings: two issues at
 * once never get the same number (call it in its own statement, before issueBriefingDraft, so the
 * issue reads the numbers committed meanwhile).
 */
export async function lockBriefingNumbers(q: Queryable, regionCode: string): Promise<void> {
  await q.query("select pg_advisory_xact_lock(7263503, hashtext($1))", [regionCode]);
}

/** Issues a draft with the next number of its region's year (第N期), if it is still the given version. */
export async function issueBriefingDraft(
  q: Queryable,
  id: string,
  issue: { issuedOn: string; issuingOffice: string; distribution: string; version: number; issuedBy: string },
): Promise<boolean> {
  const year = Number(issue.issuedOn.slice(0, 4));
  const rows = await q.query(
    `update briefing b set status = 'issued', issue_year = $2,
       issue_number = (select coalesce(max(o.issue_number), 0) + 1 from briefing o
                       where o.region_code = b.region_code and o.issue_year = $2),
       issued_on = $3, issuing_office = $4, distribution = $5, issued_by = $6, issued_at = now(),
       version = version + 1, updated_at = now()
     where id = $1 and version = $7 and status = 'draft' returning id`,
    [id, year, issue.issuedOn, issue.issuingOffice, issue.distribution, issue.issuedBy, issue.version],
  );
  return rows.length === 1;
}
