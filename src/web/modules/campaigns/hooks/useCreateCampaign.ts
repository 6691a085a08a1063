import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createCampaign } from "../../../../shared/api/campaigns.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { campaignQueryKeys } from "../campaignQueryKeys.js";

/** Starts a campaign. */
export function useCreateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createCampaign>) => callApi(createCampaign, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: campaignQueryKeys.all }),
  });
}
