import type { SessionUser } from "../../../../shared/api/session.api.js";
import { useSession } from "./useSession.js";

/** The signed-in user; only for screens behind the session guard. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error("useCurrentUser is used outside a signed-in screen");
  return data.user;
}
