import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiContext } from "../../../api/apiContext.js";
import { rememberSession } from "../rememberSession.js";
import type { Session } from "../Session.js";
import { sessionQueryKey } from "../sessionQueryKey.js";

/**
 * Connects the API client to the session: a 401 from any call forgets the session (the guards
 * then show the login page), and PASSWORD_CHANGE_REQUIRED sends the user to the password form.
 */
export function useSessionEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    apiContext.onUnauthenticated = () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
      rememberSession(queryClient, null);
    };
    apiContext.onPasswordChangeRequired = () => {
      const session = queryClient.getQueryData<Session | null>(sessionQueryKey);
      if (session && !session.user.mustChangePassword) {
        rememberSession(queryClient, { ...session, user: { ...session.user, mustChangePassword: true } });
      }
    };
    return () => {
      apiContext.onUnauthenticated = () => {};
      apiContext.onPasswordChangeRequired = () => {};
    };
  }, [queryClient]);
}
