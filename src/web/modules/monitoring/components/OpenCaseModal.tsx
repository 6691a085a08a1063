import { App, Checkbox, Form, Input, Modal } from "antd";
import { useNavigate } from "react-router";
import type { MonitoringAlertView } from "../../../../shared/api/monitoring.api.js";
import { openMonitoringCase } from "../../../../shared/api/monitoring-cases.api.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useMonitoringWrite } from "../hooks/useMonitoringWrite.js";
import { AlertFacts } from "./AlertFacts.js";

/** Starts identification from a household's open alerts (all ticked by default), then opens the case. */
export function OpenCaseModal({
  alerts,
  onClose,
}: {
  /** The open alerts of one household; undefined when the modal is closed. */
  alerts: MonitoringAlertView[] | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ alertIds: string[]; comment?: string }>();
  const open = useMonitoringWrite(openMonitoringCase);

  const handleOk = async () => {
    const values = await form.validateFields();
    const householdId = alerts?.[0]?.householdId ?? "";
    try {
      const opened = await open.mutateAsync({
        body: {
          origin: "alert",
          householdId,
          alertIds: values.alertIds,
          ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
        },
      });
      message.success(t("monitoring.openCase.opened"));
      onClose();
      navigate(`/monitoring/cases/${opened.id}`);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open={alerts !== undefined}
      title={t("monitoring.openCase.title")}
      okText={t("monitoring.openCase.submit")}
      onOk={handleOk}
      onCancel={onClose}
      confirmLoading={open.isPending}
      okButtonProps={{ "data-testid": "open-case-submit" }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ alertIds: (alerts ?? []).map((a) => a.id) }}
        preserve={false}
      >
        <Form.Item name="alertIds" rules={[{ required: true, type: "array", min: 1 }]}>
          <Checkbox.Group style={{ display: "flex", flexDirection: "column", gap: 8 }}>
            {(alerts ?? []).map((alert) => (
              <Checkbox key={alert.id} value={alert.id}>
                <AlertFacts ruleCode={alert.ruleCode} facts={alert.facts} isNameShown />
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="comment" label={t("monitoring.openCase.comment")}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="open-case-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
