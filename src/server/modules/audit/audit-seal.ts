import type { Db } from "../../db/db.js";
import {
  findOrStartChainHeads,
  findUnsealedEvents,
  hasUnsealedEvents,
  lockSealing,
  type Seal,
  writeSeals,
} from "./audit.queries.js";
import { chainHash, GENESIS_HASH } from "./audit-chain.js";

/**
 * Entries sealed per transaction: the sealer's lock and row locks are held only that long, and the
 * hashing of one batch holds the server's thread for a few milliseconds only (2,000 at a time
 * showed as a visit p99 of 44–52 ms at 50 clients; 500, 30–33 ms: bench/README.md).
 */
const SEAL_BATCH = 500;

/**
 * Links every committed unsealed entry into its county's hash chain, oldest first, a batch per
 * transaction under the sealer's lock; returns how many were sealed. Writers append without any
 * chain lock, so this is where an entry gets its seq, prev_hash and hash, exactly once (the
 * database refuses a second seal).
 */
export async function sealAuditTrail(db: Db, batch = SEAL_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await db.transaction(async (tx) => {
      await lockSealing(tx);
      const events = await findUnsealedEvents(tx, batch);
      if (events.length === 0) return 0;
      const chainCodes = [...new Set(events.map((e) => e.chainCode))];
      const heads = new Map(
        (await findOrStartChainHeads(tx, chainCodes, GENESIS_HASH)).map((h) => [h.chainCode, h]),
      );
      const seals: Seal[] = events.map(({ id, ...fields }) => {
        const head = heads.get(fields.chainCode)!;
        const seq = head.lastSeq + 1;
        const hash = chainHash(head.lastHash, { ...fields, seq });
        const seal = { id, seq, prevHash: head.lastHash, hash };
        head.lastSeq = seq;
        head.lastHash = hash;
        return seal;
      });
      const written = await writeSeals(tx, seals, [...heads.values()]);
      // Only possible if something sealed entries behind the sealer's lock: sealing nothing beats a fork.
      if (written !== seals.length) throw new Error("audit entries were sealed behind the sealer's lock");
      return written;
    });
    total += sealed;
    if (sealed < batch) return total;
  }
}

/** Seals the trail every `everyMs` in the background (the server); returns a stop function. */
export function startAuditSealing(db: Db, everyMs = 1_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    hasUnsealedEvents(db)
      .then((waiting) => (waiting ? sealAuditTrail(db) : 0))
      .catch((error: unknown) => console.error("sealing the audit trail failed", error))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
