import type { FastifyInstance } from "fastify";
import { exportDashboardTable, getDashboard } from "../../../shared/api/dashboard.api.js";
import type { Db } from "../../db/db.js";
import { userFileRoute, userRoute } from "../../http/route.js";
import * as dashboard from "./dashboard.service.js";

export function registerDashboardRoutes(app: FastifyInstance, db: Db): void {
  userRoute(app, db, getDashboard, ({ ctx, query }) => dashboard.getDashboard(ctx, query.regionCode));
  userFileRoute(app, db, exportDashboardTable, ({ ctx, query }) =>
    dashboard.exportDashboardTable(ctx, query.regionCode, query.table),
  );
}
