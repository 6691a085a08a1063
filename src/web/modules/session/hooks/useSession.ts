import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { getSession } from "../../../../shared/api/session.api.js";
import { ApiError } from "../../../api/ApiError.js";
import { apiContext } from "../../../api/apiContext.js";
import { callApi } from "../../../api/callApi.js";
import type { Session } from "../Session.js";
import { sessionQueryKey } from "../sessionQueryKey.js";

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await callApi(getSession);
    apiContext.csrfToken = session.csrfToken;
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.code === "UNAUTHENTICATED") {
      apiContext.csrfToken = undefined;
      return null;
    }
    throw error;
  }
}

/** The current session, or null when nobody is signed in. */
export function useSession(): UseQueryResult<Session | null> {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}
