/**
 * The API's `asOf` for what the address holds: a date (yyyy-MM-dd) means the end of that local
 * day; a full timestamp (a timeline entry's) is kept as it is. Anything else means "now".
 */
export function asOfTimestamp(value: string | null): string | undefined {
  if (!value) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999`) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
