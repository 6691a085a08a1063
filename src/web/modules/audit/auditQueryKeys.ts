import type { listAuditEntries } from "../../../shared/api/audit.api.js";
import type { QueryOf } from "../../../shared/endpoint.js";

/** React-query keys of the audit module; every write elsewhere invalidates `all`. */
export const auditQueryKeys = {
  all: ["audit"] as const,
  list: (filter: QueryOf<typeof listAuditEntries>) => ["audit", "list", filter] as const,
};
