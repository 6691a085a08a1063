import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listUsers } from "../../../../shared/api/users.api.js";
import type { QueryOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { userQueryKeys } from "../userQueryKeys.js";

/** One page of users within the caller's scope; the previous page stays visible while the next loads. */
export function useUsers(filter: QueryOf<typeof listUsers>) {
  return useQuery({
    queryKey: userQueryKeys.list(filter),
    queryFn: () => callApi(listUsers, { query: filter }),
    placeholderData: keepPreviousData,
  });
}
