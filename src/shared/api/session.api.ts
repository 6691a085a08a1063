import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";
import { regionCodeSchema, roleSchema, uuidSchema } from "./common.js";

export const sessionUser = z.object({
  id: uuidSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  regionCode: regionCodeSchema,
  regionName: z.string(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionResponse = z.object({
  user: sessionUser,
  /** Sent back in the X-CSRF-Token header with every write. */
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export const login = defineEndpoint({
  method: "POST",
  path: "/api/session",
  summary: "Signs in with username and password; sets the session cookie",
  tag: "session",
  isPublic: true,
  body: z.strictObject({
    username: z.string().trim().toLowerCase().min(1).max(40),
    password: z.string().min(1).max(200),
  }),
  response: sessionResponse,
});

export const getSession = defineEndpoint({
  method: "GET",
  path: "/api/session",
  summary: "The signed-in user and the CSRF token of the session",
  tag: "session",
  response: sessionResponse,
});

export const logout = defineEndpoint({
  method: "DELETE",
  path: "/api/session",
  summary: "Signs out and ends the session",
  tag: "session",
  isPublic: true,
  response: z.object({ ok: z.literal(true) }),
});

export const changePassword = defineEndpoint({
  method: "POST",
  path: "/api/session/password",
  summary: "Changes the signed-in user's password; other sessions of the user end",
  tag: "session",
  body: z.strictObject({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(1).max(200),
  }),
  response: sessionResponse,
});
