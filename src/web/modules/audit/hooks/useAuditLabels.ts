import { useMemo } from "react";
import { useI18n } from "../../../i18n/useI18n.js";

/** Names for what the server records as codes: actions, record types and changed fields. */
export function useAuditLabels() {
  const { tryT } = useI18n();
  return useMemo(
    () => ({
      action: (action: string) => tryT(`auditActions.${action}`) ?? action,
      entityType: (entityType: string) => tryT(`entityTypes.${entityType}`) ?? entityType,
      field: (field: string) => tryT(`auditFields.${field}`) ?? field,
    }),
    [tryT],
  );
}
