import type { FastifyInstance, FastifyReply } from "fastify";
import type { Config } from "../config.js";
import type { Db } from "../db/db.js";
import { resolveSession, type SessionPolicy } from "../modules/auth/auth.service.js";
import { AppError } from "./app-error.js";

export const SESSION_COOKIE = "bangfu_session";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Signing in is the one write made before a session exists; the JSON-only body stops cross-site forms.
const CSRF_EXEMPT = new Set(["POST /api/session"]);

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure behind HTTPS. */
export function setSessionCookie(
  reply: FastifyReply,
  config: Pick<Config, "secureCookies">,
  token: string,
  expires: Date,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

/**
 * Resolves the session cookie on every API request and, for writes made with it, demands the
 * session's CSRF token in the X-CSRF-Token header.
 */
export function registerSessionHook(app: FastifyInstance, db: Db, policy: SessionPolicy): void {
  app.decorateRequest("session", null);
  app.addHook("preHandler", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await resolveSession(db, policy, token) : null;
    const route = `${request.method} ${request.routeOptions.url ?? ""}`;
    if (request.session && !SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(route)) {
      if (request.headers[CSRF_HEADER] !== request.session.csrfToken) throw new AppError("CSRF_FAILED");
    }
  });
}
