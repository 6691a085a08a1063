import type { Queryable } from "../../db/db.js";

// Monitoring cases and their steps (settings and measures: their own .queries.ts files).

export interface CaseRow {
  id: string;
  countyCode: string;
  householdId: string;
  householdNumber: string;
  headName: string;
  regionCode: string;
  regionName: string;
  caseworkerIds: string[];
  perCapitaIncome: string | null;
  origin: "alert" | "application";
  applicantName: string | null;
  applicantStatement: string | null;
  appliedOn: string | null;
  stage: string;
  stageEnteredAt: Date;
  stageDueOn: string | null;
  monitoringType: string | null;
  riskTypes: string[];
  rejectionReason: string | null;
  openedAt: Date;
  identifiedAt: Date | null;
  closedAt: Date | null;
  watchUntil: string | null;
  version: number;
}

const CASE_COLUMNS = `c.id, c.county_code as "countyCode", c.household_id as "householdId",
  h.household_number as "householdNumber", h.head_name as "headName", h.region_code as "regionCode",
  coalesce(r.name, '') as "regionName", h.per_capita_income as "perCapitaIncome", c.origin,
  c.applicant_name as "applicantName", c.applicant_statement as "applicantStatement",
  c.applied_on::text as "appliedOn", c.stage, c.stage_entered_at as "stageEnteredAt",
  c.stage_due_on::text as "stageDueOn", c.monitoring_type as "monitoringType", c.risk_types as "riskTypes",
  c.rejection_reason as "rejectionReason", c.opened_at as "openedAt", c.identified_at as "identifiedAt",
  c.closed_at as "closedAt", c.watch_until::text as "watchUntil", c.version`;

/** One case with its household's summary and scope facts. */
export async function findCase(q: Queryable, id: string): Promise<CaseRow | undefined> {
  const rows = await q.query<CaseRow>(
    `select ${CASE_COLUMNS},
       coalesce(array(select w.user_id::text from household_caseworker w
                      where w.household_id = h.id and w.ended_at is null), '{}') as "caseworkerIds"
     from monitoring_case c join household h on h.id = c.household_id left join region r on r.code = h.region_code
     where c.id = $1`,
    [id],
  );
  return rows[0];
}

/** Opens a case; undefined when the household already has one in progress. */
export async function insertCase(
  q: Queryable,
  row: {
    countyCode: string;
    householdId: string;
    origin: "alert" | "application";
    applicantName: string | null;
    applicantStatement: string | null;
    appliedOn: string | null;
    stage: string;
    stageDueOn: string | null;
    openedBy: string;
  },
): Promise<string | undefined> {
  const rows = await q.query<{ id: string }>(
    `insert into monitoring_case (county_code, household_id, origin, applicant_name, applicant_statement, applied_on,
       stage, stage_due_on, opened_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (household_id) where stage not in ('closed', 'rejected') do nothing
     returning id`,
    [
      row.countyCode,
      row.householdId,
      row.origin,
      row.applicantName,
      row.applicantStatement,
      row.appliedOn,
      row.stage,
      row.stageDueOn,
      row.openedBy,
    ],
  );
  return rows[0]?.id;
}

/** Takes open alerts of a household into a case; returns how many were taken. */
export async function takeAlertsIntoCase(
  q: Queryable,
  caseId: string,
  householdId: string,
  alertIds: readonly string[],
  userId: string,
): Promise<number> {
  const rows = await q.query(
    `update monitoring_alert set status = 'in_case', case_id = $1, closed_at = now(), closed_by = $4,
       close_reason = '纳入监测对象识别'
     where id = any($3::uuid[]) and household_id = $2 and status = 'open' returning 1`,
    [caseId, householdId, alertIds, userId],
  );
  return rows.length;
}

export interface CaseChange {
  stage: string;
  stageDueOn: string | null;
  monitoringType?: string | undefined;
  riskTypes?: readonly string[] | undefined;
  rejectionReason?: string | undefined;
  isIdentified?: boolean;
  isClosed?: boolean;
  watchUntil?: string | null | undefined;
}

