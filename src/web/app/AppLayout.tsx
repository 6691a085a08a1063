import { Button, Drawer, Layout, theme } from "antd";
import { Suspense, useState } from "react";
import { Outlet } from "react-router";
import { useT } from "../i18n/useT.js";
import { Brand } from "../ui/Brand.js";
import { LanguageSwitch } from "../ui/LanguageSwitch.js";
import { MenuIcon } from "../ui/MenuIcon.js";
import { useIsMobile } from "../ui/useIsMobile.js";
import { NavMenu } from "./NavMenu.js";
import { PageLoading } from "./PageLoading.js";
import { UserMenu } from "./UserMenu.js";

/** The signed-in frame: side menu on a desktop, a drawer behind the menu button on a phone. */
export function AppLayout() {
  const t = useT();
  const isMobile = useIsMobile();
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);
  const { token } = theme.useToken();
  const border = `1px solid ${token.colorBorderSecondary}`;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      {isMobile ? null : (
        <Layout.Sider theme="light" width={220} style={{ borderInlineEnd: border }}>
          <div style={{ height: 64, display: "flex", alignItems: "center", paddingInline: 20 }}>
            <Brand name={t("app.name")} />
          </div>
          <NavMenu />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            display: "flex",
            alignItems: "center",
            gap: isMobile ? 4 : 12,
            paddingInline: isMobile ? 8 : 24,
            background: token.colorBgContainer,
            borderBottom: border,
          }}
        >
          {isMobile ? (
            <>
              <Button
                type="text"
                aria-label={t("nav.openMenu")}
                data-testid="nav-open"
                icon={<MenuIcon />}
                onClick={() => setIsDrawerOpen(true)}
                style={{ width: 40, height: 40, flex: "none" }}
              />
              <Brand name={t("app.name")} />
            </>
          ) : null}
          <div style={{ flex: 1 }} />
          <LanguageSwitch />
          <UserMenu isCompact={isMobile} />
        </Layout.Header>
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          {/* A page's code arrives with its first visit: the frame stays while it loads. */}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isMobile ? (
        <Drawer
          placement="left"
          size={260}
          open={isDrawerOpen}
          onClose={() => setIsDrawerOpen(false)}
          title={<Brand name={t("app.name")} />}
          forceRender
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu onNavigate={() => setIsDrawerOpen(false)} />
        </Drawer>
      ) : null}
    </Layout>
  );
}
