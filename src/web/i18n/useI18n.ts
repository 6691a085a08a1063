import { useContext } from "react";
import { I18nContext, type I18nState } from "./I18nContext.js";

/** The UI language, its setter and the translate functions. */
export function useI18n(): I18nState {
  const state = useContext(I18nContext);
  if (!state) throw new Error("useI18n needs an I18nProvider above it");
  return state;
}
