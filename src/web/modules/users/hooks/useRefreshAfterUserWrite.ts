import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { auditQueryKeys } from "../../audit/auditQueryKeys.js";
import { userQueryKeys } from "../userQueryKeys.js";

/**
 * What every write on a user account refreshes: the user lists and the audit trail. Used also
 * after a refusal, since a stale version means the screen must show the current row.
 */
export function useRefreshAfterUserWrite(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: userQueryKeys.all }),
      queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
    ]);
  }, [queryClient]);
}
