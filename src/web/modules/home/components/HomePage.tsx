import { Card, Col, Descriptions, Row, Typography } from "antd";
import { Link } from "react-router";
import type { MessageKey } from "../../../i18n/MessageKey.js";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";

interface Shortcut {
  path: string;
  title: MessageKey;
  text: MessageKey;
}

/** The workbench (工作台): who is signed in, where, and the modules they can open. */
export function HomePage() {
  const t = useT();
  const user = useCurrentUser();
  const permissions = permissionsOf(user.role);

  const shortcuts: Shortcut[] = [];
  if (permissions.canReadHouseholds) {
    shortcuts.push({
      path: "/households",
      title: "nav.households",
      text: permissions.canEditHouseholds ? "home.householdsText" : "home.householdsReadText",
    });
  }
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
      <Row gutter={[16, 16]}>
        {shortcuts.map((shortcut) => (
          <Col key={shortcut.path} xs={24} sm={12} lg={8}>
            <Link to={shortcut.path}>
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
