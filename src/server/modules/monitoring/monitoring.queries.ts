import type { Queryable } from "../../db/db.js";

// Rule configuration, rigid spending and alerts. The rules themselves are in monitoring-sweep.queries.ts.

export interface StoredRule {
  ruleCode: string;
  isEnabled: boolean;
  thresholds: Record<string, number | string>;
  effectiveFrom: string;
  effectiveTo: string | null;
  version: number;
  updatedAt: Date;
}

const RULE_COLUMNS = `rule_code as "ruleCode", is_enabled as "isEnabled", thresholds,
  effective_from::text as "effectiveFrom", effective_to::text as "effectiveTo", version, updated_at as "updatedAt"`;

/** The saved rules of a county and year. */
export async function findRules(q: Queryable, countyCode: string, year: number): Promise<StoredRule[]> {
  return q.query<StoredRule>(
    `select ${RULE_COLUMNS} from monitoring_rule where county_code = $1 and year = $2`,
    [countyCode, year],
  );
}

export interface RuleWrite {
  countyCode: string;
  year: number;
  ruleCode: string;
  isEnabled: boolean;
  thresholds: Record<string, number | string>;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** Saves the first configuration of a rule; undefined when someone saved one in between. */
export async function insertRule(
  q: Queryable,
  rule: RuleWrite,
  userId: string | null,
): Promise<StoredRule | undefined> {
  const rows = await q.query<StoredRule>(
    `insert into monitoring_rule (county_code, year, rule_code, is_enabled, thresholds, effective_from,
       effective_to, updated_by)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
     on conflict (county_code, year, rule_code) do nothing
     returning ${RULE_COLUMNS}`,
    [
      rule.countyCode,
      rule.year,
      rule.ruleCode,
      rule.isEnabled,
      JSON.stringify(rule.thresholds),
      rule.effectiveFrom,
      rule.effectiveTo,
      userId,
    ],
  );
  return rows[0];
}

/** Saves a rule still at `version`; undefined when it is not (changed by someone else). */
export async function updateRule(
  q: Queryable,
  rule: RuleWrite,
  version: number,
  userId: string,
): Promise<StoredRule | undefined> {
  const rows = await q.query<StoredRule>(
    `update monitoring_rule set is_enabled = $4, thresholds = $5::jsonb, effective_from = $6,
       effective_to = $7, updated_by = $8, updated_at = now(), version = version + 1
     where county_code = $1 and year = $2 and rule_code = $3 and version = $9
     returning ${RULE_COLUMNS}`,
    [
      rule.countyCode,
      rule.year,
      rule.ruleCode,
      rule.isEnabled,
      JSON.stringify(rule.thresholds),
      rule.effectiveFrom,
      rule.effectiveTo,
      userId,
      version,
    ],
  );
  return rows[0];
}

/** Stores the default configuration of every rule a county lacks for a year (one statement). */
export async function insertDefaultRules(q: Queryable, rules: readonly RuleWrite[]): Promise<void> {
  if (rules.length === 0) return;
  await q.query(
    `insert into monitoring_rule (county_code, year, rule_code, is_enabled, thresholds, effective_from, effective_to)
     select d."countyCode", d.year, d."ruleCode", d."isEnabled", d.thresholds, d."effectiveFrom"::date,
       d."effectiveTo"::date
     from jsonb_to_recordset($1::jsonb) as d("countyCode" text, year int, "ruleCode" text, "isEnabled" boolean,
       thresholds jsonb, "effectiveFrom" text, "effectiveTo" text)
     on conflict (county_code, year, rule_code) do nothing`,
    [JSON.stringify(rules)],
  );
}

/** Rules of a county switched on and in effect on `today` (any year), for the sweep's report. */
export async function findRulesInEffect(
  q: Queryable,
  countyCode: string,
  today: string,
): Promise<{ ruleCode: string; year: number }[]> {
  return q.query(
    `select rule_code as "ruleCode", year from monitoring_rule
     where county_code = $1 and is_enabled and effective_from <= $2::date
       and (effective_to is null or effective_to >= $2::date)
     order by year desc, rule_code`,
    [countyCode, today],
  );
}

export interface StoredSpending {
  year: number;
  medical: string;
  disasterLoss: string;
  other: string;
  version: number;
}

/** A household's rigid spending, newest year first. */
export async function findRigidSpending(q: Queryable, householdId: string): Promise<StoredSpending[]> {
  return q.query<StoredSpending>(
    `select year, medical, disaster_loss as "disasterLoss", other, version
     from household_rigid_spending where household_id = $1 order by year desc`,
    [householdId],
  );
}

/** Records a household's rigid spending of a year if still at `version` (0: none recorded yet). */
export async function upsertRigidSpending(
  q: Queryable,
  row: {
    householdId: string;
    countyCode: string;
    year: number;
    medical: number;
    disasterLoss: number;
    other: number;
  },
  version: number,
  userId: string,
): Promise<StoredSpending | undefined> {
  const rows = await q.query<StoredSpending>(
    `insert into household_rigid_spending as s (household_id, county_code, year, medical, disaster_loss, other, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (household_id, year) do update
       set medical = excluded.medical, disaster_loss = excluded.disaster_loss, other = excluded.other,
           updated_by = excluded.updated_by, updated_at = now(), version = s.version + 1
       where s.version = $8
     returning year, medical, disaster_loss as "disasterLoss", other, version`,
    [row.householdId, row.countyCode, row.year, row.medical, row.disasterLoss, row.other, userId, version],
  );
  // A first record (version 0) that met an existing row, or an update of a moved-on row, returns nothing.
  const saved = rows[0];
  if (!saved || (version === 0 && saved.version !== 1)) return undefined;
  return saved;
}

export interface AlertFilter {
  scopePrefix: string;
  assignedTo?: string | undefined;
  regionPrefix?: string | undefined;
  status?: string | undefined;
  ruleCode?: string | undefined;
  householdId?: string | undefined;
  limit: number;
  offset: number;
}

export interface AlertRow {
  id: string;
  householdId: string;
  householdNumber: string;
  headName: string;
  regionCode: string;
  regionName: string;
  ruleCode: string;
  year: number;
  facts: Record<string, unknown>;
  status: string;
  raisedBy: string;
  raisedAt: Date;
  closedAt: Date | null;
  closeReason: string | null;
}

/** Alerts on households in scope, newest first, one page with the total. */
export async function findAlerts(
  q: Queryable,
  filter: AlertFilter,
): Promise<{ rows: AlertRow[]; total: number }> {
  const rows = await q.query<AlertRow & { total: number }>(
    `select a.id, a.household_id as "householdId", h.household_number as "householdNumber",
       h.head_name as "headName", h.region_code as "regionCode", coalesce(r.name, '') as "regionName",
       a.rule_code as "ruleCode", a.year, a.facts, a.status, a.raised_by as "raisedBy",
       a.raised_at as "raisedAt", a.closed_at as "closedAt", a.close_reason as "closeReason",
       count(*) over () as total
     from monitoring_alert a
     join household h on h.id = a.household_id
     left join region r on r.code = h.region_code
     where h.region_code like $1 || '%'
       and ($2::uuid is null or exists (select 1 from household_caseworker c
            where c.household_id = h.id and c.user_id = $2 and c.ended_at is null))
       and ($3::text is null or h.region_code like $3 || '%')
       and ($4::text is null or a.status = $4)
       and ($5::text is null or a.rule_code = $5)
       and ($6::uuid is null or a.household_id = $6)
     order by a.raised_at desc, a.id
     limit $7 offset $8`,
    [
      filter.scopePrefix,
      filter.assignedTo ?? null,
      filter.regionPrefix ?? null,
      filter.status ?? null,
      filter.ruleCode ?? null,
      filter.householdId ?? null,
      filter.limit,
      filter.offset,
    ],
  );
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** An alert with its household's scope facts. */
export async function findAlertScope(
  q: Queryable,
  id: string,
): Promise<
  { id: string; householdId: string; status: string; regionCode: string; caseworkerIds: string[] } | undefined
> {
  const rows = await q.query<{
    id: string;
    householdId: string;
    status: string;
    regionCode: string;
    caseworkerIds: string[];
  }>(
    `select a.id, a.household_id as "householdId", a.status, h.region_code as "regionCode",
       coalesce(array(select c.user_id::text from household_caseworker c
                      where c.household_id = h.id and c.ended_at is null), '{}') as "caseworkerIds"
     from monitoring_alert a join household h on h.id = a.household_id where a.id = $1`,
    [id],
  );
  return rows[0];
}

/** Closes an open alert; false when it was no longer open. */
export async function closeAlert(
  q: Queryable,
  id: string,
  status: "dismissed" | "in_case",
  userId: string,
  reason: string,
): Promise<boolean> {
  const rows = await q.query(
    `update monitoring_alert set status = $2, closed_at = now(), closed_by = $3, close_reason = $4
     where id = $1 and status = 'open' returning 1`,
    [id, status, userId, reason],
  );
  return rows.length > 0;
}
