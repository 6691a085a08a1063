import { useQuery } from "@tanstack/react-query";
import { listMonitoringRules } from "../../../../shared/api/monitoring.api.js";
import { callApi } from "../../../api/callApi.js";
import { monitoringQueryKeys } from "../monitoringQueryKeys.js";

/** A county's monitoring rules for a year (saved or default). */
export function useMonitoringRules(countyCode: string | undefined, year: number) {
  return useQuery({
    queryKey: monitoringQueryKeys.rules(countyCode ?? "", year),
    queryFn: () => callApi(listMonitoringRules, { query: { countyCode: countyCode ?? "", year } }),
    enabled: countyCode !== undefined,
  });
}
