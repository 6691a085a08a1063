import { App, Form, InputNumber, Modal } from "antd";
import { useState } from "react";
import { saveRigidSpending } from "../../../../shared/api/monitoring.api.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { HouseholdPicker } from "../../households/components/HouseholdPicker.js";
import { useMonitoringWrite } from "../hooks/useMonitoringWrite.js";
import { useRigidSpending } from "../hooks/useRigidSpending.js";

interface SpendingValues {
  householdId: string;
  year: number;
  medical: number;
  disasterLoss: number;
  other: number;
}

/**
 * Records a household's rigid spending of a year (medical costs after reimbursement, disaster
 * losses, other unavoidable spending), which the income account does not hold; the household is
 * re-evaluated at once.
 */
export function RigidSpendingModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<SpendingValues>();
  const [householdId, setHouseholdId] = useState<string>();
  const year = Form.useWatch("year", form);
  const spendingQuery = useRigidSpending(householdId);
  const save = useMonitoringWrite(saveRigidSpending);
  const stored = spendingQuery.data?.rows.find((row) => row.year === year);

  const handleOk = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({
        params: { id: values.householdId, year: values.year },
        body: {
          medical: values.medical ?? 0,
          disasterLoss: values.disasterLoss ?? 0,
          other: values.other ?? 0,
          version: stored?.version ?? 0,
        },
      });
      message.success(t("monitoring.spending.saved"));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const money = { min: 0, max: 100_000_000, precision: 2, style: { width: 180 } };
  return (
    <Modal
      open={isOpen}
      title={t("monitoring.spending.title")}
      onOk={handleOk}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ year: new Date().getFullYear() - 1, medical: 0, disasterLoss: 0, other: 0 }}
      >
        <Form.Item
          name="householdId"
          label={t("monitoring.application.household")}
          rules={[{ required: true, message: t("monitoring.application.householdRequired") }]}
        >
          <HouseholdPicker
            onPick={(household) => setHouseholdId(household?.id)}
            excludeId=""
            testId="spending-household"
          />
        </Form.Item>
        <Form.Item name="year" label={t("monitoring.rules.year")} rules={[{ required: true }]}>
          <InputNumber min={2015} max={2100} />
        </Form.Item>
        {stored ? (
          <p>
            {t("monitoring.spending.stored", {
              medical: stored.medical,
              disasterLoss: stored.disasterLoss,
              other: stored.other,
            })}
          </p>
        ) : null}
        <Form.Item name="medical" label={t("monitoring.spending.medical")}>
          <InputNumber {...money} />
        </Form.Item>
        <Form.Item name="disasterLoss" label={t("monitoring.spending.disasterLoss")}>
          <InputNumber {...money} />
        </Form.Item>
        <Form.Item name="other" label={t("monitoring.spending.other")}>
          <InputNumber {...money} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
