import { App, type ButtonProps, Form, Input, Modal, Typography } from "antd";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useAssignCaseworkers } from "../hooks/useAssignCaseworkers.js";
import { CaseworkerPicker } from "./CaseworkerPicker.js";

interface AssignFormValues {
  userIds: string[];
  reason?: string;
}

interface AssignCaseworkersModalProps {
  isOpen: boolean;
  householdId: string;
  current: { id: string; displayName: string }[];
  onClose: () => void;
}

/** Sets the household's caseworkers: added ones start today, removed ones end today and stay in the history. */
export function AssignCaseworkersModal({
  isOpen,
  householdId,
  current,
  onClose,
}: AssignCaseworkersModalProps) {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignFormValues>();
  const assignMutation = useAssignCaseworkers(householdId);
  const knownNames = Object.fromEntries(current.map((caseworker) => [caseworker.id, caseworker.displayName]));

  const handleFinish = (values: AssignFormValues) => {
    const reason = values.reason?.trim();
    assignMutation.mutate(
      { userIds: values.userIds ?? [], ...(reason ? { reason } : {}) },
      {
        onSuccess: () => {
          message.success(t("households.caseworkers.saved"));
          onClose();
        },
        onError: (error) => message.error(errorText(error)),
      },
    );
  };

  return (
    <Modal
      title={t("households.caseworkers.assignTitle")}
      open={isOpen}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={
        { loading: assignMutation.isPending, "data-testid": "caseworkers-submit" } as ButtonProps
      }
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("households.caseworkers.assignHint")}</Typography.Paragraph>
      <Form<AssignFormValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ userIds: current.map((caseworker) => caseworker.id) }}
      >
        <Form.Item
          name="userIds"
          label={t("households.caseworkers.current")}
          rules={[{ type: "array", max: 10, message: t("households.caseworkers.tooMany") }]}
        >
          <CaseworkerPicker<string[]> isMultiple knownNames={knownNames} testId="caseworkers-picker" />
        </Form.Item>
        <Form.Item name="reason" label={t("households.caseworkers.reason")}>
          <Input maxLength={200} placeholder={t("households.caseworkers.reasonPlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
