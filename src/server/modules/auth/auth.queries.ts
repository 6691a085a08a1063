import type { Role } from "../../../shared/roles.js";
import { prepared, type Queryable } from "../../db/db.js";

export interface LoginCandidate {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  passwordHash: string;
  mustChangePassword: boolean;
  failedLogins: number;
  isLocked: boolean;
  isDisabled: boolean;
}

const CANDIDATE_COLUMNS = `u.id, u.username, u.display_name as "displayName", u.role, u.region_code as "regionCode",
  r.name as "regionName", u.password_hash as "passwordHash", u.must_change_password as "mustChangePassword",
  u.failed_logins as "failedLogins", coalesce(u.locked_until > now(), false) as "isLocked",
  u.disabled_at is not null as "isDisabled"`;

/** The account a username signs in to, with what the sign-in checks need. */
export async function findLoginCandidate(
  q: Queryable,
  username: string,
): Promise<LoginCandidate | undefined> {
  const rows = await q.query<LoginCandidate>(
    `select ${CANDIDATE_COLUMNS} from app_user u join region r on r.code = u.region_code where u.username = $1`,
    [username],
  );
  return rows[0];
}

/** Counts a failed sign-in; from the `threshold`th in a row the account locks for `lockMinutes`. */
export async function recordFailedLogin(
  q: Queryable,
  userId: string,
  threshold: number,
  lockMinutes: number,
) {
  await q.query(
    `update app_user set failed_logins = failed_logins + 1,
       locked_until = case when failed_logins + 1 >= $2 then now() + make_interval(mins => $3) else locked_until end
     where id = $1`,
    [userId, threshold, lockMinutes],
  );
}

/** Clears the failure count after a good sign-in. */
export async function recordSuccessfulLogin(q: Queryable, userId: string): Promise<void> {
  await q.query(
    "update app_user set failed_logins = 0, locked_until = null, last_login_at = now() where id = $1",
    [userId],
  );
}

export interface NewSession {
  tokenHash: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** Stores a new session (only the hash of its token). */
export async function insertSession(q: Queryable, session: NewSession): Promise<void> {
  await q.query(
    `insert into user_session (token_hash, user_id, csrf_token, expires_at, ip, user_agent)
     values ($1, $2, $3, $4, $5, $6)`,
    [session.tokenHash, session.userId, session.csrfToken, session.expiresAt, session.ip, session.userAgent],
  );
}

export interface ActiveSession {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  mustChangePassword: boolean;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
}

// Prepared: every API request resolves its session with it.
const FIND_ACTIVE_SESSIONS =
  prepared(`select l.position, s.user_id as "userId", u.username, u.display_name as "displayName", u.role,
       u.region_code as "regionCode", r.name as "regionName", u.must_change_password as "mustChangePassword",
       s.csrf_token as "csrfToken", s.expires_at as "expiresAt", s.last_seen_at as "lastSeenAt"
     from unnest($1::text[], $2::integer[]) with ordinality as l(token_hash, idle_minutes, position)
     join user_session s on s.token_hash = l.token_hash
     join app_user u on u.id = s.user_id
     join region r on r.code = u.region_code
     where s.expires_at > now()
       and s.last_seen_at > now() - make_interval(mins => l.idle_minutes)
       and u.disabled_at is null and coalesce(u.locked_until <= now(), true)`);

/**
 * The live session behind each token hash (undefined where there is none): not expired, idle for
 * less than `idleMinutes`, and its user neither disabled nor locked. One statement for many
 * requests (see `resolveSession`).
 */
export async function findActiveSessions(
  q: Queryable,
  lookups: readonly { tokenHash: string; idleMinutes: number }[],
): Promise<(ActiveSession | undefined)[]> {
  const rows = await q.query<ActiveSession & { position: number }>(FIND_ACTIVE_SESSIONS, [
    lookups.map((l) => l.tokenHash),
    lookups.map((l) => l.idleMinutes),
  ]);
  const found: (ActiveSession | undefined)[] = lookups.map(() => undefined);
  for (const { position, ...session } of rows) found[position - 1] = session;
  return found;
}

/** Marks a session as used now; written at most once a minute to keep reads cheap. */
export async function touchSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query(
    "update user_session set last_seen_at = now() where token_hash = $1 and last_seen_at < now() - interval '1 minute'",
    [tokenHash],
  );
}

/** Ends one session. */
export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.query("delete from user_session where token_hash = $1", [tokenHash]);
}

/** Ends every session of a user, except `keepTokenHash` when given. */
export async function deleteUserSessions(
  q: Queryable,
  userId: string,
  keepTokenHash?: string,
): Promise<void> {
  await q.query("delete from user_session where user_id = $1 and token_hash <> coalesce($2, '')", [
    userId,
    keepTokenHash ?? null,
  ]);
}

/** Removes sessions that can no longer be used. */
export async function deleteExpiredSessions(q: Queryable, idleMinutes: number): Promise<void> {
  await q.query(
    "delete from user_session where expires_at < now() or last_seen_at < now() - make_interval(mins => $1)",
    [idleMinutes],
  );
}

/** Sets a user's password hash; `mustChange` forces a change at the next sign-in. */
export async function updatePasswordHash(
  q: Queryable,
  userId: string,
  passwordHash: string,
  mustChange: boolean,
): Promise<void> {
  await q.query(
    `update app_user set password_hash = $2, must_change_password = $3, failed_logins = 0, locked_until = null,
       updated_at = now(), version = version + 1 where id = $1`,
    [userId, passwordHash, mustChange],
  );
}
