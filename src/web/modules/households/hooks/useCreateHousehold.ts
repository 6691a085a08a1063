import { useMutation } from "@tanstack/react-query";
import { createHousehold } from "../../../../shared/api/households.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { useRefreshAfterHouseholdWrite } from "./useRefreshAfterHouseholdWrite.js";

/** Registers a household; the answer carries the saved detail and its data-quality warnings. */
export function useCreateHousehold() {
  const refresh = useRefreshAfterHouseholdWrite();
  return useMutation({
    mutationFn: (body: BodyOf<typeof createHousehold>) => callApi(createHousehold, { body }),
    onSettled: refresh,
  });
}
