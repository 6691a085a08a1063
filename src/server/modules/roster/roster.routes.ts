import type { FastifyInstance } from "fastify";
import {
  commitRosterImport,
  downloadRosterErrorReport,
  downloadRosterTemplate,
  exportRoster,
  getRosterImport,
  listRosterImports,
  ROSTER_UPLOAD_TYPES,
  uploadRosterImport,
} from "../../../shared/api/roster.api.js";
import type { Db } from "../../db/db.js";
import { userFileRoute, userRoute } from "../../http/route.js";
import * as roster from "./roster.service.js";
import type { ImportJobs } from "./roster-jobs.js";

/**
 * Registers the roster endpoints in their own scope, where a file upload is read as raw bytes
 * (up to ROSTER_UPLOAD_LIMIT); everywhere else the API still takes JSON only.
 */
export function registerRosterRoutes(app: FastifyInstance, db: Db, jobs: ImportJobs): void {
  app.register(async (scope) => {
    scope.addContentTypeParser(
      [...ROSTER_UPLOAD_TYPES],
      { parseAs: "buffer", bodyLimit: roster.ROSTER_UPLOAD_LIMIT },
      (_request, body, done) => done(null, body),
    );
    userRoute(
      scope,
      db,
      uploadRosterImport,
      ({ ctx, query, request }) =>
        roster.startImport(ctx, jobs, {
          fileName: query.fileName,
          countyCode: query.countyCode,
          content: request.body,
        }),
      { bodyLimit: roster.ROSTER_UPLOAD_LIMIT },
    );
    userRoute(scope, db, listRosterImports, ({ ctx, query }) =>
      roster.listImports(ctx, jobs, query.page, query.pageSize),
    );
    userRoute(scope, db, getRosterImport, ({ ctx, params }) => roster.getImport(ctx, jobs, params.id));
    userRoute(scope, db, commitRosterImport, ({ ctx, params, body }) =>
      roster.commitImport(ctx, jobs, params.id, body.isOnlyValid),
    );
    userFileRoute(scope, db, downloadRosterErrorReport, ({ ctx, params }) =>
      roster.downloadErrorReport(ctx, params.id),
    );
    userFileRoute(scope, db, downloadRosterTemplate, ({ ctx }) => roster.downloadTemplate(ctx));
    userFileRoute(scope, db, exportRoster, ({ ctx, query }) => roster.exportHouseholds(ctx, query));
  });
}
