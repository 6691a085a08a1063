import { useMutation, useQueryClient } from "@tanstack/react-query";
import { logout } from "../../../../shared/api/session.api.js";
import { callApi } from "../../../api/callApi.js";
import { rememberSession } from "../rememberSession.js";

/** Signs out; the local session is forgotten even when the server cannot be reached. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callApi(logout),
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== "session" });
      rememberSession(queryClient, null);
    },
  });
}
