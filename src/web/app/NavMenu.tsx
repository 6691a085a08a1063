import { Menu, type MenuProps } from "antd";
import { Link, useLocation } from "react-router";
import { useT } from "../i18n/useT.js";
import { useCurrentUser } from "../modules/session/hooks/useCurrentUser.js";
import { permissionsOf } from "../modules/session/permissionsOf.js";

/** The module menu: only the modules the user's role may open. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const user = useCurrentUser();
  const location = useLocation();
  const permissions = permissionsOf(user.role);

  const items: MenuProps["items"] = [
    {
      key: "/",
      label: (
        <Link to="/" data-testid="nav-home">
          {t("nav.home")}
        </Link>
      ),
    },
    {
      key: "/regions",
      label: (
        <Link to="/regions" data-testid="nav-regions">
          {t("nav.regions")}
        </Link>
      ),
    },
  ];
  if (permissions.canReadDashboard) {
    items.push({
      key: "/dashboard",
      label: (
        <Link to="/dashboard" data-testid="nav-dashboard">
          {t("dashboard.nav")}
        </Link>
      ),
    });
    items.push({
      key: "/briefings",
      label: (
        <Link to="/briefings" data-testid="nav-briefings">
          {t("briefings.nav")}
        </Link>
      ),
    });
  }
  if (permissions.canReadHouseholds) {
    items.push({
      key: "/households",
      label: (
        <Link to="/households" data-testid="nav-households">
          {t("nav.households")}
        </Link>
      ),
    });
  }
  if (permissions.canReadMonitoring) {
    items.push({
      key: "/monitoring",
      label: (
        <Link to="/monitoring" data-testid="nav-monitoring">
          {t("monitoring.nav")}
        </Link>
      ),
    });
  }
  items.push({
    key: "/visits",
    label: (
      <Link to="/visits/campaigns" data-testid="nav-visits">
        {t("visits.nav")}
      </Link>
    ),
  });
  if (permissions.canImportRoster) {
    items.push({
      key: "/roster",
      label: (
        <Link to="/roster/import" data-testid="nav-roster">
          {t("nav.roster")}
        </Link>
      ),
    });
  }
  if (permissions.canReadUsers) {
    items.push({
      key: "/users",
      label: (
        <Link to="/users" data-testid="nav-users">
          {t("nav.users")}
        </Link>
      ),
    });
  }
  if (permissions.canReadAudit) {
    items.push({
      key: "/audit",
      label: (
        <Link to="/audit" data-testid="nav-audit">
          {t("nav.audit")}
        </Link>
      ),
    });
  }

  const section = `/${location.pathname.split("/")[1] ?? ""}`;
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[section]}
      onClick={() => onNavigate?.()}
      style={{ borderInlineEnd: "none" }}
    />
  );
}
