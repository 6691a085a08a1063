import { Button, Flex, Result } from "antd";
import { Link } from "react-router";
import type { RosterImportView } from "../../../../shared/api/roster.api.js";
import { useT } from "../../../i18n/useT.js";

/** An import that ended without writing: the file could not be read, the job failed or was cut short. */
export function RosterImportFailure({ view }: { view: RosterImportView }) {
  const t = useT();
  const title =
    view.status === "rejected"
      ? t("roster.failure.rejectedTitle")
      : view.status === "interrupted"
        ? t("roster.failure.interruptedTitle")
        : t("roster.failure.failedTitle");
  const reason =
    view.status === "interrupted"
      ? t("roster.failure.interruptedText")
      : (view.message ?? t("errors.unexpected"));

  return (
    <div data-testid="roster-failure">
      <Result
        status={view.status === "interrupted" ? "warning" : "error"}
        title={title}
        subTitle={
          <Flex vertical>
            <span data-testid="roster-failure-reason">{reason}</span>
            {view.status === "rejected" ? null : <span>{t("roster.failure.nothingWritten")}</span>}
          </Flex>
        }
        extra={
          <Link to={`/roster/import?countyCode=${view.countyCode}`}>
            <Button type="primary" data-testid="roster-reupload">
              {t("roster.reupload")}
            </Button>
          </Link>
        }
      />
    </div>
  );
}
