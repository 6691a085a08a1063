import type { Db } from "../../db/db.js";
import { evaluateHouseholds } from "./monitoring-evaluate.js";
import { hasQueuedHouseholds, takeQueuedHouseholds } from "./monitoring-queue.queries.js";

// Re-evaluation of households changed where no one evaluated them at once (roster imports,
// field visits, the demo generator): the triggers queue them, this drain evaluates them in the
// background, a batch at a time, set-based (evaluateHouseholds: the sweep's statement limited to
// the batch). A batch is taken out of the queue and evaluated in one transaction, so a failed
// evaluation leaves its households queued, and draining twice finds nothing more to do.

/** Households evaluated per statement (and, about, per transaction). */
export const DRAIN_BATCH = 1_000;

/** Evaluates every queued household, batch by batch; returns how many were evaluated. */
export async function drainEvaluationQueue(
  db: Db,
  batchSize = DRAIN_BATCH,
  today = new Date(),
): Promise<number> {
  let evaluated = 0;
  for (;;) {
    const taken = await db.transaction(async (tx) => {
      const ids = await takeQueuedHouseholds(tx, batchSize);
      // One statement of an import may have queued more than a batch: evaluated in slices.
      for (let from = 0; from < ids.length; from += batchSize) {
        await evaluateHouseholds(tx, ids.slice(from, from + batchSize), today);
      }
      return ids.length;
    });
    if (taken === 0) return evaluated;
    evaluated += taken;
  }
}

/** Drains the queue every `everyMs` in the server (one drain at a time); returns a stop function. */
export function startEvaluationDrain(db: Db, everyMs = 5_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    hasQueuedHouseholds(db)
      .then((isQueued) => (isQueued ? drainEvaluationQueue(db) : 0))
      .catch((error: unknown) => console.error("re-evaluating queued households failed", error))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
