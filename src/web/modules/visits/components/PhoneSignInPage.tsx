import { type FormEvent, useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useLogin } from "../../session/hooks/useLogin.js";
import { PhoneField } from "./PhoneField.js";
import { PhoneSheet } from "./PhoneSheet.js";

/**
 * Sign-in inside the phone mode, at the address that was opened (a QR code's village or
 * caseworker list): once signed in, the same address shows that list.
 */
export function PhoneSignInPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const loginMutation = useLogin();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [isTried, setIsTried] = useState(false);
  const usernameError = isTried && username.trim() === "" ? t("login.usernameRequired") : undefined;
  const passwordError = isTried && password === "" ? t("login.passwordRequired") : undefined;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setIsTried(true);
    if (username.trim() === "" || password === "") return;
    loginMutation.mutate({ username: username.trim(), password });
  };

  return (
    <PhoneSheet title={t("app.name")} subtitle={t("login.subtitle")}>
      <form onSubmit={handleSubmit} noValidate>
        <PhoneField
          label={t("login.username")}
          value={username}
          onChange={setUsername}
          error={usernameError}
          autoComplete="username"
          testId="login-username"
        />
        <PhoneField
          label={t("login.password")}
          value={password}
          onChange={setPassword}
          error={passwordError}
          type="password"
          autoComplete="current-password"
          testId="login-password"
        />
        {loginMutation.isError ? (
          <div className="phone-alert phone-alert-error" role="alert" style={{ marginBottom: 16 }}>
            {errorText(loginMutation.error)}
          </div>
        ) : null}
        <button
          type="submit"
          className="phone-button phone-button-primary phone-button-block"
          disabled={loginMutation.isPending}
          data-testid="login-submit"
        >
          {t("login.submit")}
        </button>
      </form>
    </PhoneSheet>
  );
}
