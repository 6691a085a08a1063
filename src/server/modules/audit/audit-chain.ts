import { createHash } from "node:crypto";

/** The first link of every chain. */
export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth, so a value hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The fields of an audit event that its hash covers. */
export interface ChainedFields {
  chainCode: string;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string;
  regionCode: string;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
}

/** sha256 over the previous hash and the event's fields: changing any past event breaks every later link. */
export function chainHash(prevHash: string, event: ChainedFields): string {
  const payload = canonicalJson({ ...event, occurredAt: event.occurredAt.toISOString() });
  return createHash("sha256").update(prevHash).update("\n").update(payload).digest("hex");
}
