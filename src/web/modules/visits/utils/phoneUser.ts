import type { Session } from "../../session/Session.js";

// The signed-in user, remembered so that the phone mode opens without a network. The session
// cookie stays with the browser; the CSRF token is fetched again once the server is reachable.

const KEY = "bangfu.phoneUser";

export type PhoneUser = Session["user"];

export function rememberPhoneUser(user: PhoneUser): void {
  localStorage.setItem(KEY, JSON.stringify(user));
}

export function rememberedPhoneUser(): PhoneUser | undefined {
  try {
    const text = localStorage.getItem(KEY);
    return text ? (JSON.parse(text) as PhoneUser) : undefined;
  } catch {
    return undefined;
  }
}

export function forgetPhoneUser(): void {
  localStorage.removeItem(KEY);
}
