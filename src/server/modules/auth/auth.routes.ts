import type { FastifyInstance } from "fastify";
import { changePassword, getSession, login, logout } from "../../../shared/api/session.api.js";
import type { Config } from "../../config.js";
import type { Db } from "../../db/db.js";
import type { RequestSession } from "../../http/route.js";
import { publicRoute, userRoute } from "../../http/route.js";
import { clearSessionCookie, setSessionCookie } from "../../http/session-hook.js";
import * as auth from "./auth.service.js";

function present(session: RequestSession) {
  return { user: session.actor, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
}

export function registerAuthRoutes(app: FastifyInstance, db: Db, config: Config): void {
  publicRoute(app, login, async ({ body, origin, reply }) => {
    const started = await auth.login(db, config, origin, body.username, body.password);
    setSessionCookie(reply, config, started.token, started.session.expiresAt);
    return present(started.session);
  });

  userRoute(app, db, getSession, async ({ request }) => present(request.session!), {
    allowPendingPasswordChange: true,
  });

  publicRoute(app, logout, async ({ request, origin, reply }) => {
    if (request.session) await auth.logout(db, request.session, origin);
    clearSessionCookie(reply);
    return { ok: true as const };
  });

  userRoute(
    app,
    db,
    changePassword,
    async ({ request, body, origin }) =>
      present(
        await auth.changeOwnPassword(db, request.session!, origin, body.currentPassword, body.newPassword),
      ),
    { allowPendingPasswordChange: true },
  );
}
