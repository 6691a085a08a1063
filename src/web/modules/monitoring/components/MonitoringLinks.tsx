import { Button } from "antd";
import { Link } from "react-router";
import { useT } from "../../../i18n/useT.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";

/** The monitoring screens the user may open, as header buttons. */
export function MonitoringLinks() {
  const t = useT();
  const permissions = permissionsOf(useCurrentUser().role);
  return (
    <>
      <Link to="/monitoring/cases">
        <Button data-testid="monitoring-link-cases">{t("monitoring.links.cases")}</Button>
      </Link>
      {permissions.canReadMonitoringOverview ? (
        <Link to="/monitoring/overview">
          <Button data-testid="monitoring-link-overview">{t("monitoring.links.overview")}</Button>
        </Link>
      ) : null}
      {permissions.canConfigureMonitoring ? (
        <Link to="/monitoring/rules">
          <Button data-testid="monitoring-link-rules">{t("monitoring.links.rules")}</Button>
        </Link>
      ) : null}
      {permissions.canUploadDepartmentLists ? (
        <Link to="/monitoring/lists">
          <Button data-testid="monitoring-link-lists">{t("monitoring.links.lists")}</Button>
        </Link>
      ) : null}
    </>
  );
}
