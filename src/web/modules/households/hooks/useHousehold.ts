import { useQuery } from "@tanstack/react-query";
import { getHousehold } from "../../../../shared/api/households.api.js";
import { callApi } from "../../../api/callApi.js";
import { householdQueryKeys } from "../householdQueryKeys.js";

/** A household's detail now, or as it stood at `asOf` (an ISO timestamp). */
export function useHousehold(id: string | undefined, asOf?: string) {
  return useQuery({
    queryKey: householdQueryKeys.detail(id ?? "", asOf),
    queryFn: () => callApi(getHousehold, { params: { id: id ?? "" }, query: asOf ? { asOf } : {} }),
    enabled: id !== undefined,
  });
}
