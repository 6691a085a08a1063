import { Alert, Button, Card, Flex, Result, Spin, Typography } from "antd";
import { Link, useParams } from "react-router";
import { ApiError } from "../../../api/ApiError.js";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useIsMobile } from "../../../ui/useIsMobile.js";
import { useRosterImport } from "../hooks/useRosterImport.js";
import { RosterImportFailure } from "./RosterImportFailure.js";
import { RosterImportOutcome } from "./RosterImportOutcome.js";
import { RosterImportProgress } from "./RosterImportProgress.js";
import { RosterImportResult } from "./RosterImportResult.js";
import { RosterImportSummary } from "./RosterImportSummary.js";
import { RosterProblemsCard } from "./RosterProblemsCard.js";

/**
 * One import, by the id in the address (so it survives leaving the page): the running job's
 * progress, then the check's result to confirm, then the outcome.
 */
export function RosterImportDetailPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const isMobile = useIsMobile();
  const id = useParams().id ?? "";
  const importQuery = useRosterImport(id);

  const actions = (
    <>
      <Link to="/roster/imports">
        <Button data-testid="roster-history-link">{t("roster.history")}</Button>
      </Link>
      <Link to="/roster/import">
        <Button data-testid="roster-new-import">{t("roster.newImport")}</Button>
      </Link>
    </>
  );

  if (importQuery.isError && !importQuery.data) {
    const isNotFound = importQuery.error instanceof ApiError && importQuery.error.status === 404;
    return (
      <Result
        status={isNotFound ? "404" : "warning"}
        title={isNotFound ? t("roster.detail.notFound") : errorText(importQuery.error)}
        extra={
          <Flex wrap gap={8} justify="center">
            {isNotFound ? null : <Button onClick={() => importQuery.refetch()}>{t("common.retry")}</Button>}
            {actions}
          </Flex>
        }
      />
    );
  }
  const view = importQuery.data;
  if (!view) return <Spin size="large" style={{ display: "block", margin: "80px auto" }} />;

  return (
    <>
      <PageHeader
        title={
          <Typography.Text
            style={{ fontSize: "inherit", wordBreak: "break-all" }}
            data-testid="roster-file-name"
          >
            {view.fileName}
          </Typography.Text>
        }
        extra={actions}
      />
      <RosterImportSummary view={view} />
      {importQuery.isError ? (
        <Alert type="warning" showIcon title={errorText(importQuery.error)} style={{ marginBottom: 16 }} />
      ) : null}
      {view.status === "validating" || view.status === "committing" ? (
        <RosterImportProgress view={view} />
      ) : null}
      {view.status === "validated" ? <RosterImportResult view={view} isMobile={isMobile} /> : null}
      {view.status === "committed" ? (
        <Flex vertical gap={16}>
          <Card>
            <RosterImportOutcome view={view} />
          </Card>
          {view.problems > 0 ? <RosterProblemsCard view={view} isMobile={isMobile} /> : null}
        </Flex>
      ) : null}
      {view.status === "rejected" || view.status === "failed" || view.status === "interrupted" ? (
        <Card>
          <RosterImportFailure view={view} />
        </Card>
      ) : null}
    </>
  );
}
