import { login } from "../../shared/api/session.api.js";
import type { Endpoint } from "../../shared/endpoint.js";
import { errorEnvelope } from "../../shared/errors.js";
import { ApiError } from "./ApiError.js";
import { apiContext } from "./apiContext.js";

/**
 * The error of a failed call, from the server's error envelope (or BAD_RESPONSE without one). Tells
 * the app when the session has ended or the password must change first.
 */
export function apiErrorOf(endpoint: Endpoint, status: number, payload: unknown): ApiError {
  const envelope = errorEnvelope.safeParse(payload);
  if (!envelope.success) return new ApiError("BAD_RESPONSE", "", status);
  const { code, message, details } = envelope.data.error;
  // The session calls themselves (sign in, read, sign out) report 401 to their caller; anywhere
  // else 401 means the session ended and the app returns to the login page.
  if (code === "UNAUTHENTICATED" && endpoint.path !== login.path) apiContext.onUnauthenticated();
  if (code === "PASSWORD_CHANGE_REQUIRED") apiContext.onPasswordChangeRequired();
  return new ApiError(code, message, status, details);
}
