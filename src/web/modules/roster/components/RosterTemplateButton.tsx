import { Button } from "antd";
import { downloadRosterTemplate } from "../../../../shared/api/roster.api.js";
import { useT } from "../../../i18n/useT.js";
import { useFileDownload } from "../../../ui/useFileDownload.js";

/** Downloads the empty roster in the national layout, with notes on filling it in. */
export function RosterTemplateButton() {
  const t = useT();
  const { download, isDownloading } = useFileDownload();
  return (
    <Button
      data-testid="roster-template"
      loading={isDownloading}
      onClick={() => download(downloadRosterTemplate)}
    >
      {t("roster.template")}
    </Button>
  );
}
