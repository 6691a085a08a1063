import type { AuditEntry } from "../../../shared/api/audit.api.js";
import { codePrefix, countyCodeOf } from "../../../shared/division-code.js";
import { maskIdNumber, maskPhone } from "../../../shared/id-number.js";
import type { Queryable } from "../../db/db.js";
import type { Actor, RequestOrigin } from "../../http/actor.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import {
  type AppendedFields,
  type AuditFilter,
  findAuditEvents,
  insertAuditEvent,
  type StoredAuditEvent,
} from "./audit.queries.js";
import { sealAuditTrail } from "./audit-seal.js";

/** One write to record: what happened to which record, before and after. */
export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  /** Region the record belongs to; decides who may read the entry and which chain holds it. */
  regionCode: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

// Personal fields are masked before they reach the trail, whatever module writes them.
const MASKERS: [RegExp, (value: string) => string][] = [
  [/idnumber$/i, maskIdNumber],
  [/phone$/i, maskPhone],
  [/bankaccount$/i, (value) => `****${value.slice(-4)}`],
];
const OMITTED = /password|token|hash$/i;

/** A copy of a record with ID numbers, phones and bank accounts masked and secrets left out. */
export function maskForAudit(
  record: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (!record) return null;
  const masked: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (OMITTED.test(key)) continue;
    const masker = MASKERS.find(([pattern]) => pattern.test(key))?.[1];
    masked[key] = masker && typeof value === "string" && value !== "" ? masker(value) : value;
  }
  return masked;
}

/** The chain an entry goes to: its county's, or its region's own above county level. */
export function chainCodeOf(regionCode: string): string {
  return countyCodeOf(regionCode) ?? regionCode;
}

/**
 * The entry a write appends (personal fields masked): for a writer that appends it inside its own
 * statement (`insertAuditEventSql`) instead of calling `recordAudit`.
 */
export function auditEntryOf(
  actor: Pick<Actor, "id" | "username"> | null,
  origin: RequestOrigin,
  record: AuditRecord,
): AppendedFields {
  return {
    chainCode: chainCodeOf(record.regionCode),
    // Millisecond precision: the timestamp reads back exactly as it was written.
    occurredAt: new Date(Date.now()),
    actorId: actor?.id ?? null,
    actorUsername: actor?.username ?? null,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    regionCode: record.regionCode,
    before: maskForAudit(record.before),
    after: maskForAudit(record.after),
    ip: origin.ip,
    userAgent: origin.userAgent,
  };
}

/**
 * Appends an entry to the audit trail inside the caller's transaction, so the write and its
 * record commit or roll back together. `actor` is null for the system (first start, CLI). The
 * entry arrives unsealed, with no chain lock taken: the sealer (audit-seal.ts) links it into its
 * county's chain once it has committed.
 */
export async function recordAudit(
  tx: Queryable,
  actor: Pick<Actor, "id" | "username"> | null,
  origin: RequestOrigin,
  record: AuditRecord,
): Promise<void> {
  await insertAuditEvent(tx, auditEntryOf(actor, origin, record));
}

function presentEntry(event: StoredAuditEvent): AuditEntry {
  return {
    chainCode: event.chainCode,
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    actorUsername: event.actorUsername,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    regionCode: event.regionCode,
    before: (event.before as Record<string, unknown> | null) ?? null,
    after: (event.after as Record<string, unknown> | null) ?? null,
    ip: event.ip,
    userAgent: event.userAgent,
  };
}

/** Audit entries about records within the actor's scope. */
export async function listAuditEntries(
  ctx: ServiceContext,
  filter: Omit<AuditFilter, "scopePrefix" | "limit" | "offset"> & { page: number; pageSize: number },
): Promise<{ rows: AuditEntry[]; total: number; page: number; pageSize: number }> {
  authorize(ctx.actor, "audit.read");
  const { page, pageSize, ...rest } = filter;
  // Entries show their place in the chain: seal what has committed so far (usually nothing left).
  await sealAuditTrail(ctx.db);
  const result = await findAuditEvents(ctx.db, {
    ...rest,
    scopePrefix: codePrefix(ctx.actor.regionCode),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { rows: result.rows.map(presentEntry), total: result.total, page, pageSize };
}
