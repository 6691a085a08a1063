import { App, DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import {
  addCaseMeasure,
  type MeasureView,
  updateCaseMeasure,
} from "../../../../shared/api/monitoring-cases.api.js";
import {
  MEASURE_KIND_CODES,
  MEASURE_STATUS_CODES,
  type MeasureKind,
  type MeasureStatus,
} from "../../../../shared/monitoring-workflow.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useMonitoringWrite } from "../hooks/useMonitoringWrite.js";

interface MeasureValues {
  kind: MeasureKind;
  content: string;
  responsible: string;
  startsOn: Dayjs;
  dueOn: Dayjs;
  status: MeasureStatus;
  outcome?: string;
}

/** Adds an assistance measure to a case, or edits one (`measure` given). */
export function MeasureModal({
  caseId,
  measure,
  isOpen,
  onClose,
}: {
  caseId: string;
  measure: MeasureView | undefined;
  isOpen: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<MeasureValues>();
  const add = useMonitoringWrite(addCaseMeasure);
  const update = useMonitoringWrite(updateCaseMeasure);
  const required = { required: true, message: t("monitoring.measures.required") };

  const handleOk = async () => {
    const values = await form.validateFields();
    const fields = {
      kind: values.kind,
      content: values.content.trim(),
      responsible: values.responsible.trim(),
      startsOn: values.startsOn.format("YYYY-MM-DD"),
      dueOn: values.dueOn.format("YYYY-MM-DD"),
      status: values.status,
      outcome: values.outcome?.trim() ?? "",
    };
    try {
      if (measure) {
        await update.mutateAsync({
          params: { id: caseId, measureId: measure.id },
          body: { ...fields, version: measure.version },
        });
      } else {
        await add.mutateAsync({ params: { id: caseId }, body: fields });
      }
      message.success(t("monitoring.measures.saved"));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open={isOpen}
      title={measure ? t("monitoring.measures.edit") : t("monitoring.measures.add")}
      onOk={handleOk}
      onCancel={onClose}
      confirmLoading={add.isPending || update.isPending}
      okButtonProps={{ "data-testid": "measure-submit" }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          measure
            ? { ...measure, startsOn: dayjs(measure.startsOn), dueOn: dayjs(measure.dueOn) }
            : { kind: "employment", status: "in_progress", startsOn: dayjs(), dueOn: dayjs().add(30, "day") }
        }
      >
        <Form.Item name="kind" label={t("monitoring.measures.kind")} rules={[required]}>
          <Select
            data-testid="measure-kind"
            options={MEASURE_KIND_CODES.map((kind) => ({
              value: kind,
              label: t(`monitoring.measures.kinds.${kind}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="content"
          label={t("monitoring.measures.content")}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input.TextArea rows={2} maxLength={1000} data-testid="measure-content" />
        </Form.Item>
        <Form.Item
          name="responsible"
          label={t("monitoring.measures.responsible")}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input maxLength={100} data-testid="measure-responsible" />
        </Form.Item>
        <Form.Item name="startsOn" label={t("monitoring.measures.startsOn")} rules={[required]}>
          <DatePicker data-testid="measure-starts-on" />
        </Form.Item>
        <Form.Item name="dueOn" label={t("monitoring.measures.dueOn")} rules={[required]}>
          <DatePicker data-testid="measure-due-on" />
        </Form.Item>
        <Form.Item name="status" label={t("monitoring.measures.status")} rules={[required]}>
          <Select
            data-testid="measure-status"
            options={MEASURE_STATUS_CODES.map((status) => ({
              value: status,
              label: t(`monitoring.measures.statuses.${status}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="outcome" label={t("monitoring.measures.outcome")}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="measure-outcome" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
