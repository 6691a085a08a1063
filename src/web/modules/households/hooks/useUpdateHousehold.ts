import { useMutation } from "@tanstack/react-query";
import { updateHousehold } from "../../../../shared/api/households.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { useRefreshAfterHouseholdWrite } from "./useRefreshAfterHouseholdWrite.js";

/** Saves a new version of a household, guarded by the version the editor started from. */
export function useUpdateHousehold() {
  const refresh = useRefreshAfterHouseholdWrite();
  return useMutation({
    mutationFn: ({ id, ...body }: BodyOf<typeof updateHousehold> & { id: string }) =>
      callApi(updateHousehold, { params: { id }, body }),
    onSettled: refresh,
  });
}
