import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listRosterImports } from "../../../../shared/api/roster.api.js";
import { callApi } from "../../../api/callApi.js";
import { rosterQueryKeys } from "../rosterQueryKeys.js";
import { isImportRunning } from "../utils/isImportRunning.js";

/** One page of the import history, newest first; refreshed while an import on it is running. */
export function useRosterImports(page: number, pageSize: number) {
  return useQuery({
    queryKey: rosterQueryKeys.imports(page, pageSize),
    queryFn: () => callApi(listRosterImports, { query: { page, pageSize } }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.rows.some((row) => isImportRunning(row.status)) ? 2_000 : false,
    staleTime: 0,
  });
}
