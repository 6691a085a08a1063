import { Segmented } from "antd";
import { useLocation, useNavigate } from "react-router";
import { useT } from "../../../i18n/useT.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";

/** The tabs of the visits section: campaigns, pending changes, QR codes, and the phone mode. */
export function VisitsNav() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const permissions = permissionsOf(useCurrentUser().role);
  const options = [{ value: "/visits/campaigns", label: t("campaigns.nav.campaigns") }];
  if (permissions.canRecordVisits) {
    options.push({ value: "/visits/pending-changes", label: t("campaigns.nav.pendingChanges") });
    options.push({ value: "/visits/qr-codes", label: t("campaigns.nav.qrCodes") });
    options.push({ value: "/phone", label: t("campaigns.nav.phone") });
  }
  const current = options.find((o) => location.pathname.startsWith(o.value))?.value ?? "/visits/campaigns";
  return (
    <Segmented
      value={current}
      options={options}
      onChange={(value) => navigate(value)}
      style={{ marginBottom: 16, maxWidth: "100%", overflowX: "auto" }}
      data-print="hide"
    />
  );
}
