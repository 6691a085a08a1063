import { Button, Empty, Flex, Table, type TableColumnsType, Typography } from "antd";
import type { MonitoringAlertView } from "../../../../shared/api/monitoring.api.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { AlertFacts } from "./AlertFacts.js";
import { HouseholdCell } from "./HouseholdCell.js";

interface AlertsTableProps {
  rows: MonitoringAlertView[];
  total: number;
  page: number;
  isLoading: boolean;
  canOpenCase: boolean;
  canDismiss: boolean;
  onPageChange: (page: number) => void;
  onOpenCase: (alert: MonitoringAlertView) => void;
  onDismiss: (alert: MonitoringAlertView) => void;
}

/** Open alerts: the household, the rule with the values that fired it, and what can be done. */
export function AlertsTable(props: AlertsTableProps) {
  const t = useT();
  const columns: TableColumnsType<MonitoringAlertView> = [
    {
      title: t("monitoring.alerts.household"),
      key: "household",
      width: 200,
      render: (_, row) => (
        <HouseholdCell to={`/households/${row.householdId}`} testId="alert-household" row={row} />
      ),
    },
    {
      title: t("monitoring.alerts.rule"),
      key: "facts",
      render: (_, row) => <AlertFacts ruleCode={row.ruleCode} facts={row.facts} isNameShown />,
    },
    {
      title: t("monitoring.alerts.raisedAt"),
      key: "raisedAt",
      width: 170,
      render: (_, row) => (
        <Flex vertical>
          {formatDateTime(row.raisedAt)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`monitoring.alerts.raisedBy.${row.raisedBy}`)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("monitoring.alerts.actions"),
      key: "actions",
      width: 150,
      render: (_, row) => (
        <Flex vertical gap={4} align="flex-start">
          {props.canOpenCase ? (
            <Button
              size="small"
              type="primary"
              data-testid="alert-open-case"
              onClick={() => props.onOpenCase(row)}
            >
              {t("monitoring.alerts.openCase")}
            </Button>
          ) : null}
          {props.canDismiss ? (
            <Button size="small" data-testid="alert-dismiss" onClick={() => props.onDismiss(row)}>
              {t("monitoring.alerts.dismiss")}
            </Button>
          ) : null}
        </Flex>
      ),
    },
  ];
  return (
    <Table<MonitoringAlertView>
      data-testid="alerts-table"
      rowKey="id"
      columns={columns}
      dataSource={props.rows}
      loading={props.isLoading}
      scroll={{ x: 800 }}
      onRow={() => ({ "data-testid": "alert-row" }) as object}
      locale={{ emptyText: <Empty description={t("monitoring.alerts.empty")} /> }}
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
