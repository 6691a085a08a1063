import { useQuery } from "@tanstack/react-query";
import { listCaseworkers } from "../../../../shared/api/households.api.js";
import { callApi } from "../../../api/callApi.js";
import { householdQueryKeys } from "../householdQueryKeys.js";

/** The display name of one caseworker (e.g. chosen in a shared link), when it is not yet known. */
export function useCaseworkerName(id: string | undefined, isEnabled: boolean) {
  return useQuery({
    queryKey: householdQueryKeys.caseworkerDirectory("", id ?? ""),
    queryFn: () => callApi(listCaseworkers, { query: { ids: id ?? "" } }),
    enabled: isEnabled && id !== undefined,
    select: (result) => result.rows[0]?.displayName,
    staleTime: 5 * 60_000,
  });
}
