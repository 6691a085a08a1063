import { Button, Card, Flex, Typography } from "antd";
import { Link } from "react-router";
import type { getRosterImport } from "../../../../shared/api/roster.api.js";
import type { ResponseOf } from "../../../../shared/endpoint.js";
import { useT } from "../../../i18n/useT.js";
import { RosterErrorReportButton } from "./RosterErrorReportButton.js";
import { RosterProblemsTable } from "./RosterProblemsTable.js";

/** The problem list of an import, with the error report to fix the file from and the way back to upload. */
export function RosterProblemsCard({
  view,
  isMobile,
}: {
  view: ResponseOf<typeof getRosterImport>;
  isMobile: boolean;
}) {
  const t = useT();
  const shown = view.problemList.length;
  const languageNote = t("roster.problems.reasonLanguage");

  if (view.problems === 0) {
    return (
      <Card>
        <Typography.Text type="success" data-testid="roster-no-problems">
          {t("roster.problems.none")}
        </Typography.Text>
      </Card>
    );
  }
  return (
    <Card title={t("roster.problems.title", { count: view.problems.toLocaleString() })}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t("roster.errorReportHint")}</Typography.Text>
        <Flex wrap gap={8}>
          {view.hasErrorReport ? <RosterErrorReportButton importId={view.id} /> : null}
          <Link to={`/roster/import?countyCode=${view.countyCode}`}>
            <Button data-testid="roster-reupload">{t("roster.reupload")}</Button>
          </Link>
        </Flex>
        {view.problems > shown ? (
          <Typography.Text type="warning">
            {t("roster.problems.truncated", { total: view.problems.toLocaleString(), shown })}
          </Typography.Text>
        ) : null}
        {languageNote ? <Typography.Text type="secondary">{languageNote}</Typography.Text> : null}
        <RosterProblemsTable problems={view.problemList} isMobile={isMobile} />
      </Flex>
    </Card>
  );
}
