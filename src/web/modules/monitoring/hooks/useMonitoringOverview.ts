import { useQuery } from "@tanstack/react-query";
import { monitoringOverview } from "../../../../shared/api/monitoring-cases.api.js";
import { callApi } from "../../../api/callApi.js";
import { monitoringQueryKeys } from "../monitoringQueryKeys.js";

/** The region's monitoring figures (the user's own region when none is given). */
export function useMonitoringOverview(regionCode: string | undefined) {
  return useQuery({
    queryKey: monitoringQueryKeys.overview(regionCode),
    queryFn: () => callApi(monitoringOverview, { query: regionCode ? { regionCode } : {} }),
  });
}
