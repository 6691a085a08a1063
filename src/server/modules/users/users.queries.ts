import type { Role } from "../../../shared/roles.js";
import type { Queryable } from "../../db/db.js";

/** A user as the administration screens see it (no password hash). */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  phone: string | null;
  isDisabled: boolean;
  isLocked: boolean;
  mustChangePassword: boolean;
  isDemo: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
}

const USER_COLUMNS = `u.id, u.username, u.display_name as "displayName", u.role, u.region_code as "regionCode",
  r.name as "regionName", u.phone, u.disabled_at is not null as "isDisabled",
  coalesce(u.locked_until > now(), false) as "isLocked", u.must_change_password as "mustChangePassword",
  u.is_demo as "isDemo", u.last_login_at as "lastLoginAt", u.created_at as "createdAt", u.version`;

export interface UserFilter {
  scopePrefix: string;
  text: string;
  role?: Role | undefined;
  regionPrefix?: string | undefined;
  status?: "active" | "disabled" | undefined;
  limit: number;
  offset: number;
}

/** Users whose scope lies within `scopePrefix`, filtered, ordered by region then username. */
export async function findUsers(
  q: Queryable,
  filter: UserFilter,
): Promise<{ rows: UserRecord[]; total: number }> {
  const where = `u.region_code like $1 || '%'
    and ($2 = '' or u.username like '%' || $2 || '%' or u.display_name like '%' || $2 || '%')
    and ($3::text is null or u.role = $3)
    and ($4::text is null or u.region_code like $4 || '%')
    and ($5::text is null or ($5 = 'disabled') = (u.disabled_at is not null))`;
  const params = [
    filter.scopePrefix,
    filter.text,
    filter.role ?? null,
    filter.regionPrefix ?? null,
    filter.status ?? null,
  ];
  const rows = await q.query<UserRecord>(
    `select ${USER_COLUMNS} from app_user u join region r on r.code = u.region_code where ${where}
     order by u.region_code, u.username limit $6 offset $7`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await q.query<{ total: number }>(
    `select count(*)::int as total from app_user u where ${where}`,
    params,
  );
  return { rows, total: count?.total ?? 0 };
}

/** One user by id, only if their scope lies within `scopePrefix`. */
export async function findUserWithin(
  q: Queryable,
  id: string,
  scopePrefix: string,
): Promise<UserRecord | undefined> {
  const rows = await q.query<UserRecord>(
    `select ${USER_COLUMNS} from app_user u join region r on r.code = u.region_code
     where u.id = $1 and u.region_code like $2 || '%'`,
    [id, scopePrefix],
  );
  return rows[0];
}

/** Whether a username is taken. */
export async function isUsernameTaken(q: Queryable, username: string): Promise<boolean> {
  return (await q.query("select 1 from app_user where username = $1", [username])).length > 0;
}

export interface UserInsert {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  countyCode: string | null;
  phone: string | null;
  passwordHash: string;
  isDemo: boolean;
}

/** Creates a user who must change the password at first sign-in; returns the id. */
export async function insertUser(q: Queryable, user: UserInsert): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into app_user (username, display_name, role, region_code, county_code, phone, password_hash, is_demo)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      user.username,
      user.displayName,
      user.role,
      user.regionCode,
      user.countyCode,
      user.phone,
      user.passwordHash,
      user.isDemo,
    ],
  );
  return row!.id;
}

/**
 * Inserts many users in one statement (demo data); usernames already present are skipped.
 * Returns the usernames inserted.
 */
export async function insertUsers(q: Queryable, users: readonly UserInsert[]): Promise<string[]> {
  if (users.length === 0) return [];
  const rows = await q.query<{ username: string }>(
    `insert into app_user (username, display_name, role, region_code, county_code, phone, password_hash, is_demo)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[])
     on conflict (username) do nothing
     returning username`,
    [
      users.map((u) => u.username),
      users.map((u) => u.displayName),
      users.map((u) => u.role),
      users.map((u) => u.regionCode),
      users.map((u) => u.countyCode),
      users.map((u) => u.phone),
      users.map((u) => u.passwordHash),
      users.map((u) => u.isDemo),
    ],
  );
  return rows.map((r) => r.username);
}

export interface UserChanges {
  displayName: string;
  role: Role;
  regionCode: string;
  countyCode: string | null;
  phone: string | null;
}

/** Applies changes if the user is still at `version`; false when someone changed it first. */
export async function updateUser(
  q: Queryable,
  id: string,
  changes: UserChanges,
  version: number,
): Promise<boolean> {
  const rows = await q.query(
    `update app_user set display_name = $2, role = $3, region_code = $4, county_code = $5, phone = $6,
       version = version + 1, updated_at = now()
     where id = $1 and version = $7 returning id`,
    [id, changes.displayName, changes.role, changes.regionCode, changes.countyCode, changes.phone, version],
  );
  return rows.length > 0;
}

/** Disables or re-enables a user if still at `version`. */
export async function updateUserDisabled(
  q: Queryable,
  id: string,
  isDisabled: boolean,
  version: number,
): Promise<boolean> {
  const rows = await q.query(
    `update app_user set disabled_at = case when $2 then coalesce(disabled_at, now()) else null end,
       version = version + 1, updated_at = now()
     where id = $1 and version = $3 returning id`,
    [id, isDisabled, version],
  );
  return rows.length > 0;
}

/** How many users exist (zero on a new database). */
export async function countUsers(q: Queryable): Promise<number> {
  const [row] = await q.query<{ n: number }>("select count(*)::int as n from app_user");
  return row?.n ?? 0;
}
