import { useQuery } from "@tanstack/react-query";
import { getMonitoringCase } from "../../../../shared/api/monitoring-cases.api.js";
import { callApi } from "../../../api/callApi.js";
import { monitoringQueryKeys } from "../monitoringQueryKeys.js";

/** One monitoring case with its steps, measures and the user's next actions. */
export function useMonitoringCase(id: string) {
  return useQuery({
    queryKey: monitoringQueryKeys.case(id),
    queryFn: () => callApi(getMonitoringCase, { params: { id } }),
  });
}
