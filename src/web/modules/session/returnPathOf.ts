/**
 * Where the user was going when a guard sent them to sign in or to change their password (kept in
 * the router's location state as `from`, e.g. a QR code's /phone?village=…): an address inside the
 * app, never the sign-in or password screen itself.
 */
export function returnPathOf(state: unknown): string | undefined {
  if (typeof state !== "object" || state === null || !("from" in state)) return undefined;
  const from = state.from;
  if (typeof from !== "string" || !from.startsWith("/") || from.startsWith("//")) return undefined;
  return from.startsWith("/login") || from.startsWith("/change-password") ? undefined : from;
}
