import { Card, Col, Descriptions, Row, Statistic, Typography } from "antd";
import { Link } from "react-router";
import type { MessageKey } from "../../../i18n/MessageKey.js";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { type Permissions, permissionsOf } from "../../session/permissionsOf.js";
import { useHomeTodos } from "../hooks/useHomeTodos.js";

interface Shortcut {
  path: string;
  title: MessageKey;
  text: MessageKey;
}

/** The modules the user can open, in the order of the menu. */
function shortcutsOf(permissions: Permissions): Shortcut[] {
  const shortcuts: Shortcut[] = [];
  if (permissions.canReadDashboard) {
    shortcuts.push({ path: "/dashboard", title: "dashboard.nav", text: "home.dashboardText" });
    shortcuts.push({ path: "/briefings", title: "briefings.nav", text: "home.briefingsText" });
  }
  if (permissions.canReadHouseholds) {
    shortcuts.push({
      path: "/households",
      title: "nav.households",
      text: permissions.canEditHouseholds ? "home.householdsText" : "home.householdsReadText",
    });
  }
  if (permissions.canReadMonitoring) {
    shortcuts.push({ path: "/monitoring", title: "monitoring.nav", text: "home.monitoringText" });
  }
  shortcuts.push({ path: "/visits/campaigns", title: "visits.nav", text: "home.visitsText" });
  if (permissions.canImportRoster) {
    shortcuts.push({ path: "/roster/import", title: "nav.roster", text: "home.rosterText" });
  }
  shortcuts.push({ path: "/regions", title: "nav.regions", text: "home.regionsText" });
  if (permissions.canReadUsers) {
    shortcuts.push({
      path: "/users",
      title: "nav.users",
      text: permissions.canManageUsers ? "home.usersText" : "home.usersReadText",
    });
  }
  if (permissions.canReadAudit)
    shortcuts.push({ path: "/audit", title: "nav.audit", text: "home.auditText" });
  return shortcuts;
}

/** One count of what waits for the user, linking to where it is done; "…" while it loads. */
function TodoCard(props: { path: string; title: string; value: number | undefined; testId: string }) {
  return (
    <Col xs={24} sm={8}>
      <Link to={props.path} data-testid={props.testId}>
        <Card hoverable size="small">
          <Statistic
            title={props.title}
            value={props.value ?? "…"}
            valueStyle={props.value ? { color: "#d46b08" } : undefined}
          />
        </Card>
      </Link>
    </Col>
  );
}

/**
 * What waits for the user: open alerts in their scope, cases at a stage their role acts on, and
 * registry changes from visits waiting for a cadre; each only for those who may act on it.
 */
function Todos({ permissions }: { permissions: Permissions }) {
  const t = useT();
  const todos = useHomeTodos(permissions);
  return (
    <Card title={t("home.todoTitle")} style={{ marginBottom: 16 }} data-testid="home-todos">
      <Row gutter={[16, 16]}>
        <TodoCard
          path="/monitoring"
          title={t("home.todoAlerts")}
          value={todos.alerts}
          testId="home-todo-alerts"
        />
        {permissions.canWorkMonitoringCases ? (
          <TodoCard
            path="/monitoring"
            title={t("home.todoCases")}
            value={todos.cases}
            testId="home-todo-cases"
          />
        ) : null}
        {permissions.canResolvePendingChanges ? (
          <TodoCard
            path="/visits/pending-changes"
            title={t("home.todoPendingChanges")}
            value={todos.pendingChanges}
            testId="home-todo-pending"
          />
        ) : null}
      </Row>
    </Card>
  );
}

/** The workbench (工作台): who is signed in, where, what waits for them, and the modules they can open. */
export function HomePage() {
  const t = useT();
  const user = useCurrentUser();
  const permissions = permissionsOf(user.role);
  const shortcuts = shortcutsOf(permissions);

  return (
    <>
      <PageHeader title={t("home.hello", { name: user.displayName })} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 3 }}
          size="small"
          items={[
            { key: "username", label: t("home.username"), children: user.username },
            { key: "role", label: t("home.role"), children: t(`roles.${user.role}`) },
            {
              key: "region",
              label: t("home.region"),
              children: (
                <span>
                  {user.regionName} <Typography.Text type="secondary">({user.regionCode})</Typography.Text>
                </span>
              ),
            },
          ]}
        />
      </Card>
      {permissions.canReadMonitoring ? <Todos permissions={permissions} /> : null}
      <Row gutter={[16, 16]}>
        {shortcuts.map((shortcut) => (
          <Col key={shortcut.path} xs={24} sm={12} lg={8}>
            <Link to={shortcut.path} data-testid={`home-shortcut-${shortcut.path.split("/")[1]}`}>
              <Card hoverable title={t(shortcut.title)}>
                <Typography.Text type="secondary">{t(shortcut.text)}</Typography.Text>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
