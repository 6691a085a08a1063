import type { FastifyInstance } from "fastify";
import { createRegion, getRegion, renameRegion, searchRegions } from "../../../shared/api/regions.api.js";
import type { Db } from "../../db/db.js";
import { userRoute } from "../../http/route.js";
import * as regions from "./regions.service.js";

export function registerRegionRoutes(app: FastifyInstance, db: Db): void {
  userRoute(app, db, getRegion, ({ ctx, params }) => regions.getRegionTree(ctx, params.code));
  userRoute(app, db, searchRegions, ({ ctx, query }) =>
    regions.searchRegions(ctx, query.q, query.level, query.limit),
  );
  userRoute(app, db, createRegion, ({ ctx, body }) => regions.createRegion(ctx, body));
  userRoute(app, db, renameRegion, ({ ctx, params, body }) =>
    regions.renameRegion(ctx, params.code, body.name, body.version),
  );
}
