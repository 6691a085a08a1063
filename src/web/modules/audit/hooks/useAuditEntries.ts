import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listAuditEntries } from "../../../../shared/api/audit.api.js";
import type { QueryOf } from "../../../../shared/endpoint.js";
import { callApi } from "../../../api/callApi.js";
import { auditQueryKeys } from "../auditQueryKeys.js";

/** One page of audit entries within the caller's scope, newest first. */
export function useAuditEntries(filter: QueryOf<typeof listAuditEntries>) {
  return useQuery({
    queryKey: auditQueryKeys.list(filter),
    queryFn: () => callApi(listAuditEntries, { query: filter }),
    placeholderData: keepPreviousData,
  });
}
