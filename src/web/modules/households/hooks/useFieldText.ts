import { useCallback } from "react";
import { useT } from "../../../i18n/useT.js";
import { HOUSEHOLD_FIELD_CODES, MEMBER_FIELD_CODES } from "../utils/fieldCodeLists.js";
import { formatYuan } from "../utils/formatYuan.js";
import { useCodeLabels } from "./useCodeLabels.js";

/** Where a field sits in a household: on the household, on a member, or in the year's income. */
export type FieldScope = "household" | "member" | "income";

/** A field's value as people read it: code labels, yes/no, yuan amounts, "—" for nothing. */
export function useFieldText(): (scope: FieldScope, field: string, value: unknown) => string {
  const t = useT();
  const { label } = useCodeLabels();
  return useCallback(
    (scope, field, value) => {
      if (value === null || value === undefined || value === "") return "—";
      if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
      const codes =
        scope === "household"
          ? HOUSEHOLD_FIELD_CODES[field]
          : scope === "member"
            ? MEMBER_FIELD_CODES[field]
            : undefined;
      if (codes) {
        const list = Array.isArray(value) ? value : [value];
        return list.length === 0
          ? "—"
          : list.map((code) => label(codes, String(code))).join(t("common.listSeparator"));
      }
      if (scope === "member" && field === "sex" && (value === "male" || value === "female"))
        return t(`households.sex.${value}`);
      if (scope === "income" && field !== "year" && typeof value === "number") return formatYuan(value);
      if (Array.isArray(value)) return value.map(String).join(t("common.listSeparator"));
      if (typeof value === "object") return JSON.stringify(value);
      return String(value);
    },
    [t, label],
  );
}
