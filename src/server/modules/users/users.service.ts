import type { UserRow } from "../../../shared/api/users.api.js";
import { codePrefix, countyCodeOf } from "../../../shared/division-code.js";
import { maskPhone } from "../../../shared/id-number.js";
import type { Role } from "../../../shared/roles.js";
import { escapeLike } from "../../db/like.js";
import type { Actor } from "../../http/actor.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize, can } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import { deleteUserSessions, updatePasswordHash } from "../auth/auth.queries.js";
import { generatePassword, hashPassword } from "../auth/password.js";
import { findRegion } from "../regions/regions.queries.js";
import {
  findUsers,
  findUserWithin,
  insertUser,
  isUsernameTaken,
  type UserRecord,
  updateUserDisabled,
  updateUser as updateUserRow,
} from "./users.queries.js";

/** The API shape of a user; the phone is shown in full only to those who manage the user. */
function present(actor: Actor, user: UserRecord): UserRow {
  const isManager = can(actor, "user.manage", user);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    regionName: user.regionName,
    phone: user.phone && !isManager ? maskPhone(user.phone) : user.phone,
    status: user.isDisabled ? "disabled" : user.isLocked ? "locked" : "active",
    mustChangePassword: user.mustChangePassword,
    isDemo: user.isDemo,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}

function auditedFields(user: Pick<UserRecord, "username" | "displayName" | "role" | "regionCode" | "phone">) {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    phone: user.phone,
  };
}

/** Users within the actor's scope, searchable by name or username. */
export async function listUsers(
  ctx: ServiceContext,
  filter: {
    q: string;
    role?: Role | undefined;
    regionCode?: string | undefined;
    status?: "active" | "disabled" | undefined;
    page: number;
    pageSize: number;
  },
) {
  authorize(ctx.actor, "user.read");
  if (filter.regionCode) authorize(ctx.actor, "user.read", { regionCode: filter.regionCode });
  const result = await findUsers(ctx.db, {
    scopePrefix: codePrefix(ctx.actor.regionCode),
    text: escapeLike(filter.q.toLowerCase()),
    role: filter.role,
    regionPrefix: filter.regionCode ? codePrefix(filter.regionCode) : undefined,
    status: filter.status,
    limit: filter.pageSize,
    offset: (filter.page - 1) * filter.pageSize,
  });
  return {
    rows: result.rows.map((user) => present(ctx.actor, user)),
    total: result.total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

async function findInScope(ctx: ServiceContext, id: string): Promise<UserRecord> {
  const user = await findUserWithin(ctx.db, id, codePrefix(ctx.actor.regionCode));
  if (!user) throw new AppError("NOT_FOUND");
  return user;
}

/** One user within the actor's scope. */
export async function getUser(ctx: ServiceContext, id: string): Promise<UserRow> {
  authorize(ctx.actor, "user.read");
  return present(ctx.actor, await findInScope(ctx, id));
}

async function assertRegionExists(ctx: ServiceContext, regionCode: string): Promise<void> {
  if (!(await findRegion(ctx.db, regionCode))) {
    throw new AppError("VALIDATION_FAILED", [{ path: "body.regionCode", message: "该行政区划不存在" }]);
  }
}

/** Creates a user in the actor's scope; the one-time password is returned once and stored only as a hash. */
export async function createUser(
  ctx: ServiceContext,
  input: {
    username: string;
    displayName: string;
    role: Role;
    regionCode: string;
    phone?: string | undefined;
  },
): Promise<{ user: UserRow; temporaryPassword: string }> {
  authorize(ctx.actor, "user.manage", { regionCode: input.regionCode });
  await assertRegionExists(ctx, input.regionCode);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const id = await ctx.db.transaction(async (tx) => {
    if (await isUsernameTaken(tx, input.username)) {
      throw new AppError("CONFLICT", [{ path: "body.username", message: "该用户名已被使用" }]);
    }
    const fields = { ...input, phone: input.phone ?? null };
    const newId = await insertUser(tx, {
      ...fields,
      countyCode: countyCodeOf(input.regionCode) ?? null,
      passwordHash,
      isDemo: false,
    });
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "user.create",
      entityType: "user",
      entityId: newId,
      regionCode: input.regionCode,
      after: auditedFields(fields),
    });
    return newId;
  });
  return { user: present(ctx.actor, await findInScope(ctx, id)), temporaryPassword };
}

