import type { FastifyInstance } from "fastify";
import {
  dismissMonitoringAlert,
  getDepartmentList,
  LIST_UPLOAD_TYPES,
  listDepartmentLists,
  listMonitoringAlerts,
  listMonitoringRules,
  listRigidSpending,
  runMonitoringSweep,
  saveMonitoringRule,
  saveRigidSpending,
  uploadDepartmentList,
} from "../../../shared/api/monitoring.api.js";
import {
  addCaseMeasure,
  getCaseSettings,
  getMonitoringCase,
  listMonitoringCases,
  monitoringOverview,
  openMonitoringCase,
  saveCaseSettings,
  takeCaseStep,
  updateCaseMeasure,
} from "../../../shared/api/monitoring-cases.api.js";
import type { Db } from "../../db/db.js";
import { userRoute } from "../../http/route.js";
import * as monitoring from "./monitoring.service.js";
import * as settings from "./monitoring-case-settings.service.js";
import * as cases from "./monitoring-cases.service.js";
import * as lists from "./monitoring-lists.service.js";
import * as measures from "./monitoring-measures.service.js";
import * as overview from "./monitoring-overview.service.js";

export function registerMonitoringRoutes(app: FastifyInstance, db: Db): void {
  userRoute(app, db, listMonitoringRules, ({ ctx, query }) =>
    monitoring.listRules(ctx, query.countyCode, query.year),
  );
  userRoute(app, db, saveMonitoringRule, ({ ctx, params, body }) =>
    monitoring.saveRule(ctx, params.ruleCode, body),
  );
  userRoute(app, db, runMonitoringSweep, ({ ctx, body }) =>
    monitoring.runSweep(ctx, body.countyCode, body.year),
  );
  userRoute(app, db, listMonitoringAlerts, ({ ctx, query }) => monitoring.listAlerts(ctx, query));
  userRoute(app, db, dismissMonitoringAlert, ({ ctx, params, body }) =>
    monitoring.dismissAlert(ctx, params.id, body.reason),
  );
  userRoute(app, db, listRigidSpending, ({ ctx, params }) => monitoring.listRigidSpending(ctx, params.id));
  userRoute(app, db, saveRigidSpending, ({ ctx, params, body }) =>
    monitoring.saveRigidSpending(ctx, params.id, params.year, body),
  );
  userRoute(app, db, listDepartmentLists, ({ ctx, query }) =>
    lists.listLists(ctx, query.page, query.pageSize),
  );
  userRoute(app, db, getDepartmentList, ({ ctx, params }) => lists.getList(ctx, params.id));
  userRoute(app, db, openMonitoringCase, ({ ctx, body }) => cases.openCase(ctx, body));
  userRoute(app, db, listMonitoringCases, ({ ctx, query }) => cases.listCases(ctx, query));
  userRoute(app, db, getMonitoringCase, ({ ctx, params }) => cases.getCase(ctx, params.id));
  userRoute(app, db, takeCaseStep, ({ ctx, params, body }) => cases.takeStep(ctx, params.id, body));
  userRoute(app, db, addCaseMeasure, ({ ctx, params, body }) => measures.addMeasure(ctx, params.id, body));
  userRoute(app, db, updateCaseMeasure, ({ ctx, params, body }) =>
    measures.changeMeasure(ctx, params.id, params.measureId, body),
  );
  userRoute(app, db, monitoringOverview, ({ ctx, query }) => overview.getOverview(ctx, query.regionCode));
  userRoute(app, db, getCaseSettings, ({ ctx, query }) => settings.getCaseSettings(ctx, query.countyCode));
  userRoute(app, db, saveCaseSettings, ({ ctx, body }) => settings.saveCaseSettings(ctx, body));
  // A list arrives as the raw file (a few MB at most), read into memory in its own scope.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      [...LIST_UPLOAD_TYPES],
      { parseAs: "buffer", bodyLimit: lists.LIST_UPLOAD_LIMIT },
      (_request, body, done) => done(null, body),
    );
    userRoute(
      scope,
      db,
      uploadDepartmentList,
      ({ ctx, query, request }) =>
        lists.uploadList(ctx, {
          ...query,
          content: Buffer.isBuffer(request.body) ? request.body : undefined,
        }),
      { bodyLimit: lists.LIST_UPLOAD_LIMIT },
    );
  });
}
