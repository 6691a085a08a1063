import { App, Form, Input, Modal } from "antd";
import { useEffect } from "react";
import type { RegionSummary } from "../../../../shared/api/regions.api.js";
import { ApiError } from "../../../api/ApiError.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useRenameRegion } from "../hooks/useRenameRegion.js";

/** Renames a region; when someone else changed it meanwhile, says so and shows the fresh data. */
export function RenameRegionModal({
  region,
  onClose,
}: {
  region: RegionSummary | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const renameMutation = useRenameRegion();

  useEffect(() => {
    if (region) form.setFieldsValue({ name: region.name });
  }, [region, form]);

  const handleFinish = ({ name }: { name: string }) => {
    if (!region) return;
    renameMutation.mutate(
      { code: region.code, name: name.trim(), version: region.version },
      {
        onSuccess: (renamed) => {
          message.success(t("regions.renamed", { name: renamed.name }));
          onClose();
        },
        onError: (error) => {
          message.error(errorText(error));
          // The list reloads after a stale version; editing the old copy again would fail again.
          if (error instanceof ApiError && error.code === "STALE_VERSION") onClose();
        },
      },
    );
  };

  return (
    <Modal
      title={t("regions.renameTitle", { code: region?.code ?? "" })}
      open={region !== undefined}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={renameMutation.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} onFinish={handleFinish}>
        <Form.Item
          label={t("regions.name")}
          name="name"
          rules={[
            { required: true, whitespace: true, message: t("regions.nameRequired") },
            { max: 100, message: t("regions.nameTooLong") },
          ]}
        >
          <Input data-testid="region-new-name" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
