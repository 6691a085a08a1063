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
import { AppError } from "../../http/app-error.js";
import { userFileRoute, userRoute } from "../../http/route.js";
import * as roster from "./roster.service.js";
import type { ImportJobs } from "./roster-jobs.js";
import { receiveUpload } from "./roster-upload.js";

/**
 * Registers the roster endpoints in their own scope, where an upload's body is left unread until
 * the user is known and allowed, then written to a temporary file as it arrives (up to
 * ROSTER_UPLOAD_LIMIT; never held in memory); everywhere else the API still takes JSON only.
 */
export function registerRosterRoutes(app: FastifyInstance, db: Db, jobs: ImportJobs): void {
  app.register(async (scope) => {
    scope.addContentTypeParser([...ROSTER_UPLOAD_TYPES], (_request, _payload, done) => done(null, undefined));
    userRoute(scope, db, uploadRosterImport, ({ ctx, query, request }) =>
      roster.startImport(ctx, jobs, {
        fileName: query.fileName,
        countyCode: query.countyCode,
        receive: async () => {
          const declared = Number(request.headers["content-length"] ?? 0);
          if (declared > roster.ROSTER_UPLOAD_LIMIT) throw new AppError("PAYLOAD_TOO_LARGE");
          const type = request.headers["content-type"] ?? "";
          if (!type.toLowerCase().startsWith("multipart/") && !query.fileName) {
            throw new AppError("VALIDATION_FAILED", [{ path: "query.fileName", message: "请提供文件名" }]);
          }
          return receiveUpload(request.raw, type, query.fileName ?? "", roster.ROSTER_UPLOAD_LIMIT);
        },
      }),
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
