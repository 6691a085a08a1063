import { Descriptions, Empty, Flex, Table, type TableColumnsType, Typography } from "antd";
import type { AuditEntry } from "../../../../shared/api/audit.api.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { useAuditLabels } from "../hooks/useAuditLabels.js";
import { AuditActorName } from "./AuditActorName.js";
import { AuditDiff } from "./AuditDiff.js";

interface AuditTableProps {
  rows: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  isLoading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

/** Audit entries, newest first; a row opens to show who, from where, and the change field by field. */
export function AuditTable({ rows, total, page, pageSize, isLoading, onPageChange }: AuditTableProps) {
  const t = useT();
  const labels = useAuditLabels();
  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t("audit.time"),
      dataIndex: "occurredAt",
      width: 170,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t("audit.action"),
      dataIndex: "action",
      width: 150,
      render: (action: string) => <span title={action}>{labels.action(action)}</span>,
    },
    {
      title: t("audit.actor"),
      dataIndex: "actorUsername",
      width: 130,
      render: (_, row) => <AuditActorName entry={row} />,
    },
    {
      title: t("audit.record"),
      key: "record",
      width: 260,
      render: (_, row) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <span>{labels.entityType(row.entityType)}</span>
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12 }}
            copyable={{ text: row.entityId, tooltips: [t("common.copy"), t("common.copied")] }}
          >
            {row.entityId}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t("audit.regionCode"), dataIndex: "regionCode", width: 130 },
    { title: t("audit.ip"), dataIndex: "ip", width: 120, render: (ip: string | null) => ip ?? "—" },
  ];

  return (
    <Table<AuditEntry>
      data-testid="audit-table"
      rowKey={(row) => `${row.chainCode}-${row.seq}`}
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={isLoading}
      scroll={{ x: 1000 }}
      expandable={{
        // A fixed column makes the opened row as wide as the screen, not as the scrolled table.
        fixed: "left",
        expandedRowRender: (row) => (
          <Flex vertical gap={12} style={{ maxWidth: 900 }}>
            <AuditDiff entry={row} />
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: "ua", label: t("audit.userAgent"), children: row.userAgent ?? "—" },
                { key: "chain", label: t("audit.chain"), children: `${row.chainCode} #${row.seq}` },
              ]}
            />
          </Flex>
        ),
      }}
      locale={{ emptyText: <Empty description={t("audit.empty")} /> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (count) => t("common.total", { total: count }),
        onChange: onPageChange,
      }}
    />
  );
}
