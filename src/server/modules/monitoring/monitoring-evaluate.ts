import { SWEPT_RULE_CODES } from "../../../shared/monitoring-rules.js";
import type { Queryable } from "../../db/db.js";
import { type EvaluationCounts, evaluateRules, prepareSweep } from "./monitoring-sweep.queries.js";

/** The calendar day (UTC) rules are evaluated on, as YYYY-MM-DD. */
export function evaluationDay(today: Date): string {
  return today.toISOString().slice(0, 10);
}

/**
 * Re-evaluates the monitoring rules for some households after they changed (a household saved, a
 * member moved, rigid spending recorded): the sweep's own statement, limited to these households.
 * Not an authorised service method: callers have already checked the actor may write them.
 */
export async function evaluateHouseholds(
  q: Queryable,
  householdIds: readonly string[],
  today = new Date(),
): Promise<EvaluationCounts> {
  if (householdIds.length === 0) return { firing: 0, raised: 0, refreshed: 0, cleared: 0 };
  return evaluateRules(
    q,
    { countyCode: null, householdIds: [...new Set(householdIds)] },
    { today: evaluationDay(today), raisedBy: "household", ruleCodes: SWEPT_RULE_CODES },
  );
}

/** Evaluates every swept rule over all households of a county, in one statement. */
export async function evaluateCounty(
  q: Queryable,
  countyCode: string,
  today = new Date(),
): Promise<EvaluationCounts> {
  await prepareSweep(q);
  return evaluateRules(
    q,
    { countyCode, householdIds: null },
    { today: evaluationDay(today), raisedBy: "sweep", ruleCodes: SWEPT_RULE_CODES },
  );
}
