import type { Queryable } from "../../db/db.js";
import type { ListRow } from "./monitoring-list-read.js";

// Department screening lists: stored, matched to active members by ID number and turned into
// alerts, each step one statement over the whole list.

export interface ListHeader {
  id: string;
  countyCode: string;
  department: string;
  fileName: string;
  uploadedBy: string | null;
  uploadedAt: Date;
  rowCount: number;
  matchedCount: number;
  unmatchedCount: number;
  alertCount: number;
  isRuleSwitchedOff: boolean;
}

const HEADER_COLUMNS = `id, county_code as "countyCode", department, file_name as "fileName",
  uploaded_by_username as "uploadedBy", uploaded_at as "uploadedAt", row_count as "rowCount",
  matched_count as "matchedCount", unmatched_count as "unmatchedCount", alert_count as "alertCount",
  is_rule_switched_off as "isRuleSwitchedOff"`;

/** Whether the county's department_list rule in effect today is switched off. */
export async function isListRuleSwitchedOff(
  q: Queryable,
  countyCode: string,
  today: string,
): Promise<boolean> {
  const rows = await q.query<{ off: boolean }>(
    `select bool_and(not is_enabled) as off from monitoring_rule
     where county_code = $1 and rule_code = 'department_list' and effective_from <= $2::date
       and (effective_to is null or effective_to >= $2::date)`,
    [countyCode, today],
  );
  return rows[0]?.off === true;
}

/**
 * Stores a list and its rows, each row matched to the active member with its ID number in a
 * household of the county; returns the list's id.
 */
export async function insertListWithMatches(
  q: Queryable,
  list: {
    countyCode: string;
    department: string;
    fileName: string;
    fileSha256: string;
    userId: string;
    username: string;
    isRuleSwitchedOff: boolean;
  },
  rows: readonly ListRow[],
): Promise<string> {
  const [inserted] = await q.query<{ id: string }>(
    `insert into monitoring_list (county_code, department, file_name, file_sha256, uploaded_by, uploaded_by_username,
       row_count, matched_count, unmatched_count, alert_count, is_rule_switched_off)
     values ($1, $2, $3, $4, $5, $6, $7, 0, 0, 0, $8) returning id`,
    [
      list.countyCode,
      list.department,
      list.fileName,
      list.fileSha256,
      list.userId,
      list.username,
      rows.length,
      list.isRuleSwitchedOff,
    ],
  );
  const listId = inserted!.id;
  await q.query(
    `insert into monitoring_list_row (list_id, county_code, row_number, id_number, name, reason, member_id, household_id)
     select $1, $2, d.row, d."idNumber", d.name, d.reason, m.id, m.household_id
     from jsonb_to_recordset($3::jsonb) as d(row int, "idNumber" text, name text, reason text)
     left join lateral (
       select m.id, m.household_id from member m join household h on h.id = m.household_id
       where m.id_number = d."idNumber" and m.status = 'active' and h.county_code = $2 and h.status <> 'removed'
     ) m on true`,
    [listId, list.countyCode, JSON.stringify(rows)],
  );
  return listId;
}

/**
 * Raises one department_list alert per matched household (none while one is open: the partial
 * unique index), with the list's rows about it as the facts; then stores the counts.
 */
export async function raiseListAlerts(
  q: Queryable,
  listId: string,
  year: number,
  isRuleSwitchedOff: boolean,
): Promise<void> {
  await q.query(
    `with matched as (
       select r.household_id, min(l.county_code) as county_code,
         jsonb_build_object('listId', l.id, 'department', l.department, 'fileName', l.file_name,
           'people', jsonb_agg(jsonb_build_object('row', r.row_number, 'name', m.name,
             'idNumberTail', right(r.id_number, 4), 'reason', r.reason) order by r.row_number)) as facts
       from monitoring_list_row r
       join monitoring_list l on l.id = r.list_id
       join member m on m.id = r.member_id
       where r.list_id = $1 and r.household_id is not null
       group by r.household_id, l.id, l.department, l.file_name
     ),
     raised as (
       insert into monitoring_alert (county_code, household_id, rule_code, year, source_key, facts, raised_by, list_id)
       select county_code, household_id, 'department_list', $2, $1::text, facts, 'list', $1 from matched
       where not $3::boolean
       on conflict (household_id, rule_code) where status = 'open' do nothing
       returning 1
     )
     update monitoring_list set
       matched_count = (select count(*) from monitoring_list_row where list_id = $1 and member_id is not null),
       unmatched_count = (select count(*) from monitoring_list_row where list_id = $1 and member_id is null),
       alert_count = (select count(*) from raised)
     where id = $1`,
    [listId, year, isRuleSwitchedOff],
  );
}

/** A list's header. */
export async function findList(q: Queryable, id: string): Promise<ListHeader | undefined> {
  const rows = await q.query<ListHeader>(`select ${HEADER_COLUMNS} from monitoring_list where id = $1`, [id]);
  return rows[0];
}

/** Lists of counties within a scope, newest first, with the total. */
export async function findLists(
  q: Queryable,
  scopePrefix: string,
  limit: number,
  offset: number,
): Promise<{ rows: ListHeader[]; total: number }> {
  const rows = await q.query<ListHeader & { total: number }>(
    `select ${HEADER_COLUMNS}, count(*) over () as total from monitoring_list
     where county_code like $1 || '%'
     order by uploaded_at desc, id limit $2 offset $3`,
    [scopePrefix, limit, offset],
  );
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** Rows of a list matched to nobody; `elsewhere` when the person is an active member in another county. */
export async function findUnmatchedRows(
  q: Queryable,
  listId: string,
): Promise<{ row: number; idNumber: string; name: string; reason: string; elsewhere: string | null }[]> {
  return q.query(
    `select r.row_number as row, r.id_number as "idNumber", r.name, r.reason,
       (select case when h.status = 'removed' then 'removed' else h.county_code end
        from member m join household h on h.id = m.household_id
        where m.id_number = r.id_number and m.status = 'active') as elsewhere
     from monitoring_list_row r where r.list_id = $1 and r.member_id is null
     order by r.row_number`,
    [listId],
  );
}
