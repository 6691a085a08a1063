import { levelOfCode } from "../../../shared/division-code.js";
import {
  DEFAULT_DEADLINES,
  DEFAULT_WATCH_MONTHS,
  type DeadlineStage,
} from "../../../shared/monitoring-workflow.js";
import type { Queryable } from "../../db/db.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import { authorizeCountyRead } from "./monitoring.service.js";
import { findCaseSettings, saveCaseSettingsRow } from "./monitoring-case-settings.queries.js";

// A county's case settings: how many days each stage may take, and how long a household stays
// watched after its risk is eliminated (the defaults until the county saves its own).

/** A county's settings as they apply: the saved ones over the defaults. */
export async function settingsOf(q: Queryable, countyCode: string) {
  const stored = await findCaseSettings(q, countyCode);
  return {
    deadlines: { ...DEFAULT_DEADLINES, ...(stored?.deadlines ?? {}) } as Record<DeadlineStage, number>,
    watchMonths: stored?.watchMonths ?? DEFAULT_WATCH_MONTHS,
    version: stored?.version ?? 0,
  };
}

/** A county's stage deadlines and watch period (the defaults until saved). */
export async function getCaseSettings(ctx: ServiceContext, countyCode: string) {
  authorizeCountyRead(ctx, countyCode);
  if (levelOfCode(countyCode) !== "county") {
    throw new AppError("VALIDATION_FAILED", [{ path: "query.countyCode", message: "须为县级行政区划代码" }]);
  }
  return { countyCode, ...(await settingsOf(ctx.db, countyCode)) };
}

/** Saves a county's stage deadlines and watch period. */
export async function saveCaseSettings(
  ctx: ServiceContext,
  input: {
    countyCode: string;
    deadlines: Record<DeadlineStage, number>;
    watchMonths: number;
    version: number;
  },
) {
  authorize(ctx.actor, "monitoring.configure", { regionCode: input.countyCode });
  if (levelOfCode(input.countyCode) !== "county") {
    throw new AppError("VALIDATION_FAILED", [{ path: "body.countyCode", message: "须为县级行政区划代码" }]);
  }
  const saved = await ctx.db.transaction(async (tx) => {
    const row = await saveCaseSettingsRow(
      tx,
      input.countyCode,
      { deadlines: input.deadlines, watchMonths: input.watchMonths },
      input.version,
      ctx.actor.id,
    );
    if (!row) throw new AppError("STALE_VERSION");
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "monitoring.settings.save",
      entityType: "monitoring_settings",
      entityId: input.countyCode,
      regionCode: input.countyCode,
      after: { deadlines: input.deadlines, watchMonths: input.watchMonths },
    });
    return row;
  });
  return {
    countyCode: input.countyCode,
    deadlines: saved.deadlines as Record<DeadlineStage, number>,
    watchMonths: saved.watchMonths,
    version: saved.version,
  };
}
