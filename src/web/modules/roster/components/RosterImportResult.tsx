import { Alert, Card, Divider, Flex, Typography } from "antd";
import type { getRosterImport } from "../../../../shared/api/roster.api.js";
import type { ResponseOf } from "../../../../shared/endpoint.js";
import { useT } from "../../../i18n/useT.js";
import { RosterCommitPanel } from "./RosterCommitPanel.js";
import { RosterImportCounts } from "./RosterImportCounts.js";
import { RosterProblemsCard } from "./RosterProblemsCard.js";

/** A checked import awaiting confirmation: what it would do, the confirmation, and every problem. */
export function RosterImportResult({
  view,
  isMobile,
}: {
  view: ResponseOf<typeof getRosterImport>;
  isMobile: boolean;
}) {
  const t = useT();
  return (
    <Flex vertical gap={16}>
      {view.message ? (
        <Alert type="warning" showIcon title={view.message} data-testid="roster-refusal" />
      ) : null}
      <Card title={t("roster.counts.title")}>
        <RosterImportCounts view={view} />
        {view.warnings > 0 ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t("roster.counts.warnings", { count: view.warnings.toLocaleString() })}
          </Typography.Paragraph>
        ) : null}
        <Divider style={{ marginBlock: 16 }} />
        <RosterCommitPanel view={view} />
      </Card>
      <RosterProblemsCard view={view} isMobile={isMobile} />
    </Flex>
  );
}
