import type { FastifyInstance } from "fastify";
import { listAuditEntries } from "../../../shared/api/audit.api.js";
import type { Db } from "../../db/db.js";
import { userRoute } from "../../http/route.js";
import * as audit from "./audit.service.js";

export function registerAuditRoutes(app: FastifyInstance, db: Db): void {
  userRoute(app, db, listAuditEntries, ({ ctx, query }) => audit.listAuditEntries(ctx, query));
}
