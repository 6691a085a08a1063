import type { Queryable } from "../../db/db.js";
import type { ChainedFields } from "./audit-chain.js";

export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

/** Locks a chain's head for the rest of the transaction, creating the chain on first use. */
export async function lockChainHead(q: Queryable, chainCode: string, genesis: string): Promise<ChainHead> {
  await q.query(
    "insert into audit_chain (chain_code, last_seq, last_hash) values ($1, 0, $2) on conflict (chain_code) do nothing",
    [chainCode, genesis],
  );
  const rows = await q.query<ChainHead>(
    `select last_seq as "lastSeq", last_hash as "lastHash" from audit_chain where chain_code = $1 for update`,
    [chainCode],
  );
  return rows[0]!;
}

/** Appends one event and moves the chain head to it. */
export async function insertAuditEvent(
  q: Queryable,
  event: ChainedFields & { prevHash: string; hash: string },
): Promise<void> {
  await q.query(
    `insert into audit_event (chain_code, seq, occurred_at, actor_id, actor_username, action, entity_type, entity_id,
       region_code, before, after, ip, user_agent, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      event.chainCode,
      event.seq,
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
      event.prevHash,
      event.hash,
    ],
  );
  await q.query("update audit_chain set last_seq = $2, last_hash = $3 where chain_code = $1", [
    event.chainCode,
    event.seq,
    event.hash,
  ]);
}

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
  const where = `region_code like $1 || '%'
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
     order by occurred_at desc, seq desc limit $8 offset $9`,
    [...params, filter.limit, filter.offset],
  );
  const [count] = await q.query<{ total: number }>(
    `select count(*)::int as total from audit_event where ${where}`,
    params,
  );
  return { rows, total: count?.total ?? 0 };
}
