import { useMutation } from "@tanstack/react-query";
import { setUserDisabled } from "../../../../shared/api/users.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { useRefreshAfterUserWrite } from "./useRefreshAfterUserWrite.js";

/** Disables a user (ending their sessions) or enables them again. */
export function useSetUserDisabled() {
  const refresh = useRefreshAfterUserWrite();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof setUserDisabled> & { id: string }) =>
      callApi(setUserDisabled, { params: { id }, body }),
    onSettled: refresh,
  });
}
