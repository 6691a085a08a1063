import type { FastifyInstance } from "fastify";
import {
  downloadVisitPhoto,
  getPendingChange,
  getVisit,
  getVisitIndicators,
  listMyHouseholds,
  listPendingChanges,
  listVisits,
  recordVisit,
  resolvePendingChange,
  setVisitIndicators,
} from "../../../shared/api/visits.api.js";
import { VISIT_PHOTO_MAX_BYTES, VISIT_PHOTO_MAX_COUNT } from "../../../shared/visit-codes.js";
import type { Db } from "../../db/db.js";
import { userFileRoute, userRoute } from "../../http/route.js";
import * as pendingChanges from "./pending-changes.js";
import * as visitRecord from "./visit-record.js";
import * as visits from "./visits.service.js";

/** A visit with its largest photos in base64 plus every text field at its longest. */
export const VISIT_BODY_LIMIT =
  Math.ceil((VISIT_PHOTO_MAX_BYTES * VISIT_PHOTO_MAX_COUNT * 4) / 3) + 256 * 1024;

export function registerVisitRoutes(app: FastifyInstance, db: Db): void {
  userRoute(app, db, recordVisit, ({ ctx, body }) => visitRecord.recordVisit(ctx, body), {
    bodyLimit: VISIT_BODY_LIMIT,
  });
  userRoute(app, db, listMyHouseholds, ({ ctx }) => visits.listMyHouseholds(ctx));
  userRoute(app, db, listVisits, ({ ctx, query }) => visits.listVisits(ctx, query));
  userRoute(app, db, getVisit, ({ ctx, params }) => visits.getVisit(ctx, params.id));
  userFileRoute(app, db, downloadVisitPhoto, ({ ctx, params }) =>
    visits.downloadVisitPhoto(ctx, params.id, params.position),
  );
  userRoute(app, db, getVisitIndicators, ({ ctx, params }) =>
    visits.getVisitIndicators(ctx, params.countyCode),
  );
  userRoute(app, db, setVisitIndicators, ({ ctx, params, body }) =>
    visits.setVisitIndicators(ctx, params.countyCode, body.indicators, body.version),
  );
  userRoute(app, db, listPendingChanges, ({ ctx, query }) => pendingChanges.listPendingChanges(ctx, query));
  userRoute(app, db, getPendingChange, ({ ctx, params }) => pendingChanges.getPendingChange(ctx, params.id));
  userRoute(app, db, resolvePendingChange, ({ ctx, params, body }) =>
    pendingChanges.resolvePendingChange(ctx, params.id, body),
  );
}
