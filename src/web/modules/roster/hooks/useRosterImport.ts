import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRosterImport } from "../../../../shared/api/roster.api.js";
import type { ResponseOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { auditQueryKeys } from "../../audit/auditQueryKeys.js";
import { householdQueryKeys } from "../../households/householdQueryKeys.js";
import { rosterQueryKeys } from "../rosterQueryKeys.js";
import { isImportRunning } from "../utils/isImportRunning.js";

const POLL_MS = 1_000;

/**
 * One import with its problems, polled every second while its background job runs. When a commit
 * finishes, the household screens and the audit trail are refreshed: only then has anything changed.
 */
export function useRosterImport(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: rosterQueryKeys.import(id),
    queryFn: async () => {
      const before = queryClient.getQueryData<ResponseOf<typeof getRosterImport>>(rosterQueryKeys.import(id));
      const view = await callApi(getRosterImport, { params: { id } });
      if (before?.status === "committing" && view.status !== "committing") {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: householdQueryKeys.all }),
          queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
        ]);
      }
      return view;
    },
    refetchInterval: (query) =>
      query.state.data && isImportRunning(query.state.data.status) ? POLL_MS : false,
    // A page left open in a background tab keeps following the job, so the result is there on return.
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}
