import { Card, Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { LanguageSwitch } from "./LanguageSwitch.js";

/** The frame of the screens shown outside the app layout (sign-in, forced password change). */
export function CenteredCard({
  title,
  subtitle,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Flex vertical align="center" style={{ minHeight: "100vh", padding: 16, background: "#f0f2f5" }}>
      <Flex justify="flex-end" style={{ width: "100%", maxWidth: 420 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: "100%", maxWidth: 420, marginTop: "8vh" }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: subtitle ? 4 : 24 }}>
          {title}
        </Typography.Title>
        {subtitle ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 24 }}>
            {subtitle}
          </Typography.Paragraph>
        ) : null}
        {children}
      </Card>
    </Flex>
  );
}
