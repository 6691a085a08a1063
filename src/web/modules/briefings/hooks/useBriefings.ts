import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createBriefing,
  getBriefing,
  issueBriefing,
  listBriefings,
  updateBriefing,
} from "../../../../shared/api/briefings.api.js";
import type { BodyOf, QueryOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";

const KEYS = {
  all: ["briefings"] as const,
  list: (query: QueryOf<typeof listBriefings>) => ["briefings", "list", query] as const,
  detail: (id: string) => ["briefings", "detail", id] as const,
};

/** A page of briefings in the user's scope, newest first. */
export function useBriefings(query: QueryOf<typeof listBriefings>) {
  return useQuery({
    queryKey: KEYS.list(query),
    queryFn: () => callApi(listBriefings, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useBriefing(id: string) {
  return useQuery({ queryKey: KEYS.detail(id), queryFn: () => callApi(getBriefing, { params: { id } }) });
}

/** Create, edit and issue: each refreshes every briefing screen. */
export function useBriefingWrites() {
  const client = useQueryClient();
  const onSettled = () => client.invalidateQueries({ queryKey: KEYS.all });
  return {
    create: useMutation({
      mutationFn: (body: BodyOf<typeof createBriefing>) => callApi(createBriefing, { body }),
      onSettled,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: BodyOf<typeof updateBriefing> & { id: string }) =>
        callApi(updateBriefing, { params: { id }, body }),
      onSettled,
    }),
    issue: useMutation({
      mutationFn: ({ id, ...body }: BodyOf<typeof issueBriefing> & { id: string }) =>
        callApi(issueBriefing, { params: { id }, body }),
      onSettled,
    }),
  };
}
