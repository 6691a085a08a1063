import type { Queryable } from "../../db/db.js";

export interface DifficultyFilter {
  scopePrefix: string;
  /** For caseworkers: only difficulties of households assigned to them now. */
  assignedTo: string | undefined;
  campaignId: string | undefined;
  regionPrefix: string | undefined;
  status: string | undefined;
  kind: string | undefined;
  limit: number;
  offset: number;
}

export interface DifficultyDbRow {
  id: string;
  householdId: string;
  householdNumber: string;
  headName: string;
  regionName: string;
  kind: string;
  note: string;
  status: "open" | "resolved";
  foundOn: string;
  foundBy: string;
  visitId: string;
  resolvedAt: Date | null;
  actions: { actedBy: string; actedOn: string; note: string; resolves: boolean; createdAt: string }[];
}

const WHERE = `p.region_code like $1 || '%'
  and ($2::uuid is null or exists (select 1 from household_caseworker c
       where c.household_id = p.household_id and c.user_id = $2 and c.ended_at is null))
  and ($3::uuid is null or v.campaign_id = $3)
  and ($4::text is null or p.region_code like $4 || '%')
  and ($5::text is null or p.status = $5)
  and ($6::text is null or p.kind = $6)`;

const COLUMNS = `p.id, p.household_id as "householdId", h.household_number as "householdNumber",
  h.head_name as "headName", r.name as "regionName", p.kind, p.note, p.status, v.visited_on as "foundOn",
  u.display_name as "foundBy", p.visit_id as "visitId", p.resolved_at as "resolvedAt",
  coalesce((select json_agg(json_build_object('actedBy', au.display_name, 'actedOn', a.acted_on, 'note', a.note,
                                              'resolves', a.resolves, 'createdAt', a.created_at)
                            order by a.created_at, a.id)
            from visit_problem_action a join app_user au on au.id = a.acted_by where a.problem_id = p.id),
           '[]'::json) as actions`;
const JOINS = `visit_problem p join visit v on v.id = p.visit_id join household h on h.id = p.household_id
  join region r on r.code = p.region_code join app_user u on u.id = v.recorded_by`;

/** Difficulties matching the filter, open first and oldest first, with what was done about each. */
export async function findDifficulties(q: Queryable, filter: DifficultyFilter) {
  const params = [
    filter.scopePrefix,
    filter.assignedTo ?? null,
    filter.campaignId ?? null,
    filter.regionPrefix ?? null,
    filter.status ?? null,
    filter.kind ?? null,
  ];
  const rows = await q.query<DifficultyDbRow>(
    `select ${COLUMNS} from ${JOINS} where ${WHERE}
     order by case p.status when 'open' then 0 else 1 end, v.visited_on, p.visit_id, p.position
     limit $7 offset $8`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await q.query<{ total: number }>(
    `select count(*)::int as total from visit_problem p join visit v on v.id = p.visit_id where ${WHERE}`,
    params,
  );
  return { rows, total: count?.total ?? 0 };
}

/** One difficulty, with what authorisation needs. */
export async function findDifficulty(
  q: Queryable,
  id: string,
): Promise<
  (DifficultyDbRow & { countyCode: string; regionCode: string; caseworkerIds: string[] }) | undefined
> {
  const rows = await q.query<
    DifficultyDbRow & { countyCode: string; regionCode: string; caseworkerIds: string[] }
  >(
    `select ${COLUMNS}, p.county_code as "countyCode", p.region_code as "regionCode",
       coalesce(array(select c.user_id::text from household_caseworker c
                      where c.household_id = p.household_id and c.ended_at is null), '{}') as "caseworkerIds"
     from ${JOINS} where p.id = $1`,
    [id],
  );
  return rows[0];
}

/** Appends an action; one that resolves also closes the difficulty (if still open). */
export async function insertDifficultyAction(
  q: Queryable,
  action: {
    problemId: string;
    countyCode: string;
    actedBy: string;
    actedOn: string;
    note: string;
    resolves: boolean;
  },
): Promise<void> {
  await q.query(
    `insert into visit_problem_action (problem_id, county_code, acted_by, acted_on, note, resolves)
     values ($1, $2, $3, $4, $5, $6)`,
    [action.problemId, action.countyCode, action.actedBy, action.actedOn, action.note, action.resolves],
  );
  if (action.resolves) {
    await q.query(
      `update visit_problem set status = 'resolved', resolved_at = now(), resolved_by = $2
       where id = $1 and status = 'open'`,
      [action.problemId, action.actedBy],
    );
  }
}
