import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { listMyHouseholds, type PhoneHousehold, type VisitDraft } from "../../../../shared/api/visits.api.js";
import {
  isUnsent,
  type OutboxRecord,
  outboxRecordOf,
  retryRecord,
  syncOutbox,
} from "../../../../shared/visit-outbox.js";
import { ApiError } from "../../../api/ApiError.js";
import { callApi } from "../../../api/callApi.js";
import { outboxStore, type PhoneMeta, readHouseholds, writeHouseholds } from "../utils/phoneDb.js";
import type { PhoneUser } from "../utils/phoneUser.js";
import { sendVisit } from "../utils/sendVisit.js";
import type { PhoneState } from "./PhoneContext.js";

const SYNC_EVERY_MS = 30_000;

/**
 * The phone's state: households from IndexedDB, refreshed from the server when it answers; the
 * outbox, sent at start, when the connection returns, after each save and every 30 seconds.
 */
export function usePhoneState(user: PhoneUser): PhoneState {
  const [households, setHouseholds] = useState<PhoneHousehold[]>([]);
  const [meta, setMeta] = useState<PhoneMeta | undefined>();
  const [isLoading, setIsLoading] = useState(true);
  const [isOffline, setIsOffline] = useState(!navigator.onLine);
  const [outbox, setOutbox] = useState<OutboxRecord[]>([]);
  const [isSyncing, setIsSyncing] = useState(false);
  const isMounted = useRef(true);

  const reloadOutbox = useCallback(async () => {
    const weekAgo = Date.now() - 7 * 86_400_000;
    const all = await outboxStore.list();
    const old = all.filter((r) => r.state === "sent" && (r.sentAt ?? 0) < weekAgo);
    for (const record of old) await outboxStore.remove(record.id);
    const records = all.filter((r) => !old.includes(r));
    const mine = records.filter((r) => r.userId === user.id);
    if (isMounted.current) setOutbox(mine.sort((a, b) => b.savedAt - a.savedAt));
  }, [user.id]);

  const refresh = useCallback(async () => {
    try {
      const download = await callApi(listMyHouseholds);
      const downloaded: PhoneMeta = {
        userId: user.id,
        indicators: download.indicators,
        campaigns: download.campaigns,
        isTruncated: download.isTruncated,
        loadedAt: download.loadedAt,
      };
      await writeHouseholds(download.households, downloaded);
      if (!isMounted.current) return;
      setHouseholds(download.households);
      setMeta(downloaded);
      setIsOffline(false);
    } catch (error) {
      if (error instanceof ApiError && error.code === "NETWORK_ERROR" && isMounted.current)
        setIsOffline(true);
    }
  }, [user.id]);

  const sync = useCallback(
    async (isForced: boolean) => {
      setIsSyncing(true);
      try {
        const result = await syncOutbox(outboxStore, sendVisit, {
          userId: user.id,
          isForced,
          onChange: () => void reloadOutbox(),
        });
        await reloadOutbox();
        // What was sent changes what is due: fetch the households again.
        if (result.sent > 0) await refresh();
      } finally {
        if (isMounted.current) setIsSyncing(false);
      }
    },
    [refresh, reloadOutbox, user.id],
  );
  const syncNow = useCallback(() => sync(true), [sync]);

  useEffect(() => {
    isMounted.current = true;
    void (async () => {
      const stored = await readHouseholds();
      if (isMounted.current && stored.meta?.userId === user.id) {
        setHouseholds(stored.households);
        setMeta(stored.meta);
      }
      await reloadOutbox();
      await refresh();
      if (isMounted.current) setIsLoading(false);
      await syncNow();
    })();
    const handleOnline = () => {
      setIsOffline(false);
      void syncNow().then(refresh);
    };
    const handleOffline = () => setIsOffline(true);
    window.addEventListener("online", handleOnline);
    window.addEventListener("offline", handleOffline);
    const timer = window.setInterval(() => {
      if (navigator.onLine) void sync(false);
    }, SYNC_EVERY_MS);
    return () => {
      isMounted.current = false;
      window.removeEventListener("online", handleOnline);
      window.removeEventListener("offline", handleOffline);
      window.clearInterval(timer);
    };
  }, [user.id, refresh, reloadOutbox, sync, syncNow]);

  const saveVisit = useCallback(
    async (body: VisitDraft, householdLabel: string) => {
      await outboxStore.put(outboxRecordOf(body, householdLabel, user.id));
      await reloadOutbox();
      if (navigator.onLine) void syncNow();
    },
    [reloadOutbox, syncNow, user.id],
  );

  const retry = useCallback(
    async (id: string) => {
      const record = (await outboxStore.list()).find((r) => r.id === id);
      if (record) await outboxStore.put(retryRecord(record));
      await syncNow();
    },
    [syncNow],
  );

  const discard = useCallback(
    async (id: string) => {
      await outboxStore.remove(id);
      await reloadOutbox();
    },
    [reloadOutbox],
  );

  return useMemo(
    () => ({
      user,
      isOffline,
      households,
      meta,
      isLoading,
      outbox,
      unsentCount: outbox.filter(isUnsent).length,
      isSyncing,
      saveVisit,
      syncNow,
      retry,
      discard,
      refresh,
    }),
    [
      user,
      isOffline,
      households,
      meta,
      isLoading,
      outbox,
      isSyncing,
      saveVisit,
      syncNow,
      retry,
      discard,
      refresh,
    ],
  );
}
