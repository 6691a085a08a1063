import { useQuery } from "@tanstack/react-query";
import { getRegion } from "../../../../shared/api/regions.api.js";
import { callApi } from "../../../api/callApi.js";
import { regionQueryKeys } from "../../regions/regionQueryKeys.js";

/** The name of a region given only by its code (e.g. from a shared link), for pickers to show. */
export function useRegionName(code: string | undefined) {
  return useQuery({
    queryKey: regionQueryKeys.detail(code ?? ""),
    queryFn: () => callApi(getRegion, { params: { code: code ?? "" } }),
    enabled: code !== undefined,
    select: (answer) => answer.region.name,
  });
}
