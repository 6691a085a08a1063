import { Badge, Button, Flex, Tag, Typography, theme } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useT } from "../../../i18n/useT.js";
import { LanguageSwitch } from "../../../ui/LanguageSwitch.js";
import { usePhone } from "../hooks/usePhone.js";
import { PhoneLogoutButton } from "./PhoneLogoutButton.js";

/** The phone frame: a slim header with the unsent count always in sight, content up to 640 px wide. */
export function PhoneLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const { token } = theme.useToken();
  const { unsentCount, isOffline, user } = usePhone();
  return (
    <div style={{ minHeight: "100vh", background: token.colorBgLayout }}>
      <Flex
        align="center"
        gap={8}
        style={{
          position: "sticky",
          top: 0,
          zIndex: 10,
          padding: "8px 12px",
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Link to="/phone" style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong ellipsis style={{ fontSize: 16, display: "block" }}>
            {t("visits.phone.title")}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, display: "block" }}>
            {user.displayName} · {user.regionName}
          </Typography.Text>
        </Link>
        {isOffline ? (
          <Tag color="orange" data-testid="phone-offline" style={{ marginInlineEnd: 0 }}>
            {t("visits.phone.offline")}
          </Tag>
        ) : null}
        <Link to="/phone/outbox" aria-label={t("visits.outbox.title")}>
          <Badge count={unsentCount} showZero={false} size="small">
            <Button style={{ height: 40 }} data-testid="phone-outbox">
              {t("visits.outbox.short")}
              <span data-testid="outbox-count" style={{ marginInlineStart: 4 }}>
                {unsentCount}
              </span>
            </Button>
          </Badge>
        </Link>
        <LanguageSwitch />
        <PhoneLogoutButton />
      </Flex>
      <div style={{ maxWidth: 640, margin: "0 auto", padding: 12 }}>{children}</div>
    </div>
  );
}
