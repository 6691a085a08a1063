import { useQuery } from "@tanstack/react-query";
import { listCaseworkers } from "../../../../shared/api/households.api.js";
import { callApi } from "../../../api/callApi.js";
import { householdQueryKeys } from "../householdQueryKeys.js";

/** Active caseworkers in the caller's scope whose name or username matches `text`. */
export function useCaseworkerSearch(text: string, isEnabled: boolean) {
  const q = text.trim();
  return useQuery({
    queryKey: householdQueryKeys.caseworkerDirectory(q, ""),
    queryFn: () => callApi(listCaseworkers, { query: { q } }),
    enabled: isEnabled,
  });
}
