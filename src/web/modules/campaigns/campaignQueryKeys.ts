/** React-query keys of campaigns, difficulties and pending changes; `all` refreshes every such screen. */
export const campaignQueryKeys = {
  all: ["campaigns"] as const,
  list: (page: number) => ["campaigns", "list", page] as const,
  detail: (id: string) => ["campaigns", "detail", id] as const,
  coverage: (id: string, regionCode: string | undefined) =>
    ["campaigns", "coverage", id, regionCode ?? ""] as const,
  summary: (id: string, regionCode: string | undefined) =>
    ["campaigns", "summary", id, regionCode ?? ""] as const,
  difficulties: (filter: object) => ["campaigns", "difficulties", filter] as const,
  pendingChanges: (status: string, page: number) => ["campaigns", "pending-changes", status, page] as const,
  /** How many changes wait (the workbench's count). */
  pendingChangesCount: () => ["campaigns", "pending-changes", "count"] as const,
  pendingChange: (id: string) => ["campaigns", "pending-change", id] as const,
};
