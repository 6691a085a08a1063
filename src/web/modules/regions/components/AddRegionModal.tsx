import { App, Form, Input, Modal } from "antd";
import { useEffect } from "react";
import type { RegionSummary } from "../../../../shared/api/regions.api.js";
import { childCodeProblem } from "../../../../shared/division-code.js";
import { ApiError } from "../../../api/ApiError.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useCreateRegion } from "../hooks/useCreateRegion.js";
import { suggestChildCode } from "../utils/suggestChildCode.js";

interface AddRegionValues {
  code: string;
  name: string;
}

/** Adds a village under a township, or a village group (村民小组) under a village. */
export function AddRegionModal({
  parent,
  siblings,
  isOpen,
  onClose,
}: {
  parent: RegionSummary;
  siblings: readonly RegionSummary[];
  isOpen: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddRegionValues>();
  const createMutation = useCreateRegion();
  const isGroup = parent.level === "village";
  const codeLength = isGroup ? 15 : 12;

  useEffect(() => {
    if (isOpen) form.setFieldsValue({ code: suggestChildCode(parent, siblings) ?? "", name: "" });
  }, [isOpen, parent, siblings, form]);

  const handleFinish = (values: AddRegionValues) => {
    createMutation.mutate(
      { parentCode: parent.code, code: values.code.trim(), name: values.name.trim() },
      {
        onSuccess: (created) => {
          message.success(t("regions.added", { name: created.name }));
          onClose();
        },
        onError: (error) => {
          message.error(errorText(error));
          if (error instanceof ApiError && error.code === "CONFLICT") {
            form.setFields([{ name: "code", errors: [t("regions.codeTaken")] }]);
          }
        },
      },
    );
  };

  return (
    <Modal
      title={
        isGroup
          ? t("regions.addGroupTitle", { parent: parent.name })
          : t("regions.addVillageTitle", { parent: parent.name })
      }
      open={isOpen}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={createMutation.isPending}
      destroyOnHidden
    >
      <Form<AddRegionValues> form={form} layout="vertical" requiredMark={false} onFinish={handleFinish}>
        <Form.Item
          label={t("regions.code")}
          name="code"
          extra={isGroup ? t("regions.groupCodeHint") : t("regions.villageCodeHint")}
          rules={[
            { required: true, message: t("regions.codeRequired") },
            {
              validator: async (_, value: string | undefined) => {
                const code = value?.trim();
                if (!code) return;
                const problem = childCodeProblem(parent.code, code);
                if (problem) throw new Error(t(`regions.codeProblems.${problem}`, { length: codeLength }));
                if (siblings.some((sibling) => sibling.code === code))
                  throw new Error(t("regions.codeTaken"));
              },
            },
          ]}
        >
          <Input data-testid="region-code" inputMode="numeric" maxLength={codeLength} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t("regions.name")}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t("regions.nameRequired") },
            { max: 100, message: t("regions.nameTooLong") },
          ]}
        >
          <Input data-testid="region-name" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
