import { Button, Empty, Table, type TableColumnsType, Tag } from "antd";
import type { MeasureView } from "../../../../shared/api/monitoring-cases.api.js";
import { useT } from "../../../i18n/useT.js";

/** A case's assistance measures; editable while the case is monitored. */
export function MeasuresTable({
  measures,
  canEdit,
  onEdit,
}: {
  measures: MeasureView[];
  canEdit: boolean;
  onEdit: (measure: MeasureView) => void;
}) {
  const t = useT();
  const columns: TableColumnsType<MeasureView> = [
    {
      title: t("monitoring.measures.kind"),
      dataIndex: "kind",
      width: 130,
      render: (kind: MeasureView["kind"]) => t(`monitoring.measures.kinds.${kind}`),
    },
    { title: t("monitoring.measures.content"), dataIndex: "content" },
    { title: t("monitoring.measures.responsible"), dataIndex: "responsible", width: 160 },
    {
      title: t("monitoring.measures.dueOn"),
      key: "period",
      width: 200,
      render: (_, m) => `${m.startsOn} – ${m.dueOn}`,
    },
    {
      title: t("monitoring.measures.status"),
      key: "status",
      width: 150,
      render: (_, m) => (
        <>
          <Tag
            color={m.status === "done" ? "green" : m.status === "cancelled" ? "default" : "blue"}
            data-testid="measure-status-tag"
          >
            {t(`monitoring.measures.statuses.${m.status}`)}
          </Tag>
          {m.isOverdue ? <Tag color="red">{t("monitoring.measures.overdue")}</Tag> : null}
        </>
      ),
    },
    { title: t("monitoring.measures.outcome"), dataIndex: "outcome", width: 180 },
    {
      title: "",
      key: "edit",
      width: 80,
      hidden: !canEdit,
      render: (_, m) => (
        <Button size="small" data-testid="measure-edit" onClick={() => onEdit(m)}>
          {t("monitoring.measures.edit")}
        </Button>
      ),
    },
  ];
  return (
    <Table<MeasureView>
      data-testid="measures-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={measures}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Empty description={t("monitoring.measures.empty")} /> }}
    />
  );
}
