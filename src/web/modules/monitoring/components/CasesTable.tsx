import { Empty, Flex, Table, type TableColumnsType, Tag } from "antd";
import type { CaseListRow } from "../../../../shared/api/monitoring-cases.api.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { CaseStageTag } from "./CaseStageTag.js";
import { HouseholdCell } from "./HouseholdCell.js";

interface CasesTableProps {
  rows: CaseListRow[];
  total: number;
  page: number;
  isLoading: boolean;
  onPageChange: (page: number) => void;
}

/** Monitoring cases: household, stage with its due day and overdue flag, type and risks. */
export function CasesTable(props: CasesTableProps) {
  const t = useT();
  const columns: TableColumnsType<CaseListRow> = [
    {
      title: t("monitoring.cases.household"),
      key: "household",
      render: (_, row) => <HouseholdCell to={`/monitoring/cases/${row.id}`} testId="case-link" row={row} />,
    },
    {
      title: t("monitoring.cases.stage"),
      key: "stage",
      width: 220,
      render: (_, row) => <CaseStageTag stage={row.stage} isOverdue={row.isOverdue} />,
    },
    { title: t("monitoring.cases.due"), dataIndex: "stageDueOn", width: 110, render: (due) => due ?? "—" },
    {
      title: t("monitoring.cases.type"),
      key: "type",
      width: 200,
      render: (_, row) => (
        <Flex wrap gap={4}>
          {row.monitoringType ? (
            <Tag color="volcano">{t(`monitoring.types.${row.monitoringType}`)}</Tag>
          ) : (
            "—"
          )}
          {row.riskTypes.map((risk) => (
            <Tag key={risk}>{t(`monitoring.risks.${risk}`)}</Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t("monitoring.cases.origin"),
      dataIndex: "origin",
      width: 100,
      render: (origin: CaseListRow["origin"]) => t(`monitoring.cases.origins.${origin}`),
    },
    {
      title: t("monitoring.cases.openedAt"),
      dataIndex: "openedAt",
      width: 170,
      render: (at: string) => formatDateTime(at),
    },
  ];
  return (
    <Table<CaseListRow>
      data-testid="cases-table"
      rowKey="id"
      columns={columns}
      dataSource={props.rows}
      loading={props.isLoading}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Empty description={t("monitoring.cases.empty")} /> }}
      pagination={{
        current: props.page,
        pageSize: 20,
        total: props.total,
        showSizeChanger: false,
        showTotal: (total) => t("common.total", { total }),
        onChange: props.onPageChange,
      }}
    />
  );
}
