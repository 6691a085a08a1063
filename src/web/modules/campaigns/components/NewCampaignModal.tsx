import { App, Button, Flex, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { createCampaign } from "../../../../shared/api/campaigns.api.js";
import type { BodyOf } from "../../../../shared/endpoint.js";
import { POVERTY_STATUSES } from "../../../../shared/household-codes.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useDebouncedValue } from "../../../ui/useDebouncedValue.js";
import { useCodeLabels } from "../../households/hooks/useCodeLabels.js";
import { useRegionSearch } from "../../regions/hooks/useRegionSearch.js";
import { useCreateCampaign } from "../hooks/useCreateCampaign.js";

interface NewCampaignValues {
  name: string;
  regionCode: string;
  householdStatuses: BodyOf<typeof createCampaign>["householdStatuses"];
  startsOn: string;
  deadline: string;
  questions?: { code: string; text: string; kind: "yes_no" | "text" }[];
}

/** Starts a screening campaign: which households (an area, optionally by status), which questions, by when. */
export function NewCampaignModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const { options } = useCodeLabels();
  const [regionText, setRegionText] = useState("");
  const regions = useRegionSearch(useDebouncedValue(regionText, 300), isOpen);
  const createMutation = useCreateCampaign();
  const [form] = Form.useForm<NewCampaignValues>();

  const handleFinish = async (values: NewCampaignValues) => {
    try {
      const campaign = await createMutation.mutateAsync({
        ...values,
        questions: values.questions ?? [],
      });
      message.success(t("campaigns.created", { count: campaign.households }));
      onClose();
      navigate(`/visits/campaigns/${campaign.id}`);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open={isOpen}
      title={t("campaigns.new")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("campaigns.start")}
      confirmLoading={createMutation.isPending}
      destroyOnHidden
    >
      <Form<NewCampaignValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ householdStatuses: [] }}
      >
        <Form.Item
          name="name"
          label={t("campaigns.name")}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input placeholder={t("campaigns.namePlaceholder")} />
        </Form.Item>
        <Form.Item name="regionCode" label={t("campaigns.area")} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setRegionText }}
            options={(regions.data?.rows ?? [])
              .filter((r) => r.level === "county" || r.level === "township" || r.level === "village")
              .map((r) => ({ value: r.code, label: r.path || r.name }))}
            placeholder={t("campaigns.areaPlaceholder")}
          />
        </Form.Item>
        <Form.Item name="householdStatuses" label={t("campaigns.statuses")}>
          <Select
            mode="multiple"
            options={options(POVERTY_STATUSES)}
            placeholder={t("campaigns.allStatuses")}
          />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item
            name="startsOn"
            label={t("campaigns.startsOn")}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t("campaigns.deadline")}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <Input type="date" />
          </Form.Item>
        </Flex>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={[field.name, "text"]}
                    rules={[{ required: true, whitespace: true, max: 200 }]}
                    style={{ flex: 1, marginBottom: 0 }}
                  >
                    <Input placeholder={t("campaigns.questionText")} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "kind"]}
                    initialValue="yes_no"
                    style={{ width: 110, marginBottom: 0 }}
                  >
                    <Select
                      options={[
                        { value: "yes_no", label: t("campaigns.yesNo") },
                        { value: "text", label: t("campaigns.text") },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "code"]} initialValue={`q${index + 1}`} hidden>
                    <Input />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>×</Button>
                </Flex>
              ))}
              <Button onClick={() => add({ code: `q${Date.now() % 100000}`, kind: "yes_no" })}>
                {t("campaigns.addQuestion")}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
