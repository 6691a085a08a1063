import { type FormEvent, useState } from "react";
import { passwordProblem } from "../../../../shared/password-rules.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useChangePassword } from "../../session/hooks/useChangePassword.js";
import { useLogout } from "../../session/hooks/useLogout.js";
import type { PhoneUser } from "../utils/phoneUser.js";
import { PhoneField } from "./PhoneField.js";
import { PhoneSheet } from "./PhoneSheet.js";

/**
 * The forced password change (first sign-in or a reset) inside the phone mode: the address that
 * was opened stays, so the QR code's list follows the new password.
 */
export function PhonePasswordPage({ user }: { user: PhoneUser }) {
  const t = useT();
  const errorText = useApiErrorText();
  const changeMutation = useChangePassword();
  const logoutMutation = useLogout();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [isTried, setIsTried] = useState(false);

  const problem = next ? passwordProblem(next, user.username) : undefined;
  const errors = {
    current: current === "" ? t("password.currentRequired") : undefined,
    next: next === "" ? t("password.newRequired") : problem ? t(`password.problems.${problem}`) : undefined,
    repeat:
      repeat === "" ? t("password.repeatRequired") : repeat !== next ? t("password.mismatch") : undefined,
  };
  const shown = (error: string | undefined) => (isTried ? error : undefined);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setIsTried(true);
    if (errors.current || errors.next || errors.repeat) return;
    changeMutation.mutate({ currentPassword: current, newPassword: next });
  };

  return (
    <PhoneSheet title={t("password.title")} subtitle={t("password.forcedHint")}>
      <form onSubmit={handleSubmit} noValidate>
        <PhoneField
          label={t("password.current")}
          value={current}
          onChange={setCurrent}
          error={shown(errors.current)}
          type="password"
          autoComplete="current-password"
          testId="pw-current"
        />
        <PhoneField
          label={t("password.new")}
          value={next}
          onChange={setNext}
          error={shown(errors.next)}
          type="password"
          autoComplete="new-password"
          testId="pw-new"
        />
        <div className="phone-secondary phone-small" style={{ marginTop: -12, marginBottom: 16 }}>
          {t("password.rules")}
        </div>
        <PhoneField
          label={t("password.repeat")}
          value={repeat}
          onChange={setRepeat}
          error={shown(errors.repeat)}
          type="password"
          autoComplete="new-password"
          testId="pw-repeat"
        />
        {changeMutation.isError ? (
          <div className="phone-alert phone-alert-error" role="alert" style={{ marginBottom: 16 }}>
            {errorText(changeMutation.error)}
          </div>
        ) : null}
        <button
          type="submit"
          className="phone-button phone-button-primary phone-button-block"
          disabled={changeMutation.isPending}
          data-testid="pw-submit"
        >
          {t("password.submit")}
        </button>
      </form>
      <div style={{ display: "flex", justifyContent: "center", marginTop: 16 }}>
        <button
          type="button"
          className="phone-button phone-button-link"
          onClick={() => logoutMutation.mutate()}
        >
          {t("session.logout")}
        </button>
      </div>
    </PhoneSheet>
  );
}
