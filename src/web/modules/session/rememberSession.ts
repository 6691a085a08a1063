import type { QueryClient } from "@tanstack/react-query";
import { apiContext } from "../../api/apiContext.js";
import type { Session } from "./Session.js";
import { sessionQueryKey } from "./sessionQueryKey.js";

/** Makes `session` the current one (or signs out with null): CSRF token for writes and cached user. */
export function rememberSession(queryClient: QueryClient, session: Session | null): void {
  apiContext.csrfToken = session?.csrfToken;
  queryClient.setQueryData(sessionQueryKey, session);
}