/** Moves a case still at `version` to its next stage; false when someone moved it first. */
export async function updateCaseStage(
  q: Queryable,
  id: string,
  version: number,
  change: CaseChange,
): Promise<boolean> {
  const rows = await q.query(
    `update monitoring_case set stage = $3, stage_entered_at = now(), stage_due_on = $4,
       monitoring_type = coalesce($5, monitoring_type),
       risk_types = coalesce($6::text[], risk_types),
       rejection_reason = coalesce($7, rejection_reason),
       identified_at = case when $8 then now() else identified_at end,
       closed_at = case when $9 then now() when $3 = 'monitored' then null else closed_at end,
       watch_until = case when $9 then $10::date when $3 = 'monitored' then null else watch_until end,
       version = version + 1
     where id = $1 and version = $2 returning 1`,
    [
      id,
      version,
      change.stage,
      change.stageDueOn,
      change.monitoringType ?? null,
      change.riskTypes ?? null,
      change.rejectionReason ?? null,
      change.isIdentified ?? false,
      change.isClosed ?? false,
      change.watchUntil ?? null,
    ],
  );
  return rows.length > 0;
}

/** Records one step of a case. */
export async function insertCaseStep(
  q: Queryable,
  step: {
    caseId: string;
    countyCode: string;
    action: string;
    fromStage: string | null;
    toStage: string;
    actor: { id: string; username: string; role: string };
    comment: string;
    details: Record<string, unknown>;
    wasOverdue: boolean;
  },
): Promise<void> {
  await q.query(
    `insert into monitoring_case_step (case_id, county_code, action, from_stage, to_stage, actor_id, actor_username,
       actor_role, comment, details, was_overdue)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11)`,
    [
      step.caseId,
      step.countyCode,
      step.action,
      step.fromStage,
      step.toStage,
      step.actor.id,
      step.actor.username,
      step.actor.role,
      step.comment,
      JSON.stringify(step.details),
      step.wasOverdue,
    ],
  );
}

export interface CaseStepRow {
  action: string;
  fromStage: string | null;
  toStage: string;
  actorUsername: string | null;
  actorRole: string | null;
  comment: string;
  details: Record<string, unknown>;
  wasOverdue: boolean;
  occurredAt: Date;
}

/** A case's steps, oldest first. */
export async function findCaseSteps(q: Queryable, caseId: string): Promise<CaseStepRow[]> {
  return q.query<CaseStepRow>(
    `select action, from_stage as "fromStage", to_stage as "toStage", actor_username as "actorUsername",
       actor_role as "actorRole", comment, details, was_overdue as "wasOverdue", occurred_at as "occurredAt"
     from monitoring_case_step where case_id = $1 order by occurred_at, id`,
    [caseId],
  );
}

/** Alerts taken into a case. */
export async function findCaseAlerts(
  q: Queryable,
  caseId: string,
): Promise<{ id: string; ruleCode: string; year: number; facts: Record<string, unknown>; raisedAt: Date }[]> {
  return q.query(
    `select id, rule_code as "ruleCode", year, facts, raised_at as "raisedAt"
     from monitoring_alert where case_id = $1 order by raised_at`,
    [caseId],
  );
}

export interface CaseFilter {
  scopePrefix: string;
  assignedTo?: string | undefined;
  regionPrefix?: string | undefined;
  stage?: string | undefined;
  monitoringType?: string | undefined;
  riskType?: string | undefined;
  householdId?: string | undefined;
  isOverdue?: boolean | undefined;
  stages?: readonly string[] | undefined;
  today: string;
  limit: number;
  offset: number;
}

/** Cases on households in scope, newest first, one page with the total. */
export async function findCases(
  q: Queryable,
  filter: CaseFilter,
): Promise<{ rows: Omit<CaseRow, "caseworkerIds">[]; total: number }> {
  const rows = await q.query<Omit<CaseRow, "caseworkerIds"> & { total: number }>(
    `select ${CASE_COLUMNS}, count(*) over () as total
     from monitoring_case c join household h on h.id = c.household_id left join region r on r.code = h.region_code
     where h.region_code like $1 || '%'
       and ($2::uuid is null or exists (select 1 from household_caseworker w
            where w.household_id = h.id and w.user_id = $2 and w.ended_at is null))
       and ($3::text is null or h.region_code like $3 || '%')
       and ($4::text is null or c.stage = $4)
       and ($5::text is null or c.monitoring_type = $5)
       and ($6::text is null or $6 = any(c.risk_types))
       and ($7::uuid is null or c.household_id = $7)
       and ($8::boolean is null or (coalesce(c.stage_due_on < $9::date, false)) = $8)
       and ($12::text[] is null or c.stage = any($12::text[]))
     order by c.opened_at desc, c.id
     limit $10 offset $11`,
    [
      filter.scopePrefix,
      filter.assignedTo ?? null,
      filter.regionPrefix ?? null,
      filter.stage ?? null,
      filter.monitoringType ?? null,
      filter.riskType ?? null,
      filter.householdId ?? null,
      filter.isOverdue ?? null,
      filter.today,
      filter.limit,
      filter.offset,
      filter.stages ?? null,
    ],
  );
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}