/** Changes a user's name, role, scope or phone; the new scope must lie within the actor's. */
export async function updateUser(
  ctx: ServiceContext,
  id: string,
  input: {
    displayName?: string | undefined;
    role?: Role | undefined;
    regionCode?: string | undefined;
    phone?: string | null | undefined;
    version: number;
  },
): Promise<UserRow> {
  authorize(ctx.actor, "user.manage");
  const before = await findInScope(ctx, id);
  authorize(ctx.actor, "user.manage", before);
  if (input.regionCode) {
    authorize(ctx.actor, "user.manage", { regionCode: input.regionCode });
    await assertRegionExists(ctx, input.regionCode);
  }
  const isSelf = id === ctx.actor.id;
  if (
    isSelf &&
    ((input.role && input.role !== before.role) ||
      (input.regionCode && input.regionCode !== before.regionCode))
  ) {
    throw new AppError("FORBIDDEN", [{ path: "body", message: "不能修改自己的角色或管辖范围" }]);
  }
  const after = {
    displayName: input.displayName ?? before.displayName,
    role: input.role ?? before.role,
    regionCode: input.regionCode ?? before.regionCode,
    phone: input.phone === undefined ? before.phone : input.phone,
  };
  await ctx.db.transaction(async (tx) => {
    const changes = { ...after, countyCode: countyCodeOf(after.regionCode) ?? null };
    if (!(await updateUserRow(tx, id, changes, input.version))) throw new AppError("STALE_VERSION");
    // A new role or scope takes effect at once: old sessions carry the old permissions.
    if (after.role !== before.role || after.regionCode !== before.regionCode)
      await deleteUserSessions(tx, id);
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "user.update",
      entityType: "user",
      entityId: id,
      regionCode: after.regionCode,
      before: auditedFields(before),
      after: auditedFields({ ...after, username: before.username }),
    });
  });
  return present(ctx.actor, await findInScope(ctx, id));
}

/** Disables a user (ending their sessions) or enables them again. */
export async function setUserDisabled(
  ctx: ServiceContext,
  id: string,
  isDisabled: boolean,
  version: number,
): Promise<UserRow> {
  authorize(ctx.actor, "user.manage");
  const before = await findInScope(ctx, id);
  authorize(ctx.actor, "user.manage", before);
  if (id === ctx.actor.id)
    throw new AppError("FORBIDDEN", [{ path: "params.id", message: "不能停用自己的账号" }]);
  await ctx.db.transaction(async (tx) => {
    if (!(await updateUserDisabled(tx, id, isDisabled, version))) throw new AppError("STALE_VERSION");
    if (isDisabled) await deleteUserSessions(tx, id);
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: isDisabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: id,
      regionCode: before.regionCode,
      before: { isDisabled: before.isDisabled },
      after: { isDisabled },
    });
  });
  return present(ctx.actor, await findInScope(ctx, id));
}

/** Gives a user a new one-time password, unlocks them and ends their sessions. */
export async function resetUserPassword(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "user.manage");
  const user = await findInScope(ctx, id);
  authorize(ctx.actor, "user.manage", user);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await ctx.db.transaction(async (tx) => {
    await updatePasswordHash(tx, id, passwordHash, true);
    await deleteUserSessions(tx, id);
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "user.password_reset",
      entityType: "user",
      entityId: id,
      regionCode: user.regionCode,
    });
  });
  return { user: present(ctx.actor, await findInScope(ctx, id)), temporaryPassword };
}
