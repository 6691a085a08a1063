import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  getPendingChange,
  listPendingChanges,
  resolvePendingChange,
} from "../../../../shared/api/visits.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { householdQueryKeys } from "../../households/householdQueryKeys.js";
import { campaignQueryKeys } from "../campaignQueryKeys.js";

/** Pending registry changes from visits, oldest first. */
export function usePendingChanges(status: "open" | "applied" | "rejected", page: number) {
  return useQuery({
    queryKey: campaignQueryKeys.pendingChanges(status, page),
    queryFn: () => callApi(listPendingChanges, { query: { status, page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
}

/** One pending change, field by field. */
export function usePendingChange(id: string | undefined) {
  return useQuery({
    queryKey: campaignQueryKeys.pendingChange(id ?? ""),
    queryFn: () => callApi(getPendingChange, { params: { id: id! } }),
    enabled: id !== undefined,
  });
}

/** Applies or rejects a pending change; the household screens are refreshed too. */
export function useResolvePendingChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof resolvePendingChange> }) =>
      callApi(resolvePendingChange, { params: { id }, body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: householdQueryKeys.all }),
      ]),
  });
}
