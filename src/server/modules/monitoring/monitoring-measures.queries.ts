import type { Queryable } from "../../db/db.js";

// Assistance measures of monitoring cases, and the facts a risk-elimination proposal rests on.

export interface MeasureRow {
  id: string;
  kind: string;
  content: string;
  responsible: string;
  startsOn: string;
  dueOn: string;
  status: string;
  outcome: string;
  version: number;
}

const MEASURE_COLUMNS = `id, kind, content, responsible, starts_on::text as "startsOn", due_on::text as "dueOn",
  status, outcome, version`;

/** A case's measures, oldest first. */
export async function findMeasures(q: Queryable, caseId: string): Promise<MeasureRow[]> {
  return q.query<MeasureRow>(
    `select ${MEASURE_COLUMNS} from monitoring_measure where case_id = $1 order by created_at, id`,
    [caseId],
  );
}

export type MeasureWrite = Omit<MeasureRow, "id" | "version">;

/** Adds a measure to a case. */
export async function insertMeasure(
  q: Queryable,
  caseId: string,
  countyCode: string,
  measure: MeasureWrite,
  userId: string,
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into monitoring_measure (case_id, county_code, kind, content, responsible, starts_on, due_on, status,
       outcome, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [
      caseId,
      countyCode,
      measure.kind,
      measure.content,
      measure.responsible,
      measure.startsOn,
      measure.dueOn,
      measure.status,
      measure.outcome,
      userId,
    ],
  );
  return row!.id;
}

/** Updates a case's measure still at `version`; the row before, or undefined when not. */
export async function updateMeasure(
  q: Queryable,
  caseId: string,
  id: string,
  measure: MeasureWrite,
  version: number,
): Promise<MeasureRow | undefined> {
  const rows = await q.query<MeasureRow>(
    `update monitoring_measure m set kind = $3, content = $4, responsible = $5, starts_on = $6, due_on = $7,
       status = $8, outcome = $9, version = m.version + 1, updated_at = now()
     from monitoring_measure before
     where m.id = $2 and m.case_id = $1 and m.version = $10 and before.id = m.id
     returning before.id, before.kind, before.content, before.responsible, before.starts_on::text as "startsOn",
       before.due_on::text as "dueOn", before.status, before.outcome, before.version`,
    [
      caseId,
      id,
      measure.kind,
      measure.content,
      measure.responsible,
      measure.startsOn,
      measure.dueOn,
      measure.status,
      measure.outcome,
      version,
    ],
  );
  return rows[0];
}

/** What a risk-elimination proposal rests on: latest income and its monitoring line, guarantees, measures. */
export async function findEliminationFacts(
  q: Queryable,
  caseId: string,
): Promise<{
  incomeYear: number | null;
  perCapitaIncome: string | null;
  configuredLine: string | null;
  guaranteeLights: Record<string, string>;
  openMeasures: number;
  doneMeasures: number;
}> {
  const [row] = await q.query<{
    incomeYear: number | null;
    perCapitaIncome: string | null;
    configuredLine: string | null;
    guaranteeLights: Record<string, string>;
    openMeasures: number;
    doneMeasures: number;
  }>(
    `select i.year as "incomeYear", i.per_capita_income as "perCapitaIncome",
       (select (r.thresholds ->> 'line') from monitoring_rule r
        where r.county_code = c.county_code and r.year = i.year and r.rule_code = 'income_below_line') as "configuredLine",
       h.guarantee_lights as "guaranteeLights",
       (select count(*)::int from monitoring_measure m where m.case_id = c.id and m.status in ('planned', 'in_progress')) as "openMeasures",
       (select count(*)::int from monitoring_measure m where m.case_id = c.id and m.status = 'done') as "doneMeasures"
     from monitoring_case c join household h on h.id = c.household_id
     left join lateral (select year, per_capita_income from household_income
                        where household_id = h.id order by year desc limit 1) i on true
     where c.id = $1`,
    [caseId],
  );
  return row!;
}
