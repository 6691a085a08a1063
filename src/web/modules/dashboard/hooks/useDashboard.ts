import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getDashboard } from "../../../../shared/api/dashboard.api.js";
import { callApi } from "../../../api/callApi.js";

/** A region's dashboard (default: the user's own region); the previous one stays while the next loads. */
export function useDashboard(regionCode: string | undefined) {
  return useQuery({
    queryKey: ["dashboard", regionCode ?? "own"],
    queryFn: () => callApi(getDashboard, { query: regionCode ? { regionCode } : {} }),
    placeholderData: keepPreviousData,
  });
}
