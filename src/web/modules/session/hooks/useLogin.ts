import { useMutation, useQueryClient } from "@tanstack/react-query";
import { login } from "../../../../shared/api/session.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { rememberSession } from "../rememberSession.js";

/** Signs in; on success the session becomes current and the guards take the user onwards. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof login>) => callApi(login, { body }),
    onSuccess: (session) => {
      // A previous user's cached lists must never show to the next one.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
      rememberSession(queryClient, session);
    },
  });
}
