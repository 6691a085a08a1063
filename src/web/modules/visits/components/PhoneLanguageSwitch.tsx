import { useI18n } from "../../../i18n/useI18n.js";

/** The language switch of the phone's light screens (the desk one is an Ant Design button). */
export function PhoneLanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const isEnglish = language === "en";
  return (
    <button
      type="button"
      className="phone-button"
      data-testid="lang-switch"
      aria-label={t("common.switchLanguage")}
      title={t("common.switchLanguage")}
      onClick={() => setLanguage(isEnglish ? "zh-CN" : "en")}
      lang={isEnglish ? "zh-CN" : "en"}
    >
      {isEnglish ? "中文" : "English"}
    </button>
  );
}
