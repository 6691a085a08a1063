import type { Role } from "../../../shared/roles.js";
import type { Db } from "../../db/db.js";
import { recordAudit } from "../audit/audit.service.js";
import { generatePassword, hashPassword } from "../auth/password.js";
import { loadOfficialRegions } from "../regions/regions.loader.js";
import { findChildRegions, findRegion } from "../regions/regions.queries.js";
import { insertUsers, type UserInsert } from "../users/users.queries.js";
import { createRandom, syntheticPerson } from "./synthetic-people.js";

export interface DemoOptions {
  countyCode: string;
  seed: number;
}

export interface DemoSummary {
  countyCode: string;
  countyName: string;
  townships: number;
  villages: number;
  usersCreated: string[];
}

/**
 * Fills a county with clearly marked synthetic staff (is_demo, usernames `d<county>.*`, names
 * tagged 演示): a county administrator, a leader, a department officer, one officer per township,
 * a cadre and a caseworker for the first villages. Reproducible from the seed; running it again
 * adds nothing twice. Their passwords are random and unknown: an administrator resets one to use it.
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
      .slice(0, 20)
      .flatMap((v, i) => [
        staff(`v${String(i + 1).padStart(3, "0")}`, "village_cadre", v.code),
        staff(`cw${String(i + 1).padStart(3, "0")}`, "caseworker", v.code),
      ]),
  ];
  const usersCreated = await db.transaction(async (tx) => {
    const created = await insertUsers(tx, users);
    if (created.length > 0) {
      await recordAudit(
        tx,
        null,
        { ip: null, userAgent: "bangfu-demo" },
        {
          action: "demo.generate",
          entityType: "region",
          entityId: county.code,
          regionCode: county.code,
          after: { seed: options.seed, usersCreated: created.length },
        },
      );
    }
    return created;
  });
  return {
    countyCode: county.code,
    countyName: county.name,
    townships: townships.length,
    villages: villages.length,
    usersCreated,
  };
}
