import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Endpoint, ResponseOf } from "../../../../shared/endpoint.js";
import { type CallInput, callApi } from "../../../api/callApi.js";
import { monitoringQueryKeys } from "../monitoringQueryKeys.js";

/** A write to a monitoring endpoint; every monitoring screen is refreshed after it. */
export function useMonitoringWrite<E extends Endpoint>(endpoint: E) {
  const queryClient = useQueryClient();
  return useMutation<ResponseOf<E>, Error, CallInput<E>>({
    mutationFn: (input) => callApi(endpoint, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: monitoringQueryKeys.all }),
  });
}
