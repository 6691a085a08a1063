import { afterAll, beforeAll } from "vitest";
import type { Db } from "../db/db.js";
import type { HouseholdSnapshot } from "../modules/households/household-present.js";
import { loadOfficialRegions } from "../modules/regions/regions.loader.js";
import type { ImportOptions } from "../modules/roster/roster-import.js";
import { JING_COUNTY } from "./test-app.js";
import { createTestDb } from "./test-db.js";

// What the roster import tests share: a database with Jing County's regions (one per test file),
// the options of an import by the command line, and reads of what an import left behind.

export const ROSTER_TODAY = new Date("2020-12-31T00:00:00Z");

/** The options of a plain import into Jing County on ROSTER_TODAY. */
export const rosterOptions = (fileName: string, extra: Partial<ImportOptions> = {}) => ({
  countyCode: JING_COUNTY,
  fileName,
  isOnlyValid: false,
  isDryRun: false,
  actor: null,
  origin: { ip: null, userAgent: "test" },
  isInScope: () => true,
  today: ROSTER_TODAY,
  ...extra,
});

/** Opens the file's database before its tests and closes it after them. */
export function rosterTestbed() {
  let db: Db | undefined;
  beforeAll(async () => {
    db = await createTestDb();
    await loadOfficialRegions(db, [JING_COUNTY]);
  });
  afterAll(() => db?.close());
  const opened = () => {
    if (!db) throw new Error("the testbed's database opens in beforeAll");
    return db;
  };
  return {
    get db() {
      return opened();
    },
    /** A household of Jing County by number: its row's version and its latest version's snapshot. */
    async householdState(number: string) {
      const [row] = await opened().query<{
        id: string;
        version: number;
        snapshot: HouseholdSnapshot;
        reason: string;
      }>(
        `select h.id, h.version, v.snapshot, v.reason from household h
         join household_version v on v.household_id = h.id and v.version = h.version
         where h.county_code = $1 and h.household_number = $2`,
        [JING_COUNTY, number],
      );
      return row;
    },
    async countRows(table: string) {
      return (await opened().query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
    },
  };
}
