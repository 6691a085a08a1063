import { Empty, Flex, Table, type TableColumnsType, Typography } from "antd";
import { Link } from "react-router";
import type { RosterImportView } from "../../../../shared/api/roster.api.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { RosterImportStatusTag } from "./RosterImportStatusTag.js";

interface RosterImportsTableProps {
  rows: RosterImportView[];
  total: number;
  page: number;
  pageSize: number;
  isLoading: boolean;
  isMobile: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

const countsOf = (row: RosterImportView) =>
  [row.created, row.updated, row.unchanged, row.rejected].map((count) => count.toLocaleString()).join(" / ");

/** One page of the import history; the file name opens the import. Phones get two columns. */
export function RosterImportsTable(props: RosterImportsTableProps) {
  const t = useT();
  const { isMobile } = props;
  const fileLink = (row: RosterImportView) => (
    <Link
      to={`/roster/imports/${row.id}`}
      data-testid="roster-import-link"
      style={{ wordBreak: "break-all" }}
    >
      {row.fileName}
    </Link>
  );
  const desktopOnly = isMobile ? { hidden: true } : {};

  const columns: TableColumnsType<RosterImportView> = [
    {
      title: isMobile ? t("roster.historyColumns.file") : t("roster.historyColumns.time"),
      key: "time",
      width: isMobile ? undefined : 170,
      render: (_, row) =>
        isMobile ? (
          <Flex vertical style={{ minWidth: 0 }}>
            {fileLink(row)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(row.createdAt)} · {row.createdBy ?? "—"}
            </Typography.Text>
          </Flex>
        ) : (
          formatDateTime(row.createdAt)
        ),
    },
    {
      title: t("roster.historyColumns.user"),
      dataIndex: "createdBy",
      width: 120,
      ...desktopOnly,
      render: (by: string | null) => by ?? "—",
    },
    {
      title: t("roster.historyColumns.file"),
      key: "file",
      ...desktopOnly,
      render: (_, row) => fileLink(row),
    },
    {
      title: t("roster.historyColumns.counts"),
      key: "counts",
      width: 230,
      ...desktopOnly,
      render: (_, row) => countsOf(row),
    },
    {
      title: t("roster.historyColumns.problems"),
      dataIndex: "problems",
      width: 90,
      align: "right",
      ...desktopOnly,
      render: (count: number) => count.toLocaleString(),
    },
    {
      title: t("roster.historyColumns.status"),
      key: "status",
      width: isMobile ? 120 : 140,
      align: isMobile ? "right" : "left",
      render: (_, row) => (
        <Flex vertical gap={4} align={isMobile ? "flex-end" : "flex-start"}>
          <RosterImportStatusTag status={row.status} />
          {isMobile ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {countsOf(row)}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <Table<RosterImportView>
      data-testid="roster-imports-table"
      rowKey="id"
      size={isMobile ? "small" : "middle"}
      columns={columns}
      dataSource={props.rows}
      loading={props.isLoading}
      scroll={{ x: isMobile ? undefined : 960 }}
      locale={{ emptyText: <Empty description={t("roster.historyEmpty")} /> }}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        showSizeChanger: !isMobile,
        pageSizeOptions: [10, 20, 50, 100],
        simple: isMobile,
        showTotal: (total) => t("common.total", { total }),
        onChange: props.onPageChange,
      }}
    />
  );
}
