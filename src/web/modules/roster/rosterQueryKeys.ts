/** React-query keys of the roster module; invalidating `all` refreshes every import screen. */
export const rosterQueryKeys = {
  all: ["roster"] as const,
  imports: (page: number, pageSize: number) => ["roster", "imports", page, pageSize] as const,
  import: (id: string) => ["roster", "import", id] as const,
  counties: (text: string) => ["roster", "counties", text] as const,
};
