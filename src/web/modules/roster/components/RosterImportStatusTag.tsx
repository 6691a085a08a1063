import { Tag } from "antd";
import type { RosterImportView } from "../../../../shared/api/roster.api.js";
import { useT } from "../../../i18n/useT.js";

const STATUS_COLORS: Record<RosterImportView["status"], string> = {
  validating: "processing",
  validated: "gold",
  rejected: "red",
  committing: "processing",
  committed: "green",
  failed: "red",
  interrupted: "default",
};

/** Where an import stands, as a coloured tag. */
export function RosterImportStatusTag({ status }: { status: RosterImportView["status"] }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="roster-import-status">
      {t(`roster.status.${status}`)}
    </Tag>
  );
}
