import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listCampaigns } from "../../../../shared/api/campaigns.api.js";
import { callApi } from "../../../api/callApi.js";
import { campaignQueryKeys } from "../campaignQueryKeys.js";

/** Campaigns reaching into the user's scope, newest first. */
export function useCampaigns(page: number) {
  return useQuery({
    queryKey: campaignQueryKeys.list(page),
    queryFn: () => callApi(listCampaigns, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
}
