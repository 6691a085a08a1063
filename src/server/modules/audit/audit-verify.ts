import type { Db, Queryable } from "../../db/db.js";
import { findChainEvents, findChainHeads } from "./audit.queries.js";
import { chainHash, GENESIS_HASH } from "./audit-chain.js";
import { sealAuditTrail } from "./audit-seal.js";

export interface ChainProblem {
  chainCode: string;
  seq: number;
  problem: "hash_mismatch" | "broken_link" | "missing_event" | "head_mismatch";
}

/**
 * Seals what has committed, then recomputes every chain from its first event in one snapshot (a
 * sealer running meanwhile cannot make heads and entries disagree); returns the events checked,
 * every problem found, and why sealing failed when it did (the problems then say where).
 */
export async function verifyAuditTrail(
  db: Db,
): Promise<{ chains: number; events: number; problems: ChainProblem[]; sealingError: string | null }> {
  // A sealer that fails (an entry slipped into a chain's next place) leaves the check to tell where.
  let sealingError: string | null = null;
  await sealAuditTrail(db).catch((error: unknown) => {
    sealingError = error instanceof Error ? error.message : String(error);
  });
  const checked = await db.transaction(async (q) => {
    await q.query("set transaction isolation level repeatable read, read only");
    return verifyChains(q);
  });
  return { ...checked, sealingError };
}

async function verifyChains(
  q: Queryable,
): Promise<{ chains: number; events: number; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  const heads = await findChainHeads(q);
  let events = 0;
  for (const head of heads) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const page = await findChainEvents(q, head.chainCode, expectedSeq - 1, 1000);
      if (page.length === 0) break;
      for (const event of page) {
        events += 1;
        if (event.seq !== expectedSeq) {
          problems.push({ chainCode: head.chainCode, seq: expectedSeq, problem: "missing_event" });
          expectedSeq = event.seq;
        }
        if (event.prevHash !== prevHash)
          problems.push({ chainCode: head.chainCode, seq: event.seq, problem: "broken_link" });
        const { prevHash: _stored, hash, ...fields } = event;
        if (chainHash(event.prevHash, fields) !== hash) {
          problems.push({ chainCode: head.chainCode, seq: event.seq, problem: "hash_mismatch" });
        }
        prevHash = hash;
        expectedSeq += 1;
      }
    }
    if (expectedSeq - 1 !== head.lastSeq || prevHash !== head.lastHash) {
      problems.push({ chainCode: head.chainCode, seq: head.lastSeq, problem: "head_mismatch" });
    }
  }
  return { chains: heads.length, events, problems };
}
