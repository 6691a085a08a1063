import { useQuery } from "@tanstack/react-query";
import { listRigidSpending } from "../../../../shared/api/monitoring.api.js";
import { callApi } from "../../../api/callApi.js";
import { monitoringQueryKeys } from "../monitoringQueryKeys.js";

/** A household's recorded rigid spending by year (nothing fetched until a household is chosen). */
export function useRigidSpending(householdId: string | undefined) {
  return useQuery({
    queryKey: [...monitoringQueryKeys.all, "spending", householdId ?? ""],
    queryFn: () => callApi(listRigidSpending, { params: { id: householdId ?? "" } }),
    enabled: householdId !== undefined,
  });
}
