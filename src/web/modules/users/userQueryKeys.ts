import type { listUsers } from "../../../shared/api/users.api.js";
import type { QueryOf } from "../../../shared/endpoint.js";

/** React-query keys of the users module; invalidating `all` refreshes every user list. */
export const userQueryKeys = {
  all: ["users"] as const,
  list: (filter: QueryOf<typeof listUsers>) => ["users", "list", filter] as const,
};
