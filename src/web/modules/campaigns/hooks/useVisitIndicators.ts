import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getVisitIndicators, setVisitIndicators } from "../../../../shared/api/visits.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";

const key = (countyCode: string) => ["campaigns", "indicators", countyCode] as const;

/** The indicator checklist a county asks on visits. */
export function useVisitIndicators(countyCode: string | undefined) {
  return useQuery({
    queryKey: key(countyCode ?? ""),
    queryFn: () => callApi(getVisitIndicators, { params: { countyCode: countyCode! } }),
    enabled: countyCode !== undefined,
  });
}

/** Replaces a county's checklist (version-checked). */
export function useSetVisitIndicators(countyCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof setVisitIndicators>) =>
      callApi(setVisitIndicators, { params: { countyCode }, body }),
    onSuccess: (saved) => queryClient.setQueryData(key(countyCode), saved),
  });
}
