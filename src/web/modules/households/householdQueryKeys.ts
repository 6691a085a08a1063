import type { listHouseholds } from "../../../shared/api/households.api.js";
import type { QueryOf } from "../../../shared/endpoint.js";

/** React-query keys of the households module; invalidating `all` refreshes every household screen. */
export const householdQueryKeys = {
  all: ["households"] as const,
  list: (filter: QueryOf<typeof listHouseholds>) => ["households", "list", filter] as const,
  detail: (id: string, asOf: string | undefined) => ["households", "detail", id, asOf ?? "now"] as const,
  versions: (id: string) => ["households", "versions", id] as const,
  version: (id: string, version: number) => ["households", "version", id, version] as const,
  caseworkers: (id: string) => ["households", "caseworkers", id] as const,
  caseworkerDirectory: (q: string, ids: string) => ["households", "caseworker-directory", q, ids] as const,
};
