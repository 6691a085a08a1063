import { QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { type ReactNode, useState } from "react";
import { BrowserRouter } from "react-router";
import { I18nProvider } from "../i18n/I18nProvider.js";
import { useI18n } from "../i18n/useI18n.js";
import { useIsMobile } from "../ui/useIsMobile.js";
import { usePrefersReducedMotion } from "../ui/usePrefersReducedMotion.js";
import { createQueryClient } from "./createQueryClient.js";

/**
 * Ant Design's locale (the UI language) and theme: phones get 40-px controls so that every button
 * and field is an easy touch target; a system set to reduce motion gets no animations. The phone
 * mode wraps its later pages in it.
 */
export function ThemedAntd({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  const isMobile = useIsMobile();
  const isMotionReduced = usePrefersReducedMotion();
  return (
    <ConfigProvider
      locale={language === "en" ? enUS : zhCN}
      button={{ autoInsertSpace: false }}
      theme={{
        token: {
          ...(isMobile ? { controlHeight: 40, controlHeightSM: 32 } : {}),
          ...(isMotionReduced ? { motion: false } : {}),
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Everything the screens rely on: language, Ant Design locale and theme, server-state cache, router. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ThemedAntd>
          <BrowserRouter>{children}</BrowserRouter>
        </ThemedAntd>
      </I18nProvider>
    </QueryClientProvider>
  );
}
