import {
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  InputNumber,
  Select,
  Switch,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type MonitoringRuleView, saveMonitoringRule } from "../../../../shared/api/monitoring.api.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useMonitoringWrite } from "../hooks/useMonitoringWrite.js";

interface RuleValues {
  isEnabled: boolean;
  thresholds: Record<string, number | string>;
  effectiveFrom: Dayjs;
  effectiveTo: Dayjs | null;
}

/** One rule of a county and year: switch, thresholds (the server checks their ranges), dates, save. */
export function RuleCard({
  rule,
  countyCode,
  year,
}: {
  rule: MonitoringRuleView;
  countyCode: string;
  year: number;
}) {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const save = useMonitoringWrite(saveMonitoringRule);

  const handleSave = async (values: RuleValues) => {
    try {
      await save.mutateAsync({
        params: { ruleCode: rule.code },
        body: {
          countyCode,
          year,
          isEnabled: values.isEnabled,
          thresholds: values.thresholds ?? {},
          effectiveFrom: values.effectiveFrom.format("YYYY-MM-DD"),
          effectiveTo: values.effectiveTo ? values.effectiveTo.format("YYYY-MM-DD") : null,
          version: rule.version,
        },
      });
      message.success(t("monitoring.rules.saved"));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Card
      size="small"
      data-testid={`rule-${rule.code}`}
      title={
        <Flex wrap gap={8} align="center">
          {t(`monitoring.rules.names.${rule.code}`)}
          {rule.version === 0 ? <Tag>{t("monitoring.rules.defaultsTag")}</Tag> : null}
          {rule.pendingModule ? (
            <Tag color="warning" data-testid="rule-not-evaluable">
              {t("monitoring.rules.notEvaluable", {
                module: t(`monitoring.rules.modules.${rule.pendingModule}`),
              })}
            </Tag>
          ) : null}
        </Flex>
      }
    >
      <Form<RuleValues>
        form={form}
        layout="inline"
        onFinish={handleSave}
        initialValues={{
          isEnabled: rule.isEnabled,
          thresholds: rule.thresholds,
          effectiveFrom: dayjs(rule.effectiveFrom),
          effectiveTo: rule.effectiveTo ? dayjs(rule.effectiveTo) : null,
        }}
      >
        <Form.Item name="isEnabled" label={t("monitoring.rules.enabled")} valuePropName="checked">
          <Switch data-testid="rule-enabled" />
        </Form.Item>
        {Object.keys(rule.thresholds).map((key) => (
          <Form.Item
            key={key}
            name={["thresholds", key]}
            label={t(`monitoring.rules.thresholdNames.${key}` as "monitoring.rules.thresholdNames.line")}
          >
            {key === "level" ? (
              <Select
                style={{ width: 150 }}
                options={(["red", "yellow"] as const).map((level) => ({
                  value: level,
                  label: t(`monitoring.rules.levels.${level}`),
                }))}
              />
            ) : (
              <InputNumber data-testid={`rule-threshold-${key}`} style={{ width: 120 }} />
            )}
          </Form.Item>
        ))}
        <Form.Item name="effectiveFrom" label={t("monitoring.rules.effective")} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="effectiveTo" label={t("monitoring.rules.effectiveTo")}>
          <DatePicker />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={save.isPending} data-testid="rule-save">
            {t("monitoring.rules.save")}
          </Button>
        </Form.Item>
      </Form>
      {Object.keys(rule.thresholds).length === 0 && !rule.pendingModule ? (
        <Typography.Text type="secondary" />
      ) : null}
    </Card>
  );
}
