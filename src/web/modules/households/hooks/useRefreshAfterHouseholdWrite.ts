import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { auditQueryKeys } from "../../audit/auditQueryKeys.js";
import { householdQueryKeys } from "../householdQueryKeys.js";

/**
 * What every write on a household refreshes: the household screens and the audit trail. Used also
 * after a refusal, since a stale version means the screen must show the current household.
 */
export function useRefreshAfterHouseholdWrite(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: householdQueryKeys.all }),
      queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
    ]);
  }, [queryClient]);
}
