import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";
import {
  pageOf,
  pageQuery,
  regionCodeSchema,
  roleSchema,
  textSchema,
  uuidSchema,
  versionSchema,
} from "./common.js";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{2,39}$/, {
    message: "用户名为 3–40 位小写字母、数字或 _ . -，以字母或数字开头",
  });
const phoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { message: "手机号应为 11 位数字" });

export const userRow = z.object({
  id: uuidSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  regionCode: z.string(),
  regionName: z.string(),
  /** Masked unless the viewer may see it in full. */
  phone: z.string().nullable(),
  status: z.enum(["active", "disabled", "locked"]),
  mustChangePassword: z.boolean(),
  isDemo: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type UserRow = z.infer<typeof userRow>;

export const listUsers = defineEndpoint({
  method: "GET",
  path: "/api/users",
  summary: "Users within the caller's scope, searchable and paged",
  tag: "users",
  query: z.strictObject({
    q: z.string().trim().max(50).default(""),
    role: roleSchema.optional(),
    regionCode: regionCodeSchema.optional(),
    status: z.enum(["active", "disabled"]).optional(),
    ...pageQuery,
  }),
  response: pageOf(userRow),
});

export const getUser = defineEndpoint({
  method: "GET",
  path: "/api/users/:id",
  summary: "One user within the caller's scope",
  tag: "users",
  params: z.strictObject({ id: uuidSchema }),
  response: userRow,
});

/** A new account's one-time password is shown once to the administrator and never stored in clear. */
const userWithPassword = z.object({ user: userRow, temporaryPassword: z.string() });

export const createUser = defineEndpoint({
  method: "POST",
  path: "/api/users",
  summary: "Creates a user in the caller's scope with a one-time password",
  tag: "users",
  body: z.strictObject({
    username: usernameSchema,
    displayName: textSchema(50),
    role: roleSchema,
    regionCode: regionCodeSchema,
    phone: phoneSchema.optional(),
  }),
  response: userWithPassword,
});

export const updateUser = defineEndpoint({
  method: "PATCH",
  path: "/api/users/:id",
  summary: "Changes a user's name, role, scope or phone",
  tag: "users",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject({
    displayName: textSchema(50).optional(),
    role: roleSchema.optional(),
    regionCode: regionCodeSchema.optional(),
    phone: phoneSchema.nullable().optional(),
    version: versionSchema,
  }),
  response: userRow,
});

export const setUserDisabled = defineEndpoint({
  method: "PUT",
  path: "/api/users/:id/disabled",
  summary: "Disables (ending their sessions) or re-enables a user",
  tag: "users",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject({ isDisabled: z.boolean(), version: versionSchema }),
  response: userRow,
});

export const resetUserPassword = defineEndpoint({
  method: "POST",
  path: "/api/users/:id/password-reset",
  summary: "Gives a user a new one-time password and unlocks the account",
  tag: "users",
  params: z.strictObject({ id: uuidSchema }),
  response: userWithPassword,
});
