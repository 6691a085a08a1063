import { NATION_CODE } from "../shared/division-code.js";
import type { Db } from "./db/db.js";
import { recordAudit } from "./modules/audit/audit.service.js";
import { generatePassword, hashPassword } from "./modules/auth/password.js";
import { loadOfficialRegions } from "./modules/regions/regions.loader.js";
import { countRegions } from "./modules/regions/regions.queries.js";
import { BRIEF_COUNTY_CODES } from "./modules/regions/regions.source.js";
import { countUsers, insertUser } from "./modules/users/users.queries.js";

const SYSTEM_ORIGIN = { ip: null, userAgent: "bangfu-server" };

/** What the first start did, for the console. */
export interface FirstStart {
  regionsLoaded: number;
  adminPassword: string | undefined;
}

/**
 * On an empty database: loads the regions (the brief's counties and the demo county in detail) and
 * creates the administrator `admin` with a generated one-time password that is returned once.
 */
export async function bootstrap(db: Db, demoCountyCode: string): Promise<FirstStart> {
  let regionsLoaded = 0;
  if ((await countRegions(db)) === 0) {
    regionsLoaded = await loadOfficialRegions(db, [...new Set([...BRIEF_COUNTY_CODES, demoCountyCode])]);
  }
  let adminPassword: string | undefined;
  if ((await countUsers(db)) === 0) {
    adminPassword = generatePassword();
    const passwordHash = await hashPassword(adminPassword);
    await db.transaction(async (tx) => {
      const id = await insertUser(tx, {
        username: "admin",
        displayName: "系统管理员",
        role: "administrator",
        regionCode: NATION_CODE,
        countyCode: null,
        phone: null,
        passwordHash,
        isDemo: false,
      });
      await recordAudit(tx, null, SYSTEM_ORIGIN, {
        action: "user.create",
        entityType: "user",
        entityId: id,
        regionCode: NATION_CODE,
        after: { username: "admin", role: "administrator", regionCode: NATION_CODE },
      });
    });
  }
  return { regionsLoaded, adminPassword };
}
