import { Button } from "antd";
import { useI18n } from "../i18n/useI18n.js";

/** Switches the whole interface between Chinese and English; shows the language it switches to. */
export function LanguageSwitch({ isOnDark = false }: { isOnDark?: boolean }) {
  const { language, setLanguage, t } = useI18n();
  const isEnglish = language === "en";
  return (
    <Button
      data-testid="lang-switch"
      type={isOnDark ? "text" : "default"}
      aria-label={t("common.switchLanguage")}
      title={t("common.switchLanguage")}
      onClick={() => setLanguage(isEnglish ? "zh-CN" : "en")}
      lang={isEnglish ? "zh-CN" : "en"}
    >
      {isEnglish ? "中文" : "English"}
    </Button>
  );
}
