import { createHash, randomBytes } from "node:crypto";
import { passwordProblem } from "../../../shared/password-rules.js";
import type { Config } from "../../config.js";
import { batched, batchedPer } from "../../db/batch.js";
import type { Db } from "../../db/db.js";
import type { Actor, RequestOrigin } from "../../http/actor.js";
import { AppError } from "../../http/app-error.js";
import type { RequestSession } from "../../http/route.js";
import { recordAudit } from "../audit/audit.service.js";
import {
  deleteSession,
  deleteUserSessions,
  findActiveSessions,
  findLoginCandidate,
  insertSession,
  recordFailedLogin,
  recordSuccessfulLogin,
  touchSession,
  updatePasswordHash,
} from "./auth.queries.js";
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from "./password.js";

export type SessionPolicy = Pick<
  Config,
  "sessionIdleMinutes" | "sessionMaxHours" | "loginLockThreshold" | "loginLockMinutes"
>;

/** The stored form of a session token: a leaked table row cannot be replayed as a cookie. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new session's token (for the cookie) and what the client needs. */
export interface StartedSession {
  token: string;
  session: RequestSession;
}

/**
 * Checks a username and password and opens a session. Unknown users and wrong passwords fail
 * alike (same message, same time); repeated failures lock the account for a while.
 */
export async function login(
  db: Db,
  policy: SessionPolicy,
  origin: RequestOrigin,
  username: string,
  password: string,
): Promise<StartedSession> {
  const candidate = await findLoginCandidate(db, username);
  if (!candidate) {
    await verifyPassword(password, await DUMMY_HASH_PROMISE);
    throw new AppError("BAD_CREDENTIALS");
  }
  if (candidate.isLocked) throw new AppError("ACCOUNT_LOCKED");
  const isMatch = await verifyPassword(password, candidate.passwordHash);
  const audited = { entityType: "user", entityId: candidate.id, regionCode: candidate.regionCode };
  if (!isMatch) {
    await db.transaction(async (tx) => {
      await recordFailedLogin(tx, candidate.id, policy.loginLockThreshold, policy.loginLockMinutes);
      await recordAudit(tx, null, origin, {
        ...audited,
        action: "session.login_failed",
        after: { username, failedLogins: candidate.failedLogins + 1 },
      });
    });
    const isNowLocked = candidate.failedLogins + 1 >= policy.loginLockThreshold;
    throw new AppError(isNowLocked ? "ACCOUNT_LOCKED" : "BAD_CREDENTIALS");
  }
  if (candidate.isDisabled) throw new AppError("ACCOUNT_DISABLED");
  const token = randomBytes(32).toString("base64url");
  const session: RequestSession = {
    actor: {
      id: candidate.id,
      username: candidate.username,
      displayName: candidate.displayName,
      role: candidate.role,
      regionCode: candidate.regionCode,
      regionName: candidate.regionName,
      mustChangePassword: candidate.mustChangePassword,
    },
    tokenHash: hashToken(token),
    csrfToken: randomBytes(24).toString("base64url"),
    expiresAt: new Date(Date.now() + policy.sessionMaxHours * 3600_000),
  };
  await db.transaction(async (tx) => {
    await recordSuccessfulLogin(tx, candidate.id);
    await insertSession(tx, { ...session, userId: candidate.id, ...origin });
    await recordAudit(tx, session.actor, origin, { ...audited, action: "session.login" });
  });
  return { token, session };
}

// Requests that arrive together are resolved by one statement (every API request asks this first).
const findSessionBatched = batchedPer((db: Db) =>
  batched((lookups: { tokenHash: string; idleMinutes: number }[]) => findActiveSessions(db, lookups)),
);

/** The session a cookie's token opens, or null when it is unknown, expired, idle or its user is blocked. */
export async function resolveSession(
  db: Db,
  policy: SessionPolicy,
  token: string,
): Promise<RequestSession | null> {
  const tokenHash = hashToken(token);
  const found = await findSessionBatched(db, { tokenHash, idleMinutes: policy.sessionIdleMinutes });
  if (!found) return null;
  if (Date.now() - found.lastSeenAt.getTime() > 60_000) await touchSession(db, tokenHash);
  const actor: Actor = {
    id: found.userId,
    username: found.username,
    displayName: found.displayName,
    role: found.role,
    regionCode: found.regionCode,
    regionName: found.regionName,
    mustChangePassword: found.mustChangePassword,
  };
  return { actor, tokenHash, csrfToken: found.csrfToken, expiresAt: found.expiresAt };
}

/** Ends a session. */
export async function logout(db: Db, session: RequestSession, origin: RequestOrigin): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, session.tokenHash);
    await recordAudit(tx, session.actor, origin, {
      action: "session.logout",
      entityType: "user",
      entityId: session.actor.id,
      regionCode: session.actor.regionCode,
    });
  });
}

/** Throws WEAK_PASSWORD with the reason when a new password does not meet the rules. */
export function assertStrongPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError("WEAK_PASSWORD", [{ path: "body.newPassword", message: problem }]);
}

/** Changes the signed-in user's own password; ends their other sessions. */
export async function changeOwnPassword(
  db: Db,
  session: RequestSession,
  origin: RequestOrigin,
  currentPassword: string,
  newPassword: string,
): Promise<RequestSession> {
  const candidate = await findLoginCandidate(db, session.actor.username);
  if (!candidate || !(await verifyPassword(currentPassword, candidate.passwordHash))) {
    throw new AppError("BAD_CREDENTIALS", [{ path: "body.currentPassword", message: "wrong" }]);
  }
  assertStrongPassword(newPassword, session.actor.username);
  if (await verifyPassword(newPassword, candidate.passwordHash)) {
    throw new AppError("WEAK_PASSWORD", [{ path: "body.newPassword", message: "same_as_current" }]);
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await updatePasswordHash(tx, session.actor.id, passwordHash, false);
    await deleteUserSessions(tx, session.actor.id, session.tokenHash);
    await recordAudit(tx, session.actor, origin, {
      action: "user.password_change",
      entityType: "user",
      entityId: session.actor.id,
      regionCode: session.actor.regionCode,
    });
  });
  return { ...session, actor: { ...session.actor, mustChangePassword: false } };
}
