import { App, DatePicker, Form, Input, Modal } from "antd";
import type { Dayjs } from "dayjs";
import { useNavigate } from "react-router";
import { openMonitoringCase } from "../../../../shared/api/monitoring-cases.api.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { HouseholdPicker } from "../../households/components/HouseholdPicker.js";
import { useMonitoringWrite } from "../hooks/useMonitoringWrite.js";

interface ApplicationValues {
  householdId: string;
  applicantName: string;
  statement: string;
  appliedOn: Dayjs;
}

/** A household's application (农户申报) entered by a cadre on its behalf; opens a case. */
export function ApplicationModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const t = useT();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplicationValues>();
  const open = useMonitoringWrite(openMonitoringCase);
  const required = { required: true, whitespace: true, message: t("monitoring.application.required") };

  const handleOk = async () => {
    const values = await form.validateFields();
    try {
      const opened = await open.mutateAsync({
        body: {
          origin: "application",
          householdId: values.householdId,
          applicantName: values.applicantName.trim(),
          statement: values.statement.trim(),
          appliedOn: values.appliedOn.format("YYYY-MM-DD"),
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
      open={isOpen}
      title={t("monitoring.application.title")}
      okText={t("monitoring.application.submit")}
      onOk={handleOk}
      onCancel={onClose}
      confirmLoading={open.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="householdId"
          label={t("monitoring.application.household")}
          rules={[{ required: true, message: t("monitoring.application.householdRequired") }]}
        >
          <HouseholdPicker onPick={() => undefined} excludeId="" testId="application-household" />
        </Form.Item>
        <Form.Item name="applicantName" label={t("monitoring.application.applicantName")} rules={[required]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="statement" label={t("monitoring.application.statement")} rules={[required]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="appliedOn"
          label={t("monitoring.application.appliedOn")}
          rules={[{ required: true, message: t("monitoring.application.required") }]}
        >
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
