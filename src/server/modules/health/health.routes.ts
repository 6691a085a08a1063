import type { FastifyInstance } from "fastify";
import { getHealth } from "../../../shared/api/health.api.js";
import type { Db } from "../../db/db.js";
import { publicRoute } from "../../http/route.js";
import { APP_VERSION } from "../../version.js";

export function registerHealthRoutes(app: FastifyInstance, db: Db): void {
  publicRoute(app, getHealth, async ({ reply }) => {
    const isReachable = await db.query("select 1").then(
      () => true,
      () => false,
    );
    if (!isReachable) reply.status(503);
    return {
      status: isReachable ? ("ok" as const) : ("degraded" as const),
      database: { engine: db.engine, isReachable },
      version: APP_VERSION,
    };
  });
}
