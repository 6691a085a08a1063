import { randomUUID } from "node:crypto";
import type { Role } from "../../../shared/roles.js";
import type { Db } from "../../db/db.js";
import { recordAudit } from "../audit/audit.service.js";
import { generatePassword, hashPassword } from "../auth/password.js";
import type { HouseholdSnapshot } from "../households/household-present.js";
import { type PreparedHousehold, prepareHousehold, writeHouseholds } from "../households/household-save.js";
import { findActiveMembersElsewhere } from "../households/households.queries.js";
import { sweepCounty } from "../monitoring/monitoring.service.js";
import { loadOfficialRegions } from "../regions/regions.loader.js";
import { findChildRegions, findRegion } from "../regions/regions.queries.js";
import { insertUsers, type UserInsert } from "../users/users.queries.js";
import {
  findDemoCaseworkers,
  findDemoNumberedHouseholds,
  insertCaseworkerAssignmentPairs,
} from "./demo.queries.js";
import {
  DEMO_REASON,
  type DemoVillage,
  demoHouseholdNumber,
  generateDemoHouseholds,
  STAFFED_VILLAGES,
} from "./demo-households.js";
import { createRandom, syntheticPerson } from "./synthetic-people.js";

/** Demo households created at first start: enough for every screen, few enough to start fast. */
export const DEFAULT_DEMO_HOUSEHOLDS = 300;

/** Households written per transaction. */
const BATCH_SIZE = 500;

const DEMO_ORIGIN = { ip: null, userAgent: "bangfu-demo" };

export interface DemoOptions {
  countyCode: string;
  seed: number;
  /** How many demo households the county should hold (numbered 1…N); default DEFAULT_DEMO_HOUSEHOLDS. */
  households?: number;
  /** Ages are counted from 1 January of this day's year, and the checks run on it; default now. */
  today?: Date;
  /**
   * Also give the county the default monitoring rules of last year's income (the year the demo
   * households' accounts are of) and sweep it, so the monitoring screens open on the alerts those
   * households raise. Default false (tests and benches that count alerts start from none).
   */
  withMonitoring?: boolean;
}

export interface DemoHouseholdSummary {
  /** Households written by this run, and their members. */
  created: number;
  members: number;
  /** Of the N asked for, already present from an earlier run. */
  existing: number;
  /** Left out because a member's ID number is already an active member elsewhere (one person, one household). */
  skipped: number;
  /** Created households with at least one data-quality warning. */
  withWarnings: number;
  /** Created households given a caseworker. */
  assigned: number;
}

export interface DemoSummary {
  countyCode: string;
  countyName: string;
  townships: number;
  villages: number;
  usersCreated: string[];
  households: DemoHouseholdSummary;
  /** Alerts open after the demo's sweep (withMonitoring), else null. */
  openAlerts: number | null;
}

/**
 * Fills a county with clearly marked synthetic staff (is_demo, usernames `d<county>.*`, names
 * tagged 演示): a county administrator, a leader, a department officer, one officer per township,
 * a cadre and a caseworker for the first villages. Reproducible from the seed; running it again
 * adds nothing twice. Their passwords are random and unknown: an administrator resets one to use it.
 * Then the county's demo households (ensureDemoHouseholds), DEFAULT_DEMO_HOUSEHOLDS unless asked.
 */
export async function ensureDemoCounty(db: Db, options: DemoOptions): Promise<DemoSummary> {
  await loadOfficialRegions(db, [options.countyCode]);
  const county = await findRegion(db, options.countyCode);
  if (county?.level !== "county") throw new Error(`${options.countyCode} is not a county code`);
  const townships = await findChildRegions(db, county.code);
  const villagesByTownship = await Promise.all(townships.map((t) => findChildRegions(db, t.code)));
  const villages = villagesByTownship.flat();
  const random = createRandom(options.seed);
  const county6 = county.code.slice(0, 6);
  const prefix = `d${county6}`;
  const passwordHash = await hashPassword(generatePassword());
  const staff = (username: string, role: Role, regionCode: string): UserInsert => {
    const person = syntheticPerson(random, {
      countyCode6: county6,
      minAge: 25,
      maxAge: 58,
      referenceDate: "2020-01-01",
    });
    return {
      username: `${prefix}.${username}`,
      displayName: `${person.name}（演示）`,
      role,
      regionCode,
      countyCode: county.code,
      phone: person.phone,
      passwordHash,
      isDemo: true,
    };
  };
  const users: UserInsert[] = [
    staff("admin", "administrator", county.code),
    staff("leader", "leader", county.code),
    staff("dept", "department_officer", county.code),
    ...townships.map((t, i) => staff(`t${String(i + 1).padStart(2, "0")}`, "township_officer", t.code)),
    ...villages
      .slice(0, STAFFED_VILLAGES)
      .flatMap((v, i) => [
        staff(`v${String(i + 1).padStart(3, "0")}`, "village_cadre", v.code),
        staff(`cw${String(i + 1).padStart(3, "0")}`, "caseworker", v.code),
      ]),
  ];
  // The first villages get a cadre and a caseworker each (STAFFED_VILLAGES, shared with the households).
  const usersCreated = await db.transaction(async (tx) => {
    const created = await insertUsers(tx, users);
    if (created.length > 0) {
      await recordAudit(tx, null, DEMO_ORIGIN, {
        action: "demo.generate",
        entityType: "region",
        entityId: county.code,
        regionCode: county.code,
        after: { seed: options.seed, usersCreated: created.length },
      });
    }
    return created;
  });
  const demoVillages = townships.flatMap((t, i) =>
    villagesByTownship[i]!.map((v) => ({ code: v.code, name: v.name, townshipName: t.name })),
  );
  const today = options.today ?? new Date();
  const households = await ensureDemoHouseholds(db, county.code, demoVillages, {
    seed: options.seed,
    count: options.households ?? DEFAULT_DEMO_HOUSEHOLDS,
    today,
  });
  return {
    countyCode: county.code,
    countyName: county.name,
    townships: townships.length,
    villages: villages.length,
    usersCreated,
    households,
    openAlerts: options.withMonitoring ? await ensureDemoMonitoring(db, county.code, today) : null,
  };
}

