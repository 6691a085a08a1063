import { Button, Flex, Form, Input, Select } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { useIsMobile } from "../../../ui/useIsMobile.js";
import { auditActions } from "../auditActions.js";
import { useAuditLabels } from "../hooks/useAuditLabels.js";

export interface AuditFilterValues {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

const ENTITY_TYPES = ["user", "region", "household", "member"] as const;

/**
 * Filters of the audit trail: record type and id, actor, action, date range; applied on "search".
 * On a phone they fold away behind one button so that the entries stay in view.
 */
export function AuditFilters({ onChange }: { onChange: (filter: AuditFilterValues) => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const labels = useAuditLabels();
  const [form] = Form.useForm<AuditFilterValues>();
  const [isOpenOnPhone, setIsOpenOnPhone] = useState(false);
  const [activeCount, setActiveCount] = useState(0);
  const itemStyle = { marginBottom: isMobile ? 12 : 0, width: isMobile ? "100%" : undefined };

  const apply = (filter: AuditFilterValues) => {
    setActiveCount(Object.keys(filter).length);
    setIsOpenOnPhone(false);
    onChange(filter);
  };

  const handleFinish = (values: AuditFilterValues) => {
    const trimmed: AuditFilterValues = {};
    for (const [name, value] of Object.entries(values) as [keyof AuditFilterValues, string | undefined][]) {
      const text = value?.trim();
      if (text) trimmed[name] = text;
    }
    apply(trimmed);
  };

  const toggle = isMobile ? (
    <Button
      block
      data-testid="audit-filters-toggle"
      style={{ marginBottom: isOpenOnPhone ? 0 : 16 }}
      onClick={() => setIsOpenOnPhone((isOpen) => !isOpen)}
    >
      {activeCount > 0 ? t("audit.filtersActive", { count: activeCount }) : t("audit.filters")}
    </Button>
  ) : null;

  return (
    <>
      {toggle}
      <Form<AuditFilterValues>
        form={form}
        layout={isMobile ? "vertical" : "inline"}
        onFinish={handleFinish}
        style={{
          marginBottom: 16,
          marginTop: isMobile ? 12 : 0,
          rowGap: 12,
          display: isMobile && !isOpenOnPhone ? "none" : undefined,
        }}
      >
        <Form.Item name="entityType" label={t("audit.entityType")} style={itemStyle}>
          <Select
            allowClear
            placeholder={t("common.all")}
            style={{ width: isMobile ? "100%" : 120 }}
            options={ENTITY_TYPES.map((value) => ({ value, label: labels.entityType(value) }))}
          />
        </Form.Item>
        <Form.Item name="entityId" label={t("audit.entityId")} style={itemStyle}>
          <Input allowClear maxLength={80} style={{ width: isMobile ? "100%" : 200 }} />
        </Form.Item>
        <Form.Item name="actor" label={t("audit.actor")} style={itemStyle}>
          <Input
            allowClear
            maxLength={40}
            placeholder={t("audit.actorPlaceholder")}
            style={{ width: isMobile ? "100%" : 140 }}
          />
        </Form.Item>
        <Form.Item name="action" label={t("audit.action")} style={itemStyle}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={t("common.all")}
            style={{ width: isMobile ? "100%" : 170 }}
            options={auditActions.map((value) => ({ value, label: labels.action(value) }))}
          />
        </Form.Item>
        <Form.Item name="from" label={t("audit.from")} style={itemStyle}>
          <Input type="date" style={{ width: isMobile ? "100%" : 150 }} />
        </Form.Item>
        <Form.Item
          name="to"
          label={t("audit.to")}
          style={itemStyle}
          dependencies={["from"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                const from: unknown = getFieldValue("from");
                if (value && typeof from === "string" && from && value < from)
                  throw new Error(t("audit.toBeforeFrom"));
              },
            }),
          ]}
        >
          <Input type="date" style={{ width: isMobile ? "100%" : 150 }} />
        </Form.Item>
        <Flex gap={8} style={{ width: isMobile ? "100%" : undefined, marginTop: isMobile ? 8 : 0 }}>
          <Button type="primary" htmlType="submit" data-testid="audit-search" block={isMobile}>
            {t("common.search")}
          </Button>
          <Button
            block={isMobile}
            onClick={() => {
              form.resetFields();
              apply({});
            }}
          >
            {t("common.reset")}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
