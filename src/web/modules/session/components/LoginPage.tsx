import { Alert, Button, Form, Input } from "antd";
import { Navigate, useLocation } from "react-router";
import { useT } from "../../../i18n/useT.js";
import { CenteredCard } from "../../../ui/CenteredCard.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useLogin } from "../hooks/useLogin.js";
import { useSession } from "../hooks/useSession.js";
import { returnPathOf } from "../returnPathOf.js";

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
    // The forced password change keeps the address the user was going to (a QR code's list).
    const from = returnPathOf(location.state);
    if (session.user.mustChangePassword) return <Navigate to="/change-password" replace state={{ from }} />;
    return <Navigate to={from ?? "/"} replace />;
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
