import { useCallback, useMemo } from "react";
import { useT } from "../../../i18n/useT.js";
import { useLogout } from "../../session/hooks/useLogout.js";
import { clearPhone, countUnsent } from "../utils/phoneDb.js";
import { forgetPhoneUser } from "../utils/phoneUser.js";

/** What the sign-out confirmation says: a warning naming the unsent visits, or the plain question. */
export interface SignOutQuestion {
  title: string;
  text: string;
  confirmText: string;
  cancelText: string;
  /** Unsent visits would be lost: the confirm button is red. */
  isRisky: boolean;
}

/**
 * Sign-out as the phone mode and the desk's user menu both do it: the question to ask first
 * (warning when visits saved on this device have not been sent), then sign out and forget the
 * device's households and the user's outbox, which nobody could send any more.
 */
export function useSignOut(userId: string) {
  const t = useT();
  const logoutMutation = useLogout();

  const questionFor = useCallback(
    (unsentCount: number): SignOutQuestion =>
      unsentCount > 0
        ? {
            title: t("visits.logout.unsentTitle", { count: unsentCount }),
            text: t("visits.logout.unsentText"),
            confirmText: t("visits.logout.anyway"),
            cancelText: t("visits.logout.stay"),
            isRisky: true,
          }
        : {
            title: t("session.logoutConfirmTitle"),
            text: t("session.logoutConfirmText"),
            confirmText: t("session.logout"),
            cancelText: t("common.cancel"),
            isRisky: false,
          },
    [t],
  );

  // A browser that refuses IndexedDB (private mode) has no outbox: nothing to warn about.
  const countUnsentHere = useCallback(() => countUnsent(userId).catch(() => 0), [userId]);

  const signOut = useCallback(async () => {
    await logoutMutation.mutateAsync().catch(() => undefined);
    await clearPhone(userId).catch(() => undefined);
    forgetPhoneUser();
  }, [logoutMutation, userId]);

  return useMemo(
    () => ({ questionFor, countUnsent: countUnsentHere, signOut }),
    [questionFor, countUnsentHere, signOut],
  );
}
