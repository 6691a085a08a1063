import { useQuery } from "@tanstack/react-query";
import { listHouseholdCaseworkers } from "../../../../shared/api/households.api.js";
import { callApi } from "../../../api/callApi.js";
import { householdQueryKeys } from "../householdQueryKeys.js";

/** The household's current caseworkers and every earlier assignment. */
export function useHouseholdCaseworkers(id: string) {
  return useQuery({
    queryKey: householdQueryKeys.caseworkers(id),
    queryFn: () => callApi(listHouseholdCaseworkers, { params: { id } }),
  });
}
