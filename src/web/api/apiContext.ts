import type { Language } from "../i18n/Language.js";

/**
 * What every API call needs from the running app: the session's CSRF token, the UI language,
 * and where to go when the server says the session is gone or the password must change first.
 * The app fills it in; callApi only reads it.
 */
export const apiContext: {
  csrfToken: string | undefined;
  language: Language;
  onUnauthenticated: () => void;
  onPasswordChangeRequired: () => void;
} = {
  csrfToken: undefined,
  language: "zh-CN",
  onUnauthenticated: () => {},
  onPasswordChangeRequired: () => {},
};
