import { Alert, Button } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useIsMobile } from "../../../ui/useIsMobile.js";
import { useRosterImports } from "../hooks/useRosterImports.js";
import { RosterImportsTable } from "./RosterImportsTable.js";

/** The imports of the user's region, newest first: who, when, which file, what it did, where it stands. */
export function RosterImportsPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const isMobile = useIsMobile();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const importsQuery = useRosterImports(paging.page, paging.pageSize);

  return (
    <>
      <PageHeader
        title={t("roster.historyTitle")}
        extra={
          <Link to="/roster/import">
            <Button type="primary" data-testid="roster-new-import">
              {t("roster.newImport")}
            </Button>
          </Link>
        }
      />
      {importsQuery.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(importsQuery.error)}
          action={<Button onClick={() => importsQuery.refetch()}>{t("common.retry")}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <RosterImportsTable
        rows={importsQuery.data?.rows ?? []}
        total={importsQuery.data?.total ?? 0}
        page={paging.page}
        pageSize={paging.pageSize}
        isLoading={importsQuery.isPending || importsQuery.isPlaceholderData}
        isMobile={isMobile}
        onPageChange={(page, pageSize) =>
          setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize })
        }
      />
    </>
  );
}
