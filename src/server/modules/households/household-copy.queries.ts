import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { CopyColumn, Queryable } from "../../db/db.js";
import {
  type FindingRow,
  HOUSEHOLD_FIELDS,
  type HouseholdRow,
  INCOME_FIELDS,
  type IncomeRow,
  MEMBER_FIELDS,
  type MemberRow,
  type VersionInsert,
} from "./households.queries.js";

// New households bulk-loaded with COPY instead of INSERT ... SELECT FROM jsonb_to_recordset: the
// same columns as the INSERTs of households.queries.ts (the field lists are shared), so the rows
// are the same, and the database parses tab-separated text instead of one big JSON document.
// Only for households that are new with members that are all new: updates (and members moving
// in from another household) take the set-based statements.

type Fields<T> = readonly (readonly [keyof T, string, string])[];

const columnsOf = <T>(fields: Fields<T>): CopyColumn[] => fields.map(([, name, type]) => ({ name, type }));
const valuesOf = <T>(fields: Fields<T>, { added, saved }: Layered<T>) =>
  fields.map(([key]) => (key in added ? added[key] : saved[key]));

/**
 * A row as two layers, read column by column: what the table adds (ids, county, derived figures)
 * over what was saved (the household or member as checked). A county's import loads hundreds of
 * thousands of rows: merging the two into one object per row was most of the cost of making them.
 */
export interface Layered<T> {
  added: Partial<T>;
  saved: Partial<T>;
}

const FINDING_COLUMNS: CopyColumn[] = [
  { name: "household_id", type: "uuid" },
  { name: "county_code", type: "text" },
  { name: "path", type: "text" },
  { name: "code", type: "text" },
  { name: "message", type: "text" },
];

const VERSION_COLUMNS: CopyColumn[] = [
  { name: "household_id", type: "uuid" },
  { name: "version", type: "integer" },
  { name: "county_code", type: "text" },
  { name: "changed_by", type: "uuid" },
  { name: "changed_by_username", type: "text" },
  { name: "reason", type: "text" },
  { name: "snapshot", type: "jsonb" },
];

/** Everything a batch of new households writes. */
export interface NewHouseholdRows {
  households: readonly Layered<HouseholdRow>[];
  members: readonly Layered<MemberRow>[];
  incomes: readonly Layered<IncomeRow>[];
  findings: readonly FindingRow[];
  versions: readonly VersionInsert[];
}

/** Loads new households, their members, income, findings and first versions (five COPY statements), in a transaction (`q`). */
export async function copyNewHouseholds(
  q: Required<Pick<Queryable, "copyFrom">>,
  rows: NewHouseholdRows,
): Promise<void> {
  if (rows.households.length === 0) return;
  // As the INSERT's "on conflict do nothing": the first finding of a path and code is kept.
  const seen = new Set<string>();
  const findings = rows.findings.filter((f) => {
    const key = `${f.householdId}\u0000${f.path}\u0000${f.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Sent one after another (households first, for the members' foreign key), each as soon as its
  // text is made: on a transaction's one connection a COPY starts when the one before it ends, and
  // this thread lets the connection go on (a turn of the event loop) before making the next text.
  const sent: Promise<void>[] = [];
  const send = async (copy: Promise<void>) => {
    copy.catch(() => undefined);
    sent.push(copy);
    await yieldToEventLoop();
  };
  await send(
    q.copyFrom(
      "household",
      columnsOf(HOUSEHOLD_FIELDS),
      rows.households.map((row) => valuesOf(HOUSEHOLD_FIELDS, row)),
    ),
  );
  await send(
    q.copyFrom(
      "member",
      columnsOf(MEMBER_FIELDS),
      rows.members.map((row) => valuesOf(MEMBER_FIELDS, row)),
    ),
  );
  await send(
    q.copyFrom(
      "household_income",
      columnsOf(INCOME_FIELDS),
      rows.incomes.map((row) => valuesOf(INCOME_FIELDS, row)),
    ),
  );
  await send(
    q.copyFrom(
      "household_finding",
      FINDING_COLUMNS,
      findings.map((f) => [f.householdId, f.countyCode, f.path, f.code, f.message]),
    ),
  );
  await send(
    q.copyFrom(
      "household_version",
      VERSION_COLUMNS,
      rows.versions.map((v) => [
        v.householdId,
        v.version,
        v.countyCode,
        v.changedBy,
        v.changedByUsername,
        v.reason,
        v.snapshot,
      ]),
    ),
  );
  await Promise.all(sent);
}
