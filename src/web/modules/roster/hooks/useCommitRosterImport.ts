import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commitRosterImport, type getRosterImport } from "../../../../shared/api/roster.api.js";
import type { ResponseOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { rosterQueryKeys } from "../rosterQueryKeys.js";

type ImportWithProblems = ResponseOf<typeof getRosterImport>;

/**
 * Confirms a validated import. The server writes it in the background: the import screen shows it
 * committing at once and goes back to polling (useRosterImport refreshes the household screens
 * once it is written).
 */
export function useCommitRosterImport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isOnlyValid: boolean) =>
      callApi(commitRosterImport, { params: { id }, body: { isOnlyValid } }),
    onSuccess: (view) =>
      queryClient.setQueryData<ImportWithProblems>(rosterQueryKeys.import(id), (current) =>
        current ? { ...current, ...view } : current,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: rosterQueryKeys.all }),
  });
}
