/** The address of an endpoint: `:name` path segments filled from params, defined query values appended. */
export function requestUrl(path: string, params: unknown, query: unknown): string {
  const values = isRecord(params) ? params : {};
  const filledPath = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  if (isRecord(query)) {
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === "") continue;
      search.append(name, String(value));
    }
  }
  const queryText = search.toString();
  return queryText ? `${filledPath}?${queryText}` : filledPath;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
