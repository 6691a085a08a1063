import { App, Form, Input, Modal } from "antd";
import { dismissMonitoringAlert } from "../../../../shared/api/monitoring.api.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useMonitoringWrite } from "../hooks/useMonitoringWrite.js";

/** Closes an alert after checking that the household is not at risk, with what was checked. */
export function DismissAlertModal({
  alertId,
  onClose,
}: {
  alertId: string | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const dismiss = useMonitoringWrite(dismissMonitoringAlert);

  const handleOk = async () => {
    const { reason } = await form.validateFields();
    try {
      await dismiss.mutateAsync({ params: { id: alertId ?? "" }, body: { reason } });
      message.success(t("monitoring.alerts.dismissed"));
      form.resetFields();
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open={alertId !== undefined}
      title={t("monitoring.alerts.dismissTitle")}
      onOk={handleOk}
      onCancel={onClose}
      confirmLoading={dismiss.isPending}
      okButtonProps={{ "data-testid": "dismiss-submit" }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t("monitoring.alerts.dismissReason")}
          rules={[
            { required: true, whitespace: true, message: t("monitoring.alerts.dismissReasonRequired") },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="dismiss-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
