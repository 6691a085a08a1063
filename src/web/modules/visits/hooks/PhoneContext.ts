import { createContext } from "react";
import type { PhoneHousehold, VisitDraft } from "../../../../shared/api/visits.api.js";
import type { OutboxRecord } from "../../../../shared/visit-outbox.js";
import type { PhoneMeta } from "../utils/phoneDb.js";
import type { PhoneUser } from "../utils/phoneUser.js";

/** Everything the phone screens share: the user, the stored households and the outbox. */
export interface PhoneState {
  user: PhoneUser;
  /** The server could not be reached the last time it was tried. */
  isOffline: boolean;
  households: PhoneHousehold[];
  meta: PhoneMeta | undefined;
  isLoading: boolean;
  outbox: OutboxRecord[];
  unsentCount: number;
  isSyncing: boolean;
  /** Keeps a visit in the outbox (same id again replaces it: a double tap stores one record) and starts sending. */
  saveVisit(body: VisitDraft, householdLabel: string): Promise<void>;
  syncNow(): Promise<void>;
  retry(id: string): Promise<void>;
  discard(id: string): Promise<void>;
  refresh(): Promise<void>;
}

export const PhoneContext = createContext<PhoneState | undefined>(undefined);
