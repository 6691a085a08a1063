import { App, Button, Card, Table, Tabs } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";
import { exportDashboardTable } from "../../../../shared/api/dashboard.api.js";
import type { DASHBOARD_TABLES } from "../../../../shared/dashboard-codes.js";
import { useT } from "../../../i18n/useT.js";
import { EChart, type EChartOption } from "../../../ui/EChart.js";
import { useFileDownload } from "../../../ui/useFileDownload.js";

// What every dashboard section shares: a card with its chart and its table, and the table as Excel.

export type TableKey = keyof typeof DASHBOARD_TABLES;
export type TableRow = Record<string, ReactNode> & { key: string };

export const BAR = { type: "bar", barMaxWidth: 36 } as const;

/** "part / whole (x.x%)": a share always with its numerator and denominator. */
export function useShare() {
  const t = useT();
  return (part: number, whole: number) =>
    t("dashboard.share", {
      part: part.toLocaleString(),
      whole: whole.toLocaleString(),
      percent: whole === 0 ? "—" : `${((part / whole) * 100).toFixed(1)}%`,
    });
}

/** A section: its chart and its table behind a tab, and the table as Excel. */
export function Section({
  regionCode,
  table,
  option,
  columns,
  rows,
  isChartFirst = true,
}: {
  regionCode: string;
  table: TableKey;
  option: EChartOption;
  columns: ColumnsType<TableRow>;
  rows: TableRow[];
  isChartFirst?: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const { download, isDownloading } = useFileDownload();
  const chart = {
    key: "chart",
    label: t("dashboard.chart"),
    children: <EChart option={option} testId={`dashboard-chart-${table}`} />,
  };
  const grid = {
    key: "table",
    label: t("dashboard.table"),
    children: (
      <Table<TableRow>
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        data-testid={`dashboard-table-${table}`}
      />
    ),
  };
  return (
    <Card
      title={t(`dashboard.sections.${table}`)}
      style={{ marginBottom: 16 }}
      extra={
        <Button
          size="small"
          loading={isDownloading}
          data-testid={`dashboard-export-${table}`}
          onClick={async () => {
            const name = await download(exportDashboardTable, { query: { regionCode, table } });
            if (name) message.success(t("dashboard.exported", { name }));
          }}
        >
          {t("dashboard.export")}
        </Button>
      }
    >
      <Tabs size="small" items={isChartFirst ? [chart, grid] : [grid, chart]} />
    </Card>
  );
}
