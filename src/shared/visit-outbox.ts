import type { VisitDraft } from "./api/visits.api.js";

// The phone's outbox: visits saved without a network wait here and are sent when it returns. Each
// carries the id the phone gave it, and the server stores a visit once per id, so sending again
// after a timeout, a dropped connection or a double tap can never make a second copy. Records go
// one at a time (no retry storm against a slow server); a failed send waits longer each time.
// Shared so that the browser's outbox and the fault-injection test run the same code.

/** Where a record stands, shown to the user as such. */
export type OutboxState = "waiting" | "sending" | "failed" | "sent";

export interface OutboxRecord {
  id: string;
  /** Who recorded it: only their session sends it (another user signing in on the phone does not). */
  userId: string;
  householdId: string;
  /** Shown in the outbox list without opening the household. */
  householdLabel: string;
  body: VisitDraft;
  state: OutboxState;
  attempts: number;
  /** Why the last attempt failed (an error code or message), null after success. */
  lastError: string | null;
  /** Milliseconds since the epoch before which no new attempt is made. */
  nextAttemptAt: number;
  savedAt: number;
  sentAt: number | null;
}

/** Where the outbox is kept: IndexedDB on the phone, memory in tests. */
export interface OutboxStore {
  list(): Promise<OutboxRecord[]>;
  put(record: OutboxRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

/** What came back for one POST; a thrown error means no answer (offline, dropped, timed out). */
export interface OutboxResponse {
  status: number;
  errorCode: string | undefined;
}

/** Sends one visit; `signal` aborts it when it takes too long. */
export type OutboxTransport = (body: VisitDraft, signal: AbortSignal) => Promise<OutboxResponse>;

export interface SyncOptions {
  /** Only this user's records are sent. */
  userId: string;
  now?: () => number;
  /** An attempt without an answer after this long is abandoned (and retried later). */
  timeoutMs?: number;
  /** How long to wait before the next attempt after `attempts` failures. */
  backoffMs?: (attempts: number) => number;
  /** Try every waiting record now (the connection just returned, or the user asked). */
  isForced?: boolean;
  /** Told after each record changes state, so the screen can follow. */
  onChange?: () => void;
}

export interface SyncResult {
  sent: number;
  failed: number;
  waiting: number;
  /** The session is gone (401 / CSRF): sending stopped until the user signs in again. */
  isSignedOut: boolean;
}

/** Doubling from 2 s up to 5 minutes, with ±25% jitter so that phones do not retry in step. */
export function defaultBackoffMs(attempts: number): number {
  const base = Math.min(300_000, 2_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

/** A new record for a visit just saved on the phone. */
export function outboxRecordOf(
  body: VisitDraft,
  householdLabel: string,
  userId: string,
  now = Date.now(),
): OutboxRecord {
  return {
    id: body.id,
    userId,
    householdId: body.householdId,
    householdLabel,
    body,
    state: "waiting",
    attempts: 0,
    lastError: null,
    nextAttemptAt: 0,
    savedAt: now,
    sentAt: null,
  };
}

/** Records not yet accepted by the server: the count the phone shows. */
export function isUnsent(record: OutboxRecord): boolean {
  return record.state !== "sent";
}

// Answers after which sending the same record again cannot succeed: the user must look at it.
const PERMANENT = new Set([400, 403, 404, 409, 413, 415]);
const SIGNED_OUT_CODES = new Set(["UNAUTHENTICATED", "CSRF_FAILED", "PASSWORD_CHANGE_REQUIRED"]);

let running: Promise<SyncResult> | undefined;

/**
 * Sends every record whose time has come, one at a time. Concurrent calls share one run. A record
 * left "sending" by a closed page is sent again: the server answers a repeat with the stored copy.
 */
export function syncOutbox(store: OutboxStore, transport: OutboxTransport, options: SyncOptions) {
  running ??= runSync(store, transport, options).finally(() => {
    running = undefined;
  });
  return running;
}

async function runSync(
  store: OutboxStore,
  transport: OutboxTransport,
  options: SyncOptions,
): Promise<SyncResult> {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const result: SyncResult = { sent: 0, failed: 0, waiting: 0, isSignedOut: false };
  const records = (await store.list()).sort((a, b) => a.savedAt - b.savedAt);
  for (const record of records) {
    if (record.state === "sent" || record.state === "failed" || record.userId !== options.userId) continue;
    if (result.isSignedOut || (!options.isForced && record.nextAttemptAt > now())) {
      result.waiting += 1;
      continue;
    }
    const sending: OutboxRecord = { ...record, state: "sending", attempts: record.attempts + 1 };
    await store.put(sending);
    options.onChange?.();
    const outcome = await attempt(transport, record.body, timeoutMs);
    let next: OutboxRecord;
    if (outcome.kind === "sent") {
      next = { ...sending, state: "sent", lastError: null, sentAt: now() };
      result.sent += 1;
    } else if (outcome.kind === "signed_out") {
      next = { ...sending, state: "waiting", attempts: record.attempts, lastError: outcome.error };
      result.isSignedOut = true;
      result.waiting += 1;
    } else if (outcome.kind === "failed") {
      next = { ...sending, state: "failed", lastError: outcome.error };
      result.failed += 1;
    } else {
      next = {
        ...sending,
        state: "waiting",
        lastError: outcome.error,
        nextAttemptAt: now() + backoff(sending.attempts),
      };
      result.waiting += 1;
    }
    await store.put(next);
    options.onChange?.();
  }
  return result;
}

type Outcome =
  | { kind: "sent" }
  | { kind: "retry"; error: string }
  | { kind: "failed"; error: string }
  | { kind: "signed_out"; error: string };

async function attempt(transport: OutboxTransport, body: VisitDraft, timeoutMs: number): Promise<Outcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await transport(body, controller.signal);
    if (response.status >= 200 && response.status < 300) return { kind: "sent" };
    const error = response.errorCode ?? `HTTP ${response.status}`;
    if (response.status === 401 || SIGNED_OUT_CODES.has(response.errorCode ?? ""))
      return { kind: "signed_out", error };
    if (PERMANENT.has(response.status)) return { kind: "failed", error };
    return { kind: "retry", error };
  } catch {
    return { kind: "retry", error: controller.signal.aborted ? "TIMEOUT" : "NETWORK_ERROR" };
  } finally {
    clearTimeout(timer);
  }
}

/** Puts a failed record back in the queue (after the user looked at it, or the server was fixed). */
export function retryRecord(record: OutboxRecord): OutboxRecord {
  return { ...record, state: "waiting", nextAttemptAt: 0 };
}
