import { useMemo } from "react";
import type { CodeList } from "../../../../shared/household-codes.js";
import { useI18n } from "../../../i18n/useI18n.js";

/** Labels of the registry's code lists (household-codes.ts) in the UI language, and Select options of them. */
export function useCodeLabels() {
  const { language } = useI18n();
  return useMemo(() => {
    const side = language === "en" ? "en" : "zh";
    const label = <C extends string>(list: CodeList<C>, code: C | string | null | undefined): string => {
      if (code === null || code === undefined || code === "") return "—";
      return (list as Record<string, { zh: string; en: string }>)[code]?.[side] ?? code;
    };
    const options = <C extends string>(list: CodeList<C>) =>
      (Object.keys(list) as C[]).map((value) => ({ value, label: list[value][side] }));
    return { label, options };
  }, [language]);
}
