import { App, Button, Card, Form, Input, Modal, Segmented, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import type { DifficultyRow } from "../../../../shared/api/campaigns.api.js";
import { chinaToday, PROBLEM_KINDS } from "../../../../shared/visit-codes.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useCodeLabels } from "../../households/hooks/useCodeLabels.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";
import { useDifficulties, useRecordDifficultyAction } from "../hooks/useDifficulties.js";

/** The difficulty list of a campaign, open first, each with what was done (who, what, when). */
export function DifficultyList({ campaignId }: { campaignId: string }) {
  const t = useT();
  const { label } = useCodeLabels();
  const permissions = permissionsOf(useCurrentUser().role);
  const [status, setStatus] = useState<"open" | "resolved" | "all">("open");
  const [page, setPage] = useState(1);
  const [acting, setActing] = useState<DifficultyRow | undefined>();
  const { data, isFetching } = useDifficulties({
    campaignId,
    status: status === "all" ? undefined : status,
    page,
    pageSize: 20,
  });
  if (!permissions.canRecordVisits) return null;

  return (
    <Card
      size="small"
      title={t("campaigns.difficulties.title")}
      extra={
        <Segmented
          value={status}
          onChange={(value) => {
            setStatus(value as typeof status);
            setPage(1);
          }}
          options={[
            { value: "open", label: t("campaigns.difficulties.open") },
            { value: "resolved", label: t("campaigns.difficulties.resolved") },
            { value: "all", label: t("common.all") },
          ]}
        />
      }
    >
      <Table<DifficultyRow>
        size="small"
        rowKey="id"
        loading={isFetching}
        dataSource={data?.rows ?? []}
        scroll={{ x: "max-content" }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t("campaigns.difficulties.household"),
            render: (_, row) => `${row.headName} ${row.householdNumber}`,
          },
          { title: t("campaigns.village"), dataIndex: "regionName" },
          { title: t("campaigns.difficulties.kind"), render: (_, row) => label(PROBLEM_KINDS, row.kind) },
          { title: t("campaigns.difficulties.note"), dataIndex: "note" },
          { title: t("campaigns.difficulties.found"), render: (_, row) => `${row.foundOn} ${row.foundBy}` },
          {
            title: t("campaigns.difficulties.actions"),
            render: (_, row) =>
              row.actions.map((a) => (
                <Typography.Paragraph key={a.createdAt} style={{ margin: 0, fontSize: 12 }}>
                  {a.actedOn} {a.actedBy}：{a.note}
                  {a.resolves ? <Tag color="green">{t("campaigns.difficulties.resolved")}</Tag> : null}
                </Typography.Paragraph>
              )),
          },
          {
            title: "",
            render: (_, row) =>
              row.status === "open" ? (
                <Button size="small" onClick={() => setActing(row)} data-testid="difficulty-act">
                  {t("campaigns.difficulties.record")}
                </Button>
              ) : (
                <Tag color="green">{t("campaigns.difficulties.resolved")}</Tag>
              ),
          },
        ]}
      />
      <DifficultyActionModal difficulty={acting} onClose={() => setActing(undefined)} />
    </Card>
  );
}

interface ActionValues {
  actedOn: string;
  note: string;
  resolves: boolean;
}

function DifficultyActionModal({
  difficulty,
  onClose,
}: {
  difficulty: DifficultyRow | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const [form] = Form.useForm<ActionValues>();
  const mutation = useRecordDifficultyAction();
  const today = chinaToday(new Date());

  const handleFinish = async (values: ActionValues) => {
    if (!difficulty) return;
    try {
      await mutation.mutateAsync({ id: difficulty.id, body: values });
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open={difficulty !== undefined}
      title={t("campaigns.difficulties.record")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Form<ActionValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ actedOn: today, resolves: false }}
      >
        <Form.Item name="actedOn" label={t("campaigns.difficulties.actedOn")} rules={[{ required: true }]}>
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t("campaigns.difficulties.whatDone")}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="resolves" valuePropName="checked" label={t("campaigns.difficulties.isResolved")}>
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
