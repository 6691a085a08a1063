/** React-query keys of the regions module; invalidating `all` refreshes every region screen. */
export const regionQueryKeys = {
  all: ["regions"] as const,
  detail: (code: string) => ["regions", "detail", code] as const,
  search: (text: string) => ["regions", "search", text] as const,
};
