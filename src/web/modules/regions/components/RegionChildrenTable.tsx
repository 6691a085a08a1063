import { Button, Table, type TableColumnsType, Typography } from "antd";
import { Link } from "react-router";
import type { RegionSummary } from "../../../../shared/api/regions.api.js";
import { useT } from "../../../i18n/useT.js";
import { RegionSourceTag } from "./RegionSourceTag.js";

interface RegionChildrenTableProps {
  rows: readonly RegionSummary[];
  isLoading: boolean;
  canRename: boolean;
  onOpen: (code: string) => void;
  onRename: (region: RegionSummary) => void;
}

/** The children of a region; a click on a row drills down into it. */
export function RegionChildrenTable({
  rows,
  isLoading,
  canRename,
  onOpen,
  onRename,
}: RegionChildrenTableProps) {
  const t = useT();
  const columns: TableColumnsType<RegionSummary> = [
    {
      title: t("regions.name"),
      dataIndex: "name",
      width: 200,
      render: (name: string, row) => (
        <Link to={`/regions/${row.code}`} onClick={(event) => event.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      title: t("regions.code"),
      dataIndex: "code",
      width: 150,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t("regions.level"),
      dataIndex: "level",
      width: 110,
      render: (_, row) => t(`regionLevels.${row.level}`),
    },
    {
      title: t("regions.source"),
      dataIndex: "source",
      width: 110,
      render: (_, row) => <RegionSourceTag source={row.source} />,
    },
    { title: t("regions.childCount"), dataIndex: "childCount", width: 110, align: "right" },
  ];
  if (canRename) {
    columns.push({
      title: t("common.actions"),
      key: "actions",
      width: 100,
      render: (_, row) => (
        <Button
          type="link"
          style={{ paddingInline: 0 }}
          onClick={(event) => {
            event.stopPropagation();
            onRename(row);
          }}
        >
          {t("regions.rename")}
        </Button>
      ),
    });
  }

  return (
    <Table<RegionSummary>
      data-testid="regions-table"
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={[...rows]}
      loading={isLoading}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 720 }}
      onRow={(row) => ({ onClick: () => onOpen(row.code), style: { cursor: "pointer" } })}
    />
  );
}
