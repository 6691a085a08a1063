import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { apiContext } from "../api/apiContext.js";
import { en } from "./en.js";
import { I18nContext, type I18nState } from "./I18nContext.js";
import type { Language } from "./Language.js";
import { lookupMessage } from "./lookupMessage.js";
import { zh } from "./zh.js";

const STORAGE_KEY = "bangfu.lang";

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

/** Holds the UI language (kept in localStorage) and the matching dictionary. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  // Set during render so that the very first API call already asks for the right language.
  apiContext.language = language;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts until the page reloads.
    }
    setLanguageState(next);
  }, []);

  const state = useMemo<I18nState>(() => {
    const messages = language === "en" ? en : zh;
    const tryT = (key: string, values?: Record<string, string | number>) =>
      lookupMessage(messages, key, values);
    return {
      language,
      setLanguage,
      tryT,
      t: (key, values) => tryT(key, values) ?? key,
    };
  }, [language, setLanguage]);

  return <I18nContext value={state}>{children}</I18nContext>;
}