/** The county's first sweep with last year's rules (its defaults unless it has some); how many alerts fire. */
async function ensureDemoMonitoring(db: Db, countyCode: string, today: Date): Promise<number> {
  const year = today.getUTCFullYear() - 1;
  const { counts } = await db.transaction((tx) =>
    sweepCounty(tx, null, DEMO_ORIGIN, countyCode, year, today),
  );
  return counts.firing;
}

/**
 * Makes the county hold demo households 1…count (see demo-households.ts): those an earlier run
 * created are left alone, the rest are checked like any household and written set-based, BATCH_SIZE
 * per transaction, with the village's demo caseworker assigned. One audit entry records the run.
 */
export async function ensureDemoHouseholds(
  db: Db,
  countyCode: string,
  villages: readonly DemoVillage[],
  options: { seed: number; count: number; today: Date },
): Promise<DemoHouseholdSummary> {
  const summary: DemoHouseholdSummary = {
    created: 0,
    members: 0,
    existing: 0,
    skipped: 0,
    withWarnings: 0,
    assigned: 0,
  };
  if (options.count === 0 || villages.length === 0) return summary;
  const generated = generateDemoHouseholds({
    seed: options.seed,
    countyCode6: countyCode.slice(0, 6),
    villages,
    count: options.count,
    referenceDate: `${options.today.getUTCFullYear()}-01-01`,
  });
  // An index is taken when an earlier demo run created it (whatever its seed put it in), a number
  // when any household has it.
  const numbered = await findDemoNumberedHouseholds(db, countyCode, DEMO_REASON);
  const takenNumbers = new Set(numbered.map((h) => h.householdNumber));
  const demoIndexes = new Set(
    numbered.filter((h) => h.isDemo).map((h) => Number(h.householdNumber.slice(13))),
  );
  const pending = generated.filter(
    ({ index, draft }) =>
      !demoIndexes.has(index) && !takenNumbers.has(demoHouseholdNumber(draft.regionCode, index)),
  );
  summary.existing = generated.length - pending.length;
  if (pending.length === 0) return summary;

  const caseworkerByVillage = new Map<string, string>();
  for (const caseworker of await findDemoCaseworkers(db, countyCode)) {
    if (!caseworkerByVillage.has(caseworker.regionCode))
      caseworkerByVillage.set(caseworker.regionCode, caseworker.id);
  }
  const prepared: PreparedHousehold[] = pending.map(({ draft }) => {
    const { household, warnings } = prepareHousehold(draft, undefined, options.today);
    const snapshot: HouseholdSnapshot = { id: randomUUID(), countyCode, household };
    return { snapshot, warnings, version: 1, reason: DEMO_REASON };
  });

  for (let start = 0; start < prepared.length; start += BATCH_SIZE) {
    const isLast = start + BATCH_SIZE >= prepared.length;
    await db.transaction(async (tx) => {
      let batch = prepared.slice(start, start + BATCH_SIZE);
      const ids = batch.flatMap((p) =>
        p.snapshot.household.members.filter((m) => m.status === "active").map((m) => m.idNumber),
      );
      const clashing = new Set((await findActiveMembersElsewhere(tx, ids, null)).map((c) => c.idNumber));
      if (clashing.size > 0) {
        const before = batch.length;
        batch = batch.filter(
          (p) => !p.snapshot.household.members.some((m) => m.status === "active" && clashing.has(m.idNumber)),
        );
        summary.skipped += before - batch.length;
      }
      await writeHouseholds(tx, null, batch, options.today);
      const pairs = batch.flatMap((p) => {
        const userId = caseworkerByVillage.get(p.snapshot.household.regionCode);
        return userId ? [{ householdId: p.snapshot.id, userId }] : [];
      });
      await insertCaseworkerAssignmentPairs(tx, countyCode, pairs);
      summary.created += batch.length;
      summary.members += batch.reduce((sum, p) => sum + p.snapshot.household.members.length, 0);
      summary.withWarnings += batch.filter((p) => p.warnings.length > 0).length;
      summary.assigned += pairs.length;
      if (isLast && summary.created > 0) {
        await recordAudit(tx, null, DEMO_ORIGIN, {
          action: "demo.generate_households",
          entityType: "region",
          entityId: countyCode,
          regionCode: countyCode,
          after: { seed: options.seed, requested: options.count, ...summary, reason: DEMO_REASON },
        });
      }
    });
  }
  return summary;
}
