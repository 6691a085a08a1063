/** React-query keys of the monitoring module; invalidating `all` refreshes every monitoring screen. */
export const monitoringQueryKeys = {
  all: ["monitoring"] as const,
  alerts: (filter: Record<string, unknown>) => ["monitoring", "alerts", filter] as const,
  cases: (filter: Record<string, unknown>) => ["monitoring", "cases", filter] as const,
  case: (id: string) => ["monitoring", "case", id] as const,
  overview: (regionCode: string | undefined) => ["monitoring", "overview", regionCode ?? ""] as const,
  rules: (countyCode: string, year: number) => ["monitoring", "rules", countyCode, year] as const,
  lists: (page: number) => ["monitoring", "lists", page] as const,
};
