import { App, Button, Form, Input, Modal, Select } from "antd";
import { useEffect } from "react";
import type { UserRow } from "../../../../shared/api/users.api.js";
import { ROLES, type Role } from "../../../../shared/roles.js";
import { ApiError } from "../../../api/ApiError.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { RegionPicker } from "../../regions/components/RegionPicker.js";
import { useCreateUser } from "../hooks/useCreateUser.js";
import { useUpdateUser } from "../hooks/useUpdateUser.js";
import type { OneTimePassword } from "./OneTimePasswordModal.js";

interface UserFormValues {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  phone?: string;
}

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{2,39}$/;
const PHONE_PATTERN = /^1[3-9]\d{9}$/;

interface UserFormModalProps {
  isOpen: boolean;
  /** The user being edited; a new user is created when absent. */
  user: UserRow | undefined;
  /** The signed-in administrator: they may not change their own role or region. */
  currentUserId: string;
  onClose: () => void;
  onCreated: (password: OneTimePassword) => void;
}

/** Creates a user (then hands over the one-time password) or edits one, sending the version it saw. */
export function UserFormModal({ isOpen, user, currentUserId, onClose, onCreated }: UserFormModalProps) {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const createMutation = useCreateUser();
  const updateMutation = useUpdateUser();
  const isEditing = user !== undefined;
  const isSelf = user?.id === currentUserId;
  const isPending = createMutation.isPending || updateMutation.isPending;

  useEffect(() => {
    if (!isOpen) return;
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        regionCode: user.regionCode,
        phone: user.phone ?? "",
      });
    }
  }, [isOpen, user, form]);

  const handleError = (error: unknown) => {
    message.error(errorText(error));
    if (!(error instanceof ApiError)) return;
    if (error.code === "STALE_VERSION") onClose();
    // The server names the taken username only in Chinese; say it in the UI language at the field.
    if (error.code === "CONFLICT" && error.details.some((detail) => detail.path === "body.username")) {
      form.setFields([{ name: "username", errors: [t("users.usernameTaken")] }]);
    }
  };

  const handleFinish = (values: UserFormValues) => {
    const phone = values.phone?.trim() ?? "";
    if (!user) {
      createMutation.mutate(
        {
          username: values.username.trim().toLowerCase(),
          displayName: values.displayName.trim(),
          role: values.role,
          regionCode: values.regionCode,
          ...(phone ? { phone } : {}),
        },
        {
          onSuccess: (result) => {
            onClose();
            onCreated({
              username: result.user.username,
              displayName: result.user.displayName,
              password: result.temporaryPassword,
              isReset: false,
            });
          },
          onError: handleError,
        },
      );
      return;
    }
    const displayName = values.displayName.trim();
    // Only what changed is sent, so the audit entry shows exactly what the administrator did.
    const changes = {
      ...(displayName !== user.displayName ? { displayName } : {}),
      ...(values.role !== user.role ? { role: values.role } : {}),
      ...(values.regionCode !== user.regionCode ? { regionCode: values.regionCode } : {}),
      ...(phone !== (user.phone ?? "") ? { phone: phone || null } : {}),
    };
    if (Object.keys(changes).length === 0) {
      message.info(t("users.noChanges"));
      onClose();
      return;
    }
    updateMutation.mutate(
      { id: user.id, version: user.version, ...changes },
      {
        onSuccess: (updated) => {
          message.success(t("users.saved", { name: updated.displayName }));
          onClose();
        },
        onError: handleError,
      },
    );
  };

  return (
    <Modal
      title={isEditing ? t("users.editTitle", { name: user.displayName }) : t("users.createTitle")}
      open={isOpen}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t("common.cancel")}
        </Button>,
        <Button
          key="submit"
          type="primary"
          data-testid="user-submit"
          loading={isPending}
          onClick={() => form.submit()}
        >
          {isEditing ? t("common.save") : t("users.create")}
        </Button>,
      ]}
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={handleFinish}
        disabled={isPending}
      >
        <Form.Item
          label={t("users.username")}
          name="username"
          extra={isEditing ? undefined : t("users.usernameHint")}
          rules={[
            { required: true, whitespace: true, message: t("users.usernameRequired") },
            {
              validator: async (_, value: string | undefined) => {
                const username = value?.trim().toLowerCase();
                if (username && !USERNAME_PATTERN.test(username)) throw new Error(t("users.usernameInvalid"));
              },
            },
          ]}
        >
          <Input data-testid="user-username" autoComplete="off" autoCapitalize="none" disabled={isEditing} />
        </Form.Item>
        <Form.Item
          label={t("users.displayName")}
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: t("users.displayNameRequired") },
            { max: 50, message: t("users.displayNameTooLong") },
          ]}
        >
          <Input data-testid="user-display-name" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t("users.role")}
          name="role"
          extra={isSelf ? t("users.selfRoleHint") : undefined}
          rules={[{ required: true, message: t("users.roleRequired") }]}
        >
          <Select<Role>
            data-testid="user-role"
            disabled={isSelf}
            placeholder={t("users.rolePlaceholder")}
            options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t("users.region")}
          name="regionCode"
          extra={isSelf ? t("users.selfRoleHint") : t("users.regionHint")}
          rules={[{ required: true, message: t("users.regionRequired") }]}
        >
          <RegionPicker
            testId="user-region"
            disabled={isSelf}
            selectedName={user?.regionName}
            placeholder={t("users.regionPlaceholder")}
          />
        </Form.Item>
        <Form.Item
          label={t("users.phone")}
          name="phone"
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                const phone = value?.trim();
                if (phone && !PHONE_PATTERN.test(phone)) throw new Error(t("users.phoneInvalid"));
              },
            },
          ]}
        >
          <Input data-testid="user-phone" inputMode="tel" autoComplete="off" maxLength={11} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
