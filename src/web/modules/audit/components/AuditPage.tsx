import { Alert } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useAuditEntries } from "../hooks/useAuditEntries.js";
import { AuditFilters, type AuditFilterValues } from "./AuditFilters.js";
import { AuditTable } from "./AuditTable.js";

/** The audit trail within the administrator's scope. */
export function AuditPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const [filter, setFilter] = useState<AuditFilterValues>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const entriesQuery = useAuditEntries({ ...filter, ...paging });

  return (
    <>
      <PageHeader title={t("audit.title")} />
      <AuditFilters
        onChange={(next) => {
          setFilter(next);
          setPaging((current) => ({ ...current, page: 1 }));
        }}
      />
      {entriesQuery.isError ? (
        <Alert type="error" showIcon title={errorText(entriesQuery.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <AuditTable
        rows={entriesQuery.data?.rows ?? []}
        total={entriesQuery.data?.total ?? 0}
        page={paging.page}
        pageSize={paging.pageSize}
        isLoading={entriesQuery.isFetching}
        onPageChange={(page, pageSize) =>
          setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize })
        }
      />
    </>
  );
}
