import type { ReactNode } from "react";
import { Link } from "react-router";
import { useT } from "../../../i18n/useT.js";
import { usePhone } from "../hooks/usePhone.js";
import { PhoneLanguageSwitch } from "./PhoneLanguageSwitch.js";
import { PhoneLogoutButton } from "./PhoneLogoutButton.js";

/** The phone frame: a slim header with the unsent count always in sight, content up to 640 px wide. */
export function PhoneLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const { unsentCount, isOffline, user } = usePhone();
  return (
    <div className="phone">
      <header className="phone-header">
        <Link to="/phone" className="phone-header-title">
          <span className="phone-strong phone-ellipsis" style={{ fontSize: 16 }}>
            {t("visits.phone.title")}
          </span>
          <span className="phone-secondary phone-small phone-ellipsis">
            {user.displayName} · {user.regionName}
          </span>
        </Link>
        {isOffline ? (
          <span className="phone-tag phone-tag-orange" data-testid="phone-offline">
            {t("visits.phone.offline")}
          </span>
        ) : null}
        <Link
          to="/phone/outbox"
          aria-label={t("visits.outbox.title")}
          className={`phone-button${unsentCount > 0 ? " phone-button-danger" : ""}`}
          data-testid="phone-outbox"
        >
          {t("visits.outbox.short")}
          <span data-testid="outbox-count">{unsentCount}</span>
        </Link>
        <PhoneLanguageSwitch />
        <PhoneLogoutButton />
      </header>
      <div style={{ maxWidth: 640, margin: "0 auto", padding: 12 }}>{children}</div>
    </div>
  );
}
