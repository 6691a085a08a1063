import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listDepartmentLists } from "../../../../shared/api/monitoring.api.js";
import { callApi } from "../../../api/callApi.js";
import { monitoringQueryKeys } from "../monitoringQueryKeys.js";

/** One page of department lists uploaded in the user's scope. */
export function useDepartmentLists(page: number) {
  return useQuery({
    queryKey: monitoringQueryKeys.lists(page),
    queryFn: () => callApi(listDepartmentLists, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
}
