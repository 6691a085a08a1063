import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRegion } from "../../../../shared/api/regions.api.js";
import { callApi } from "../../../api/callApi.js";
import { regionQueryKeys } from "../regionQueryKeys.js";

/** A region with its ancestors (for the breadcrumb) and its children. */
export function useRegion(code: string) {
  return useQuery({
    queryKey: regionQueryKeys.detail(code),
    queryFn: () => callApi(getRegion, { params: { code } }),
    placeholderData: keepPreviousData,
  });
}
