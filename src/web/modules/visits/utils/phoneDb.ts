import type { PhoneHousehold } from "../../../../shared/api/visits.api.js";
import { isUnsent, type OutboxRecord, type OutboxStore } from "../../../../shared/visit-outbox.js";

// What the phone keeps in IndexedDB: the user's households (replaced by each download), the
// download's checklist and campaigns, and the outbox of visits not yet accepted by the server.
// The outbox is never touched by a download, so unsent work cannot be overwritten by a pull.

const DB_NAME = "bangfu-phone";
const DB_VERSION = 1;
const HOUSEHOLDS = "households";
const OUTBOX = "outbox";
const META = "meta";

/** What came with the last download of households. */
export interface PhoneMeta {
  userId: string;
  indicators: { code: string; zh: string; en: string }[];
  campaigns: {
    id: string;
    name: string;
    startsOn: string;
    deadline: string;
    questions: { code: string; text: string; kind: "yes_no" | "text" }[];
  }[];
  isTruncated: boolean;
  loadedAt: string;
}

let opening: Promise<IDBDatabase> | undefined;

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(HOUSEHOLDS)) db.createObjectStore(HOUSEHOLDS, { keyPath: "id" });
      if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: "id" });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => {
      opening = undefined;
      reject(request.error);
    };
  });
  return opening;
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

async function getAll<T>(store: string): Promise<T[]> {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const request = db.transaction(store, "readonly").objectStore(store).getAll();
    request.onsuccess = () => resolve(request.result as T[]);
    request.onerror = () => reject(request.error);
  });
}

/** The outbox in IndexedDB. */
export const outboxStore: OutboxStore = {
  list: () => getAll<OutboxRecord>(OUTBOX),
  put: async (record) => {
    const transaction = (await openDb()).transaction(OUTBOX, "readwrite");
    transaction.objectStore(OUTBOX).put(record);
    await done(transaction);
  },
  remove: async (id) => {
    const transaction = (await openDb()).transaction(OUTBOX, "readwrite");
    transaction.objectStore(OUTBOX).delete(id);
    await done(transaction);
  },
};

/** The households and meta of the last download. */
export async function readHouseholds(): Promise<{
  households: PhoneHousehold[];
  meta: PhoneMeta | undefined;
}> {
  const db = await openDb();
  const households = await getAll<PhoneHousehold>(HOUSEHOLDS);
  const meta = await new Promise<PhoneMeta | undefined>((resolve, reject) => {
    const request = db.transaction(META, "readonly").objectStore(META).get("download");
    request.onsuccess = () => resolve(request.result as PhoneMeta | undefined);
    request.onerror = () => reject(request.error);
  });
  return { households, meta };
}

/** Replaces the stored households with a new download, in one transaction. */
export async function writeHouseholds(households: readonly PhoneHousehold[], meta: PhoneMeta): Promise<void> {
  const transaction = (await openDb()).transaction([HOUSEHOLDS, META], "readwrite");
  const store = transaction.objectStore(HOUSEHOLDS);
  store.clear();
  for (const household of households) store.put(household);
  transaction.objectStore(META).put(meta, "download");
  await done(transaction);
}

/** How many of a user's visits on this device the server has not accepted yet. */
export async function countUnsent(userId: string): Promise<number> {
  return (await outboxStore.list()).filter((record) => record.userId === userId && isUnsent(record)).length;
}

/** Forgets the households and a user's outbox records (sign-out); other users' records stay theirs. */
export async function clearPhone(userId: string): Promise<void> {
  const theirs = (await outboxStore.list()).filter((record) => record.userId === userId);
  const transaction = (await openDb()).transaction([HOUSEHOLDS, OUTBOX, META], "readwrite");
  transaction.objectStore(HOUSEHOLDS).clear();
  transaction.objectStore(META).clear();
  for (const record of theirs) transaction.objectStore(OUTBOX).delete(record.id);
  await done(transaction);
}
