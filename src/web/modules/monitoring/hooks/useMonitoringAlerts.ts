import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listMonitoringAlerts } from "../../../../shared/api/monitoring.api.js";
import type { QueryOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { monitoringQueryKeys } from "../monitoringQueryKeys.js";

/** One page of alerts in the user's scope. */
export function useMonitoringAlerts(query: QueryOf<typeof listMonitoringAlerts>) {
  return useQuery({
    queryKey: monitoringQueryKeys.alerts(query),
    queryFn: () => callApi(listMonitoringAlerts, { query }),
    placeholderData: keepPreviousData,
  });
}
