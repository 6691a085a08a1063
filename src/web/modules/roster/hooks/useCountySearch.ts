import { useQuery } from "@tanstack/react-query";
import { searchRegions } from "../../../../shared/api/regions.api.js";
import { callApi } from "../../../api/callApi.js";
import { rosterQueryKeys } from "../rosterQueryKeys.js";

/** Counties within the user's scope whose name or code matches `text` (all of them, up to 50, for ""). */
export function useCountySearch(text: string) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: rosterQueryKeys.counties(trimmed),
    queryFn: () => callApi(searchRegions, { query: { q: trimmed, level: "county", limit: 50 } }),
    staleTime: 60_000,
  });
}
