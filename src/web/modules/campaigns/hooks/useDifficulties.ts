import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { listDifficulties, recordDifficultyAction } from "../../../../shared/api/campaigns.api.js";
import type { BodyOf, QueryOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { campaignQueryKeys } from "../campaignQueryKeys.js";

/** The difficulty list, open first. */
export function useDifficulties(filter: QueryOf<typeof listDifficulties>) {
  return useQuery({
    queryKey: campaignQueryKeys.difficulties(filter),
    queryFn: () => callApi(listDifficulties, { query: filter }),
    placeholderData: keepPreviousData,
  });
}

/** Records what was done about a difficulty; refreshes the list and the figures. */
export function useRecordDifficultyAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BodyOf<typeof recordDifficultyAction> }) =>
      callApi(recordDifficultyAction, { params: { id }, body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignQueryKeys.all }),
  });
}
