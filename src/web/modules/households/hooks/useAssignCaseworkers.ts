import { useMutation } from "@tanstack/react-query";
import { assignCaseworkers } from "../../../../shared/api/households.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { useRefreshAfterHouseholdWrite } from "./useRefreshAfterHouseholdWrite.js";

/** Sets a household's caseworkers; ended assignments stay in the history. */
export function useAssignCaseworkers(householdId: string) {
  const refresh = useRefreshAfterHouseholdWrite();
  return useMutation({
    mutationFn: (body: BodyOf<typeof assignCaseworkers>) =>
      callApi(assignCaseworkers, { params: { id: householdId }, body }),
    onSettled: refresh,
  });
}
