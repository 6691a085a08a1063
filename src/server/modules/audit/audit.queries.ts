import type { Queryable } from "../../db/db.js";
import type { ChainedFields } from "./audit-chain.js";

export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

/** The fields of an entry as a writer appends it: its place in the chain comes when it is sealed. */
export type AppendedFields = Omit<ChainedFields, "seq">;

/** Appends one unsealed entry; no chain lock, so writers of one county never wait on each other. */
export async function insertAuditEvent(q: Queryable, event: AppendedFields): Promise<void> {
  await q.query(
    `insert into audit_event (chain_code, occurred_at, actor_id, actor_username, action, entity_type, entity_id,
       region_code, before, after, ip, user_agent)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      event.chainCode,
      event.occurredAt,
      event.actorId,
      event.actorUsername,
      event.action,
      event.entityType,
      event.entityId,
      event.regionCode,
      event.before === null ? null : JSON.stringify(event.before),
      event.after === null ? null : JSON.stringify(event.after),
      event.ip,
      event.userAgent,
    ],
  );
}

/**
 * An INSERT of one entry given as JSON (`auditEventParam`) in parameter `$param`, for a writer that
 * appends its entry inside its own statement (a CTE): the entry is written once per row of `from`,
 * so naming a CTE that returns no row when nothing was written writes no entry either.
 */
export function insertAuditEventSql(param: number, from: string): string {
  return `insert into audit_event (chain_code, occurred_at, actor_id, actor_username, action, entity_type,
       entity_id, region_code, before, after, ip, user_agent)
     select a.chain_code, a.occurred_at, a.actor_id, a.actor_username, a.action, a.entity_type, a.entity_id,
       a.region_code, a.before, a.after, a.ip, a.user_agent
     from ${from}, jsonb_to_record($${param}::jsonb) as a(chain_code text, occurred_at timestamptz, actor_id uuid,
       actor_username text, action text, entity_type text, entity_id text, region_code text, before jsonb,
       after jsonb, ip text, user_agent text)`;
}

/**
 * Like `insertAuditEventSql` for many entries: those of `$param` (a JSON array of
 * `auditEventParam` objects) whose entity id `from` holds in its column `idColumn`.
 */
export function insertAuditEventsSql(param: number, from: string, idColumn: string): string {
  return `insert into audit_event (chain_code, occurred_at, actor_id, actor_username, action, entity_type,
       entity_id, region_code, before, after, ip, user_agent)
     select a.chain_code, a.occurred_at, a.actor_id, a.actor_username, a.action, a.entity_type, a.entity_id,
       a.region_code, a.before, a.after, a.ip, a.user_agent
     from jsonb_to_recordset($${param}::jsonb) as a(chain_code text, occurred_at timestamptz, actor_id uuid,
       actor_username text, action text, entity_type text, entity_id text, region_code text, before jsonb,
       after jsonb, ip text, user_agent text)
     where a.entity_id in (select ${idColumn}::text from ${from})`;
}

/** The parameter `insertAuditEventSql` reads. */
export function auditEventParam(event: AppendedFields): string {
  return JSON.stringify({
    chain_code: event.chainCode,
    occurred_at: event.occurredAt.toISOString(),
    actor_id: event.actorId,
    actor_username: event.actorUsername,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId,
    region_code: event.regionCode,
    before: event.before,
    after: event.after,
    ip: event.ip,
    user_agent: event.userAgent,
  });
}

/**
 * Takes the sealer's lock for the rest of the transaction: one sealer at a time (the server's, a
 * listing, audit:verify), so a chain head is only ever moved by one of them.
 */
export async function lockSealing(q: Queryable): Promise<void> {
  await q.query("select pg_advisory_xact_lock(7263504)");
}

export interface UnsealedAuditEvent extends AppendedFields {
  id: number;
}

/** The oldest unsealed entries (committed ones: the caller's snapshot), in append order. */
export async function findUnsealedEvents(q: Queryable, limit: number): Promise<UnsealedAuditEvent[]> {
  return q.query<UnsealedAuditEvent>(
    `select id, chain_code as "chainCode", occurred_at as "occurredAt", actor_id as "actorId",
       actor_username as "actorUsername", action, entity_type as "entityType", entity_id as "entityId",
       region_code as "regionCode", before, after, ip, user_agent as "userAgent"
     from audit_event where hash is null order by id limit $1`,
    [limit],
  );
}

/** The heads of some chains, creating those not started yet at the genesis hash. */
export async function findOrStartChainHeads(
  q: Queryable,
  chainCodes: readonly string[],
  genesis: string,
): Promise<(ChainHead & { chainCode: string })[]> {
  await q.query(
    `insert into audit_chain (chain_code, last_seq, last_hash) select code, 0, $2 from unnest($1::text[]) as code
     on conflict (chain_code) do nothing`,
    [chainCodes, genesis],
  );
  return q.query(
    `select chain_code as "chainCode", last_seq as "lastSeq", last_hash as "lastHash" from audit_chain
     where chain_code = any($1::text[])`,
    [chainCodes],
  );
}

export interface Seal {
  id: number;
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * Seals entries (one statement) and moves their chains' heads (one statement); the number of
 * entries sealed, which is fewer than given only if some were no longer unsealed.
 */
export async function writeSeals(
  q: Queryable,
  seals: readonly Seal[],
  heads: readonly (ChainHead & { chainCode: string })[],
): Promise<number> {
  const sealed = await q.query(
    `update audit_event e set seq = s.seq, prev_hash = s.prev_hash, hash = s.hash
     from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) as s(id, seq, prev_hash, hash)
     where e.id = s.id and e.hash is null
     returning e.id`,
    [seals.map((s) => s.id), seals.map((s) => s.seq), seals.map((s) => s.prevHash), seals.map((s) => s.hash)],
  );
  await q.query(
    `update audit_chain c set last_seq = h.last_seq, last_hash = h.last_hash
     from unnest($1::text[], $2::bigint[], $3::text[]) as h(chain_code, last_seq, last_hash)
     where c.chain_code = h.chain_code`,
    [heads.map((h) => h.chainCode), heads.map((h) => h.lastSeq), heads.map((h) => h.lastHash)],
  );
  return sealed.length;
}

/** Whether any entry waits to be sealed. */
export async function hasUnsealedEvents(q: Queryable): Promise<boolean> {
  const [row] = await q.query<{ waiting: boolean }>(
    "select exists (select 1 from audit_event where hash is null) as waiting",
  );
  return row?.waiting ?? false;
}

/** A sealed entry: its place in its chain and its link. */
export interface StoredAuditEvent extends ChainedFields {
  prevHash: string;
  hash: string;
}

const EVENT_COLUMNS = `chain_code as "chainCode", seq, occurred_at as "occurredAt", actor_id as "actorId",
  actor_username as "actorUsername", action, entity_type as "entityType", entity_id as "entityId",
  region_code as "regionCode", before, after, ip, user_agent as "userAgent", prev_hash as "prevHash", hash`;

/** One page of a chain in order, for verification. */
export async function findChainEvents(
  q: Queryable,
  chainCode: string,
  afterSeq: number,
  limit: number,
): Promise<StoredAuditEvent[]> {
  return q.query<StoredAuditEvent>(
    `select ${EVENT_COLUMNS} from audit_event where chain_code = $1 and seq > $2 order by seq limit $3`,
    [chainCode, afterSeq, limit],
  );
}

/** Every chain with its recorded head. */
export async function findChainHeads(q: Queryable): Promise<(ChainHead & { chainCode: string })[]> {
  return q.query(
    `select chain_code as "chainCode", last_seq as "lastSeq", last_hash as "lastHash" from audit_chain order by chain_code`,
  );
}

export interface AuditFilter {
  scopePrefix: string;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

/** Audit events whose record lies within a scope, newest first, with the total count. */
export async function findAuditEvents(
  q: Queryable,
  filter: AuditFilter,
): Promise<{ rows: StoredAuditEvent[]; total: number }> {
  // Sealed entries only: the caller seals first, and one committed a moment later waits its turn.
  const where = `region_code like $1 || '%' and seq is not null
    and ($2::text is null or entity_type = $2)
    and ($3::text is null or entity_id = $3)
    and ($4::text is null or actor_username = $4)
    and ($5::text is null or action = $5)
    and ($6::date is null or occurred_at >= $6::date)
    and ($7::date is null or occurred_at < $7::date + 1)`;
  const params = [
    filter.scopePrefix,
    filter.entityType ?? null,
    filter.entityId ?? null,
    filter.actor ?? null,
    filter.action ?? null,
    filter.from ?? null,
    filter.to ?? null,
  ];
  const rows = await q.query<StoredAuditEvent>(
    `select ${EVENT_COLUMNS} from audit_event where ${where}
     order by occurred_at desc, id desc limit $8 offset $9`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await q.query<{ total: number }>(
    `select count(*)::int as total from audit_event where ${where}`,
    params,
  );
  return { rows, total: count?.total ?? 0 };
}
