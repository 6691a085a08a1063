import type { FastifyInstance } from "fastify";
import {
  createBriefing,
  downloadBriefingDocx,
  downloadBriefingPdf,
  getBriefing,
  issueBriefing,
  listBriefings,
  updateBriefing,
} from "../../../shared/api/briefings.api.js";
import type { Db } from "../../db/db.js";
import { userFileRoute, userRoute } from "../../http/route.js";
import * as briefings from "./briefings.service.js";

export function registerBriefingRoutes(app: FastifyInstance, db: Db): void {
  userRoute(app, db, listBriefings, ({ ctx, query }) => briefings.listBriefings(ctx, query));
  userRoute(app, db, createBriefing, ({ ctx, body }) => briefings.createBriefing(ctx, body));
  userRoute(app, db, getBriefing, ({ ctx, params }) => briefings.getBriefing(ctx, params.id));
  userRoute(app, db, updateBriefing, ({ ctx, params, body }) =>
    briefings.updateBriefing(ctx, params.id, body),
  );
  userRoute(app, db, issueBriefing, ({ ctx, params, body }) => briefings.issueBriefing(ctx, params.id, body));
  userFileRoute(app, db, downloadBriefingPdf, ({ ctx, params }) =>
    briefings.downloadBriefingPdf(ctx, params.id),
  );
  userFileRoute(app, db, downloadBriefingDocx, ({ ctx, params }) =>
    briefings.downloadBriefingDocx(ctx, params.id),
  );
}
