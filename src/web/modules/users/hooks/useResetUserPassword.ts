import { useMutation } from "@tanstack/react-query";
import { resetUserPassword } from "../../../../shared/api/users.api.js";
import { callApi } from "../../../api/callApi.js";
import { useRefreshAfterUserWrite } from "./useRefreshAfterUserWrite.js";

/** Gives a user a new one-time password (and unlocks them). */
export function useResetUserPassword() {
  const refresh = useRefreshAfterUserWrite();
  return useMutation({
    mutationFn: (id: string) => callApi(resetUserPassword, { params: { id } }),
    onSettled: refresh,
  });
}
