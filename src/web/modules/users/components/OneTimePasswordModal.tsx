import { Alert, App, Button, Flex, Modal, Typography } from "antd";
import { useT } from "../../../i18n/useT.js";
import { copyText } from "../../../ui/copyText.js";

export interface OneTimePassword {
  username: string;
  displayName: string;
  password: string;
  isReset: boolean;
}

/** Shows a new account's (or a reset's) one-time password, once, with a copy button. */
export function OneTimePasswordModal({
  value,
  onClose,
}: {
  value: OneTimePassword | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();

  const handleCopy = async () => {
    if (!value) return;
    if (await copyText(value.password)) message.success(t("common.copied"));
    else message.error(t("common.copyFailed"));
  };

  return (
    <Modal
      title={value?.isReset ? t("users.otp.resetTitle") : t("users.otp.createdTitle")}
      open={value !== undefined}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t("users.otp.done")}
        </Button>
      }
    >
      {value ? (
        <Flex vertical gap={16}>
          <Alert type="warning" showIcon title={t("users.otp.warning")} />
          <div>
            <Typography.Text type="secondary">{t("users.username")}</Typography.Text>
            <div>
              <Typography.Text strong>{value.username}</Typography.Text> ({value.displayName})
            </div>
          </div>
          <div>
            <Typography.Text type="secondary">{t("users.otp.password")}</Typography.Text>
            <Flex wrap align="center" gap={8} style={{ marginTop: 4 }}>
              {/* One unbroken line: a password split over two lines is easily mistyped. */}
              <Typography.Text
                data-testid="one-time-password"
                code
                style={{ fontSize: 20, letterSpacing: 1, whiteSpace: "nowrap", userSelect: "all" }}
              >
                {value.password}
              </Typography.Text>
              <Button data-testid="one-time-password-copy" onClick={handleCopy}>
                {t("common.copy")}
              </Button>
            </Flex>
          </div>
          <Typography.Text type="secondary">{t("users.otp.nextStep")}</Typography.Text>
        </Flex>
      ) : null}
    </Modal>
  );
}
