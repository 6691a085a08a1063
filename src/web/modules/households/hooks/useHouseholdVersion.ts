import { useQuery } from "@tanstack/react-query";
import { getHouseholdVersion } from "../../../../shared/api/households.api.js";
import { callApi } from "../../../api/callApi.js";
import { householdQueryKeys } from "../householdQueryKeys.js";

/** One saved version with its (masked) snapshot; versions never change, so it is cached for good. */
export function useHouseholdVersion(id: string, version: number | undefined) {
  return useQuery({
    queryKey: householdQueryKeys.version(id, version ?? 0),
    queryFn: () => callApi(getHouseholdVersion, { params: { id, version: version ?? 0 } }),
    enabled: version !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
