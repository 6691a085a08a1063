import { useMutation } from "@tanstack/react-query";
import { updateUser } from "../../../../shared/api/users.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { useRefreshAfterUserWrite } from "./useRefreshAfterUserWrite.js";

/** Changes a user's name, role, region or phone, guarded by the version the editor saw. */
export function useUpdateUser() {
  const refresh = useRefreshAfterUserWrite();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof updateUser> & { id: string }) =>
      callApi(updateUser, { params: { id }, body }),
    onSettled: refresh,
  });
}
