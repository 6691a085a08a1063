import { App, Button, Flex, Popconfirm } from "antd";
import type { UserRow } from "../../../../shared/api/users.api.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useResetUserPassword } from "../hooks/useResetUserPassword.js";
import { useSetUserDisabled } from "../hooks/useSetUserDisabled.js";
import type { OneTimePassword } from "./OneTimePasswordModal.js";

interface UserRowActionsProps {
  user: UserRow;
  isSelf: boolean;
  onEdit: (user: UserRow) => void;
  onHistory: (user: UserRow) => void;
  onPasswordReset: (password: OneTimePassword) => void;
}

/** An administrator's actions on one account: edit, disable/enable, reset password, history. */
export function UserRowActions({ user, isSelf, onEdit, onHistory, onPasswordReset }: UserRowActionsProps) {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const disableMutation = useSetUserDisabled();
  const resetMutation = useResetUserPassword();
  const isDisabled = user.status === "disabled";
  const linkStyle = { paddingInline: 4 };

  // Popconfirm keeps its spinner until the returned promise settles: await the call, not the toast
  // (a message's handle is itself a thenable that settles only when the toast disappears).
  const handleToggleDisabled = async () => {
    try {
      const updated = await disableMutation.mutateAsync({
        id: user.id,
        isDisabled: !isDisabled,
        version: user.version,
      });
      const doneKey = updated.status === "disabled" ? "users.disabledDone" : "users.enabledDone";
      message.success(t(doneKey, { name: updated.displayName }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const handleReset = async () => {
    try {
      const result = await resetMutation.mutateAsync(user.id);
      onPasswordReset({
        username: result.user.username,
        displayName: result.user.displayName,
        password: result.temporaryPassword,
        isReset: true,
      });
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Flex wrap gap={4}>
      <Button type="link" style={linkStyle} onClick={() => onEdit(user)}>
        {t("common.edit")}
      </Button>
      {isSelf ? null : (
        <Popconfirm
          title={isDisabled ? t("users.enableConfirmTitle") : t("users.disableConfirmTitle")}
          description={
            isDisabled
              ? t("users.enableConfirmText", { name: user.displayName })
              : t("users.disableConfirmText", { name: user.displayName })
          }
          okText={isDisabled ? t("users.enable") : t("users.disable")}
          okButtonProps={{ danger: !isDisabled }}
          cancelText={t("common.cancel")}
          onConfirm={handleToggleDisabled}
        >
          <Button type="link" danger={!isDisabled} style={linkStyle} loading={disableMutation.isPending}>
            {isDisabled ? t("users.enable") : t("users.disable")}
          </Button>
        </Popconfirm>
      )}
      <Popconfirm
        title={t("users.resetConfirmTitle")}
        description={t("users.resetConfirmText", { name: user.displayName })}
        okText={t("users.resetPassword")}
        cancelText={t("common.cancel")}
        onConfirm={handleReset}
      >
        <Button type="link" style={linkStyle} loading={resetMutation.isPending}>
          {t("users.resetPassword")}
        </Button>
      </Popconfirm>
      <Button type="link" style={linkStyle} onClick={() => onHistory(user)}>
        {t("users.history")}
      </Button>
    </Flex>
  );
}
