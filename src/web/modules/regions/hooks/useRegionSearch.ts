import { useQuery } from "@tanstack/react-query";
import { searchRegions } from "../../../../shared/api/regions.api.js";
import { callApi } from "../../../api/callApi.js";
import { regionQueryKeys } from "../regionQueryKeys.js";

/** Regions within the user's scope whose name or code matches `text`, each with its path. */
export function useRegionSearch(text: string, isEnabled = true) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: regionQueryKeys.search(trimmed),
    queryFn: () => callApi(searchRegions, { query: { q: trimmed, limit: 20 } }),
    enabled: isEnabled,
    staleTime: 60_000,
  });
}
