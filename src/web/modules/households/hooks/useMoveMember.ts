import { useMutation } from "@tanstack/react-query";
import { moveMember } from "../../../../shared/api/households.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { useRefreshAfterHouseholdWrite } from "./useRefreshAfterHouseholdWrite.js";

/** Moves a member to another household, or into a new household of their own; both get a new version. */
export function useMoveMember() {
  const refresh = useRefreshAfterHouseholdWrite();
  return useMutation({
    mutationFn: ({ id, memberId, ...body }: BodyOf<typeof moveMember> & { id: string; memberId: string }) =>
      callApi(moveMember, { params: { id, memberId }, body }),
    onSettled: refresh,
  });
}
