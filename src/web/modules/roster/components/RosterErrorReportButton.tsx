import { Button } from "antd";
import { downloadRosterErrorReport } from "../../../../shared/api/roster.api.js";
import { useT } from "../../../i18n/useT.js";
import { useFileDownload } from "../../../ui/useFileDownload.js";

/** Downloads an import's error report: the uploaded rows with an added 错误说明 column. */
export function RosterErrorReportButton({ importId }: { importId: string }) {
  const t = useT();
  const { download, isDownloading } = useFileDownload();
  return (
    <Button
      data-testid="roster-error-report"
      loading={isDownloading}
      onClick={() => download(downloadRosterErrorReport, { params: { id: importId } })}
    >
      {t("roster.errorReport")}
    </Button>
  );
}
