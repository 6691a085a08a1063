import { Typography } from "antd";
import type { AuditEntry } from "../../../../shared/api/audit.api.js";
import { useT } from "../../../i18n/useT.js";

/**
 * Who did it: the username, or when there is none, the server itself (no IP: imports, demo data)
 * or someone not signed in (e.g. a failed sign-in).
 */
export function AuditActorName({ entry }: { entry: Pick<AuditEntry, "actorUsername" | "ip"> }) {
  const t = useT();
  if (entry.actorUsername) return <>{entry.actorUsername}</>;
  return (
    <Typography.Text type="secondary">{entry.ip ? t("audit.anonymous") : t("audit.system")}</Typography.Text>
  );
}
