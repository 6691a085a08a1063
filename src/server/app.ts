import { existsSync } from "node:fs";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import type { Config } from "./config.js";
import type { Db } from "./db/db.js";
import { registerErrorHandler, sendError } from "./http/error-handler.js";
import { buildOpenApiDocument } from "./http/openapi.js";
import { registerSessionHook } from "./http/session-hook.js";
import { registerAuditRoutes } from "./modules/audit/audit.routes.js";
import { registerAuthRoutes } from "./modules/auth/auth.routes.js";
import { registerBriefingRoutes } from "./modules/briefings/briefings.routes.js";
import { registerCampaignRoutes } from "./modules/campaigns/campaigns.routes.js";
import { registerDashboardRoutes } from "./modules/dashboard/dashboard.routes.js";
import { registerHealthRoutes } from "./modules/health/health.routes.js";
import { registerHouseholdRoutes } from "./modules/households/households.routes.js";
import { registerMonitoringRoutes } from "./modules/monitoring/monitoring.routes.js";
import { registerRegionRoutes } from "./modules/regions/regions.routes.js";
import { registerRosterRoutes } from "./modules/roster/roster.routes.js";
import { ImportJobs } from "./modules/roster/roster-jobs.js";
import { registerUserRoutes } from "./modules/users/users.routes.js";
import { registerVisitRoutes } from "./modules/visits/visits.routes.js";

export interface AppOptions {
  db: Db;
  config: Config;
  /** The built web app (dist/web); API only when absent. */
  webDir?: string | undefined;
  /** Background roster imports; one queue per server process. */
  importJobs?: ImportJobs;
  isLogging?: boolean;
}

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
  // Ant Design injects its styles at run time, hence 'unsafe-inline' for styles only.
  "content-security-policy":
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
};

/** Builds the HTTP application: API routes, OpenAPI document, and the web app's files. */
export async function buildApp({
  db,
  config,
  webDir,
  importJobs = new ImportJobs(),
  isLogging = false,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: process.env.TRUST_PROXY === "true",
    logger: isLogging
      ? {
          level: process.env.LOG_LEVEL ?? "warn",
          // Paths only: query strings may carry names or ID numbers being searched for.
          serializers: {
            req: (request) => ({
              method: request.method,
              url: request.url.split("?")[0],
              remoteAddress: request.ip,
            }),
          },
        }
      : false,
  });
  await app.register(fastifyCookie);
  registerErrorHandler(app);
  registerSessionHook(app, db, config);
  app.addHook("onSend", async (_request, reply) => {
    reply.headers(SECURITY_HEADERS);
  });

  registerHealthRoutes(app, db);
  registerAuthRoutes(app, db, config);
  registerRegionRoutes(app, db);
  registerUserRoutes(app, db);
  registerAuditRoutes(app, db);
  registerHouseholdRoutes(app, db);
  registerRosterRoutes(app, db, importJobs);
  registerDashboardRoutes(app, db);
  registerBriefingRoutes(app, db);
  registerVisitRoutes(app, db);
  registerCampaignRoutes(app, db);
  registerMonitoringRoutes(app, db);
  // Closing waits for a running import to finish (its transaction commits or rolls back whole).
  app.addHook("onClose", () => importJobs.idle());

  const openApiDocument = buildOpenApiDocument();
  app.get("/api/openapi.json", async () => openApiDocument);

  const hasWeb = webDir !== undefined && existsSync(webDir);
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, index: false, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || !hasWeb || request.method !== "GET") {
      return sendError(request, reply, "ROUTE_NOT_FOUND");
    }
    // Client-side routes: the web app decides what to show.
    return reply.type("text/html").sendFile("index.html");
  });
  return app;
}
