import type { getSession } from "../../../shared/api/session.api.js";
import type { ResponseOf } from "../../../shared/endpoint.js";

/** The signed-in user, the CSRF token to send with writes, and when the session ends. */
export type Session = ResponseOf<typeof getSession>;
