import { Alert, Button, Card, Checkbox, Empty, Form, Input, Modal, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { BRIEFING_SECTIONS, type BriefingSummary } from "../../../../shared/api/briefings.api.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { RegionPicker } from "../../regions/components/RegionPicker.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";
import { useBriefings, useBriefingWrites } from "../hooks/useBriefings.js";

/** The "第N期" label of an issued briefing. */
export function useIssueLabel() {
  const t = useT();
  return (b: Pick<BriefingSummary, "issueYear" | "issueNumber">) =>
    b.issueNumber === null
      ? "—"
      : t("briefings.numberValue", { year: b.issueYear ?? "", number: b.issueNumber });
}

/** Briefings of the user's scope; administrators write new ones from the figures. */
export function BriefingsPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const user = useCurrentUser();
  const canWrite = permissionsOf(user.role).canWriteBriefings;
  const issueLabel = useIssueLabel();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<"draft" | "issued" | undefined>();
  const [isCreating, setIsCreating] = useState(false);
  const query = useBriefings({ page, pageSize: 20, ...(status ? { status } : {}) });

  return (
    <>
      <PageHeader
        title={t("briefings.title")}
        extra={
          canWrite ? (
            <Button type="primary" onClick={() => setIsCreating(true)} data-testid="briefing-create">
              {t("briefings.create")}
            </Button>
          ) : null
        }
      />
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t("briefings.allStatuses")}
          style={{ width: 160 }}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={(["draft", "issued"] as const).map((s) => ({
            value: s,
            label: t(`briefings.status.${s}`),
          }))}
        />
      </Space>
      {query.isError ? (
        <Alert type="error" showIcon title={errorText(query.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Card>
        <Table<BriefingSummary>
          rowKey="id"
          loading={query.isFetching}
          dataSource={query.data?.rows ?? []}
          scroll={{ x: "max-content" }}
          locale={{
            emptyText: (
              <Empty description={canWrite ? t("briefings.emptyCanCreate") : t("briefings.empty")} />
            ),
          }}
          pagination={{
            current: page,
            pageSize: 20,
            total: query.data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t("common.total", { total }),
          }}
          columns={[
            {
              title: t("briefings.columns.title"),
              dataIndex: "title",
              render: (title: string, b) => (
                <Link to={`/briefings/${b.id}`} data-testid={`briefing-link-${b.id}`}>
                  {title}
                </Link>
              ),
            },
            { title: t("briefings.columns.region"), dataIndex: "regionName" },
            {
              title: t("briefings.columns.period"),
              render: (_, b) => `${b.periodStart} ~ ${b.periodEnd}`,
            },
            {
              title: t("briefings.columns.status"),
              dataIndex: "status",
              render: (s: "draft" | "issued") => (
                <Tag color={s === "issued" ? "red" : "default"}>{t(`briefings.status.${s}`)}</Tag>
              ),
            },
            { title: t("briefings.columns.number"), render: (_, b) => issueLabel(b) },
            {
              title: t("briefings.columns.issuedOn"),
              dataIndex: "issuedOn",
              render: (d: string | null) => d ?? "—",
            },
            {
              title: t("briefings.columns.updatedAt"),
              dataIndex: "updatedAt",
              render: (d: string) => formatDateTime(d),
            },
          ]}
        />
      </Card>
      {isCreating ? <CreateBriefingModal onClose={() => setIsCreating(false)} /> : null}
    </>
  );
}

interface CreateValues {
  regionCode: string;
  title: string;
  periodStart: string;
  periodEnd: string;
  sections: (typeof BRIEFING_SECTIONS)[number][];
}

function CreateBriefingModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const errorText = useApiErrorText();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { create } = useBriefingWrites();
  const [form] = Form.useForm<CreateValues>();
  const today = new Date().toISOString().slice(0, 10);
  const monthStart = `${today.slice(0, 8)}01`;
  return (
    <Modal
      open
      title={t("briefings.create")}
      onCancel={onClose}
      okText={t("briefings.form.submit")}
      okButtonProps={{ loading: create.isPending, "data-testid": "briefing-create-submit" }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {create.isError ? (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{
          regionCode: user.regionCode,
          periodStart: monthStart,
          periodEnd: today,
          sections: [...BRIEFING_SECTIONS],
        }}
        onFinish={async (values) => {
          const created = await create.mutateAsync(values).catch(() => undefined);
          if (created) navigate(`/briefings/${created.id}`);
        }}
      >
        <Form.Item name="regionCode" label={t("briefings.form.region")} rules={[{ required: true }]}>
          <RegionPicker selectedName={user.regionName} testId="briefing-region" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("briefings.form.title")}
          rules={[{ required: true, whitespace: true, message: t("briefings.form.required") }]}
        >
          <Input
            maxLength={100}
            placeholder={t("briefings.form.titlePlaceholder")}
            data-testid="briefing-title"
          />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="periodStart" label={t("briefings.form.periodStart")} rules={[{ required: true }]}>
            <Input type="date" data-testid="briefing-period-start" />
          </Form.Item>
          <Form.Item name="periodEnd" label={t("briefings.form.periodEnd")} rules={[{ required: true }]}>
            <Input type="date" data-testid="briefing-period-end" />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="sections"
          label={t("briefings.form.sections")}
          rules={[{ required: true, type: "array", min: 1 }]}
        >
          <Checkbox.Group
            options={BRIEFING_SECTIONS.map((key) => ({ value: key, label: t(`briefings.sections.${key}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
