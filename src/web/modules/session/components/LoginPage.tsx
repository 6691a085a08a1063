import { Alert, Button, Form, Input } from "antd";
import { Navigate, useLocation } from "react-router";
import { useT } from "../../../i18n/useT.js";
import { CenteredCard } from "../../../ui/CenteredCard.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useLogin } from "../hooks/useLogin.js";
import { useSession } from "../hooks/useSession.js";

interface LoginValues {
  username: string;
  password: string;
}

/** Sign-in with username and password; the server's message explains a refusal (wrong password, locked). */
export function LoginPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const { data: session } = useSession();
  const loginMutation = useLogin();
  const location = useLocation();

  if (session) {
    const target = session.user.mustChangePassword
      ? "/change-password"
      : (returnPathOf(location.state) ?? "/");
    return <Navigate to={target} replace />;
  }

  return (
    <CenteredCard title={t("app.name")} subtitle={t("login.subtitle")}>
      <Form<LoginValues>
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => loginMutation.mutate(values)}
        disabled={loginMutation.isPending}
      >
        <Form.Item
          label={t("login.username")}
          name="username"
          rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
        >
          <Input data-testid="login-username" autoComplete="username" autoCapitalize="none" size="large" />
        </Form.Item>
        <Form.Item
          label={t("login.password")}
          name="password"
          rules={[{ required: true, message: t("login.passwordRequired") }]}
        >
          <Input.Password data-testid="login-password" autoComplete="current-password" size="large" />
        </Form.Item>
        {loginMutation.isError ? (
          <Alert type="error" showIcon title={errorText(loginMutation.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Button
          data-testid="login-submit"
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={loginMutation.isPending}
        >
          {t("login.submit")}
        </Button>
      </Form>
    </CenteredCard>
  );
}

// The guard that sent the user here remembers where they were going.
function returnPathOf(state: unknown): string | undefined {
  if (typeof state !== "object" || state === null || !("from" in state)) return undefined;
  const from = state.from;
  return typeof from === "string" && from.startsWith("/") && from !== "/login" ? from : undefined;
}
