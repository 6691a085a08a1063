import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listHouseholds } from "../../../../shared/api/households.api.js";
import type { QueryOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { householdQueryKeys } from "../householdQueryKeys.js";

/** One page of households within the caller's scope; the previous page stays visible while the next loads. */
export function useHouseholds(filter: QueryOf<typeof listHouseholds>) {
  return useQuery({
    queryKey: householdQueryKeys.list(filter),
    queryFn: () => callApi(listHouseholds, { query: filter }),
    placeholderData: keepPreviousData,
  });
}
