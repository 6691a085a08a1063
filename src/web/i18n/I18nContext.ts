import { createContext } from "react";
import type { Language } from "./Language.js";
import type { MessageKey } from "./MessageKey.js";

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface I18nState {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** For keys built at run time (e.g. `auditActions.${action}`): undefined when there is no entry. */
  tryT: (key: string, values?: Record<string, string | number>) => string | undefined;
}

export const I18nContext = createContext<I18nState | undefined>(undefined);
