import { Alert, App, DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { type CaseDetail, takeCaseStep } from "../../../../shared/api/monitoring-cases.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import {
  type CaseAction,
  MONITORING_TYPE_CODES,
  type MonitoringType,
  RISK_TYPE_CODES,
  type RiskType,
} from "../../../../shared/monitoring-workflow.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useMonitoringWrite } from "../hooks/useMonitoringWrite.js";

interface StepValues {
  comment: string;
  visitedOn?: Dayjs;
  monitoringType?: MonitoringType;
  riskTypes?: RiskType[];
}

/** One step of a case: a comment always, the visit day when verifying, type and risks when identifying. */
export function CaseStepModal({
  monitoringCase,
  action,
  onClose,
}: {
  monitoringCase: CaseDetail;
  action: CaseAction | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const step = useMonitoringWrite(takeCaseStep);
  // A refusal stays in the dialog (it can list several problems, e.g. what risk elimination lacks).
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const close = () => {
    setRefusal(undefined);
    onClose();
  };

  const bodyOf = (values: StepValues): BodyOf<typeof takeCaseStep> => {
    const base = { version: monitoringCase.version, comment: values.comment.trim() };
    if (action === "verify") return { action, visitedOn: values.visitedOn!.format("YYYY-MM-DD"), ...base };
    if (action === "identify") {
      return { action, monitoringType: values.monitoringType!, riskTypes: values.riskTypes ?? [], ...base };
    }
    return { action: action as Exclude<CaseAction, "verify" | "identify">, ...base };
  };

  const handleOk = async () => {
    const values = await form.validateFields();
    setRefusal(undefined);
    try {
      await step.mutateAsync({ params: { id: monitoringCase.id }, body: bodyOf(values) });
      message.success(t("monitoring.step.done"));
      close();
    } catch (error) {
      setRefusal(errorText(error));
    }
  };

  return (
    <Modal
      open={action !== undefined}
      title={action ? t(`monitoring.actions.${action}`) : ""}
      okText={t("monitoring.step.submit")}
      onOk={handleOk}
      onCancel={close}
      confirmLoading={step.isPending}
      okButtonProps={{ "data-testid": "step-submit" }}
      destroyOnHidden
    >
      {refusal ? (
        <Alert
          type="error"
          showIcon
          title={refusal}
          data-testid="step-refusal"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form form={form} layout="vertical" preserve={false}>
        {action === "verify" ? (
          <Form.Item
            name="visitedOn"
            label={t("monitoring.step.visitedOn")}
            rules={[{ required: true, message: t("monitoring.step.commentRequired") }]}
          >
            <DatePicker data-testid="step-visited-on" />
          </Form.Item>
        ) : null}
        {action === "identify" ? (
          <>
            <Form.Item name="monitoringType" label={t("monitoring.step.type")} rules={[{ required: true }]}>
              <Select
                data-testid="step-type"
                options={MONITORING_TYPE_CODES.map((type) => ({
                  value: type,
                  label: t(`monitoring.types.${type}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="riskTypes"
              label={t("monitoring.step.risks")}
              rules={[{ required: true, type: "array", min: 1 }]}
            >
              <Select
                mode="multiple"
                data-testid="step-risks"
                options={RISK_TYPE_CODES.map((risk) => ({
                  value: risk,
                  label: t(`monitoring.risks.${risk}`),
                }))}
              />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="comment"
          label={t("monitoring.step.comment")}
          rules={[{ required: true, whitespace: true, message: t("monitoring.step.commentRequired") }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="step-comment" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
