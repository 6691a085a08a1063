import { useMutation } from "@tanstack/react-query";
import { createUser } from "../../../../shared/api/users.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { useRefreshAfterUserWrite } from "./useRefreshAfterUserWrite.js";

/** Creates a user; the answer carries the one-time password, shown once. */
export function useCreateUser() {
  const refresh = useRefreshAfterUserWrite();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createUser>) => callApi(createUser, { body }),
    onSettled: refresh,
  });
}
