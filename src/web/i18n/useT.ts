import type { Translate } from "./I18nContext.js";
import { useI18n } from "./useI18n.js";

/** The translate function of the current language: `t("users.title")`, `t("home.hello", { name })`. */
export function useT(): Translate {
  return useI18n().t;
}
