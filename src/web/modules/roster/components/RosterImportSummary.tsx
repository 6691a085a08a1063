import { Descriptions } from "antd";
import type { RosterImportView } from "../../../../shared/api/roster.api.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { useRegionName } from "../../households/hooks/useRegionName.js";
import { formatFileSize } from "../utils/formatFileSize.js";
import { RosterImportStatusTag } from "./RosterImportStatusTag.js";

/** Who uploaded the file, when, into which county, and how big it is. */
export function RosterImportSummary({ view }: { view: RosterImportView }) {
  const t = useT();
  const countyName = useRegionName(view.countyCode);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 3 }}
      style={{ marginBottom: 16 }}
      items={[
        {
          key: "status",
          label: t("roster.historyColumns.status"),
          children: <RosterImportStatusTag status={view.status} />,
        },
        { key: "by", label: t("roster.detail.uploadedBy"), children: view.createdBy ?? "—" },
        { key: "at", label: t("roster.detail.uploadedAt"), children: formatDateTime(view.createdAt) },
        { key: "county", label: t("roster.detail.county"), children: countyName.data ?? view.countyCode },
        { key: "size", label: t("roster.detail.fileSize"), children: formatFileSize(view.fileSize) },
        {
          key: "rows",
          label: t("roster.detail.rows"),
          children: view.rowsTotal === null ? "—" : view.rowsTotal.toLocaleString(),
        },
      ]}
    />
  );
}
