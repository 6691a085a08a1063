import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listMonitoringCases } from "../../../../shared/api/monitoring-cases.api.js";
import type { QueryOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { monitoringQueryKeys } from "../monitoringQueryKeys.js";

/** One page of monitoring cases in the user's scope. */
export function useMonitoringCases(query: QueryOf<typeof listMonitoringCases>) {
  return useQuery({
    queryKey: monitoringQueryKeys.cases(query),
    queryFn: () => callApi(listMonitoringCases, { query }),
    placeholderData: keepPreviousData,
  });
}
