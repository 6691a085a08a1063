import { App, Button, Flex, Form, Input, Modal, Typography } from "antd";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useSetVisitIndicators, useVisitIndicators } from "../hooks/useVisitIndicators.js";

interface IndicatorValues {
  indicators: { code: string; zh: string; en: string }[];
}

/**
 * The county's visit checklist (e.g. Guangdong's 八有 instead of the basic guarantees). Visits
 * recorded earlier keep the labels they were asked with.
 */
export function IndicatorListModal({
  countyCode,
  isOpen,
  onClose,
}: {
  countyCode: string;
  isOpen: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const { data } = useVisitIndicators(isOpen ? countyCode : undefined);
  const mutation = useSetVisitIndicators(countyCode);
  const [form] = Form.useForm<IndicatorValues>();

  const handleFinish = async (values: IndicatorValues) => {
    try {
      await mutation.mutateAsync({ indicators: values.indicators, version: data?.version ?? 0 });
      message.success(t("campaigns.indicators.saved"));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open={isOpen}
      title={t("campaigns.indicators.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {data?.isDefault ? t("campaigns.indicators.isDefault") : t("campaigns.indicators.hint")}
      </Typography.Paragraph>
      {data ? (
        <Form<IndicatorValues>
          form={form}
          onFinish={handleFinish}
          initialValues={{ indicators: data.indicators }}
        >
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="start">
                    <Form.Item
                      name={[field.name, "code"]}
                      rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/ }]}
                      style={{ width: 120, marginBottom: 0 }}
                    >
                      <Input placeholder={t("campaigns.indicators.code")} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "zh"]}
                      rules={[{ required: true, whitespace: true, max: 40 }]}
                      style={{ flex: 1, marginBottom: 0 }}
                    >
                      <Input placeholder={t("campaigns.indicators.zh")} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "en"]}
                      rules={[{ required: true, whitespace: true, max: 80 }]}
                      style={{ flex: 1, marginBottom: 0 }}
                    >
                      <Input placeholder={t("campaigns.indicators.en")} />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)}>×</Button>
                  </Flex>
                ))}
                {fields.length < 20 ? (
                  <Button onClick={() => add({ code: "", zh: "", en: "" })}>
                    {t("campaigns.indicators.add")}
                  </Button>
                ) : null}
              </Flex>
            )}
          </Form.List>
        </Form>
      ) : null}
    </Modal>
  );
}
