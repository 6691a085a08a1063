import { useQuery } from "@tanstack/react-query";
import { listHouseholdVersions } from "../../../../shared/api/households.api.js";
import { callApi } from "../../../api/callApi.js";
import { householdQueryKeys } from "../householdQueryKeys.js";

/** The household's timeline: every saved version, newest first. */
export function useHouseholdVersions(id: string) {
  return useQuery({
    queryKey: householdQueryKeys.versions(id),
    queryFn: () => callApi(listHouseholdVersions, { params: { id } }),
  });
}
