import { useMutation, useQueryClient } from "@tanstack/react-query";
import { revealPersonalField } from "../../../../shared/api/households.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { auditQueryKeys } from "../../audit/auditQueryKeys.js";

/**
 * Fetches one ID number, phone or bank account in full. The value is handed to the caller only,
 * never cached, and the server records every reveal in the audit trail.
 */
export function useRevealPersonalField(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof revealPersonalField>) =>
      callApi(revealPersonalField, { params: { id: householdId }, body }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
  });
}
