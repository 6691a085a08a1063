import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createRegion } from "../../../../shared/api/regions.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { regionQueryKeys } from "../regionQueryKeys.js";

/** Adds a village under a township or a group under a village. */
export function useCreateRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createRegion>) => callApi(createRegion, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionQueryKeys.all }),
  });
}
