import { useMutation, useQueryClient } from "@tanstack/react-query";
import { changePassword } from "../../../../shared/api/session.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { rememberSession } from "../rememberSession.js";

/** Changes the signed-in user's password; the answer is the renewed session. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof changePassword>) => callApi(changePassword, { body }),
    onSuccess: (session) => rememberSession(queryClient, session),
  });
}
