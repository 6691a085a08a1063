import { useMutation, useQueryClient } from "@tanstack/react-query";
import { renameRegion } from "../../../../shared/api/regions.api.js";
import { callApi } from "../../../api/callApi.js";
import { regionQueryKeys } from "../regionQueryKeys.js";

/** Renames a region; `version` is the one the user saw, so a concurrent change is refused. */
export function useRenameRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; name: string; version: number }) =>
      callApi(renameRegion, {
        params: { code: input.code },
        body: { name: input.name, version: input.version },
      }),
    // Also after a refusal: a stale version means the screen must show the current name.
    onSettled: () => queryClient.invalidateQueries({ queryKey: regionQueryKeys.all }),
  });
}
