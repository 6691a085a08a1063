import { useQuery } from "@tanstack/react-query";
import {
  getCampaign,
  getCampaignCoverage,
  getCampaignSummary,
} from "../../../../shared/api/campaigns.api.js";
import { callApi } from "../../../api/callApi.js";
import { campaignQueryKeys } from "../campaignQueryKeys.js";

// Coverage and summary follow the field work as it is sent in.
const LIVE_MS = 15_000;

/** One campaign with the user's share. */
export function useCampaign(id: string) {
  return useQuery({
    queryKey: campaignQueryKeys.detail(id),
    queryFn: () => callApi(getCampaign, { params: { id } }),
  });
}

/** Done / due / overdue per village and caseworker, refreshed every 15 seconds. */
export function useCampaignCoverage(id: string, regionCode: string | undefined) {
  return useQuery({
    queryKey: campaignQueryKeys.coverage(id, regionCode),
    queryFn: () => callApi(getCampaignCoverage, { params: { id }, query: { regionCode } }),
    refetchInterval: LIVE_MS,
  });
}

/** The campaign's figures in the reports' terms, refreshed every 15 seconds. */
export function useCampaignSummary(id: string, regionCode: string | undefined) {
  return useQuery({
    queryKey: campaignQueryKeys.summary(id, regionCode),
    queryFn: () => callApi(getCampaignSummary, { params: { id }, query: { regionCode } }),
    refetchInterval: LIVE_MS,
  });
}
