import type { Queryable } from "../../db/db.js";

// A county's case settings: stage deadlines and the watch period after risk elimination.

export interface StoredCaseSettings {
  deadlines: Record<string, number>;
  watchMonths: number;
  version: number;
}

/** A county's case settings, when saved. */
export async function findCaseSettings(
  q: Queryable,
  countyCode: string,
): Promise<StoredCaseSettings | undefined> {
  const rows = await q.query<StoredCaseSettings>(
    `select deadlines, watch_months as "watchMonths", version from monitoring_case_settings where county_code = $1`,
    [countyCode],
  );
  return rows[0];
}

/** Saves a county's case settings if still at `version` (0: none saved); undefined when not. */
export async function saveCaseSettingsRow(
  q: Queryable,
  countyCode: string,
  settings: { deadlines: Record<string, number>; watchMonths: number },
  version: number,
  userId: string,
): Promise<StoredCaseSettings | undefined> {
  const rows = await q.query<StoredCaseSettings>(
    `insert into monitoring_case_settings as s (county_code, deadlines, watch_months, updated_by)
     values ($1, $2::jsonb, $3, $4)
     on conflict (county_code) do update
       set deadlines = excluded.deadlines, watch_months = excluded.watch_months, updated_by = excluded.updated_by,
           updated_at = now(), version = s.version + 1
       where s.version = $5
     returning deadlines, watch_months as "watchMonths", version`,
    [countyCode, JSON.stringify(settings.deadlines), settings.watchMonths, userId, version],
  );
  const saved = rows[0];
  if (!saved || (version === 0 && saved.version !== 1)) return undefined;
  return saved;
}
