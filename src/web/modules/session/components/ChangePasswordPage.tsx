import { Alert, App, Button, Flex, Form, Input } from "antd";
import { useLocation, useNavigate } from "react-router";
import { passwordProblem } from "../../../../shared/password-rules.js";
import { useT } from "../../../i18n/useT.js";
import { CenteredCard } from "../../../ui/CenteredCard.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useChangePassword } from "../hooks/useChangePassword.js";
import { useCurrentUser } from "../hooks/useCurrentUser.js";
import { useLogout } from "../hooks/useLogout.js";
import { returnPathOf } from "../returnPathOf.js";

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

/**
 * Changes the user's own password. Forced after the first sign-in or a reset (the server refuses
 * everything else until then); also reachable from the user menu.
 */
export function ChangePasswordPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const changeMutation = useChangePassword();
  const logoutMutation = useLogout();
  const isForced = user.mustChangePassword;

  const handleFinish = (values: PasswordValues) => {
    changeMutation.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success(t("password.changed"));
          // On to where the user was going before the forced change (a QR code's list), else home.
          navigate(returnPathOf(location.state) ?? "/", { replace: true });
        },
      },
    );
  };

  // Back within the app when there is somewhere to go back to, else to the home page.
  const handleBack = () => {
    const historyIndex: unknown = window.history.state?.idx;
    if (typeof historyIndex === "number" && historyIndex > 0) navigate(-1);
    else navigate("/");
  };

  return (
    <CenteredCard
      title={t("password.title")}
      subtitle={isForced ? t("password.forcedHint") : t("password.hint")}
    >
      <Form<PasswordValues>
        layout="vertical"
        requiredMark={false}
        onFinish={handleFinish}
        disabled={changeMutation.isPending}
      >
        <Form.Item
          label={t("password.current")}
          name="currentPassword"
          rules={[{ required: true, message: t("password.currentRequired") }]}
        >
          <Input.Password data-testid="pw-current" autoComplete="current-password" size="large" />
        </Form.Item>
        <Form.Item
          label={t("password.new")}
          name="newPassword"
          extra={t("password.rules")}
          rules={[
            { required: true, message: t("password.newRequired") },
            {
              validator: async (_, value: string | undefined) => {
                const problem = value ? passwordProblem(value, user.username) : undefined;
                if (problem) throw new Error(t(`password.problems.${problem}`));
              },
            },
          ]}
        >
          <Input.Password data-testid="pw-new" autoComplete="new-password" size="large" />
        </Form.Item>
        <Form.Item
          label={t("password.repeat")}
          name="repeatPassword"
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: t("password.repeatRequired") },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value && value !== getFieldValue("newPassword")) throw new Error(t("password.mismatch"));
              },
            }),
          ]}
        >
          <Input.Password data-testid="pw-repeat" autoComplete="new-password" size="large" />
        </Form.Item>
        {changeMutation.isError ? (
          <Alert type="error" showIcon title={errorText(changeMutation.error)} style={{ marginBottom: 16 }} />
        ) : null}
        <Button
          data-testid="pw-submit"
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={changeMutation.isPending}
        >
          {t("password.submit")}
        </Button>
      </Form>
      <Flex justify="center" style={{ marginTop: 16 }}>
        {isForced ? (
          <Button type="link" onClick={() => logoutMutation.mutate()}>
            {t("session.logout")}
          </Button>
        ) : (
          <Button type="link" onClick={handleBack}>
            {t("common.back")}
          </Button>
        )}
      </Flex>
    </CenteredCard>
  );
}
