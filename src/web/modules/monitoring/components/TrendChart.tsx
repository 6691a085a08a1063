import { Spin, Table, Tabs } from "antd";
import { lazy, Suspense } from "react";
import { useT } from "../../../i18n/useT.js";
import { CHART_LEGEND, chartGrid } from "../../../ui/chartLayout.js";
import type { EChartOption } from "../../../ui/EChart.js";

// The shared chart, loaded only when a trend is shown: ECharts stays out of the pages that draw none.
const EChart = lazy(() => import("../../../ui/EChart.js").then((m) => ({ default: m.EChart })));

interface TrendPoint {
  month: string;
  opened: number;
  identified: number;
  eliminated: number;
}

const SERIES = [
  { key: "opened", color: "#faad14" },
  { key: "identified", color: "#f5222d" },
  { key: "eliminated", color: "#52c41a" },
] as const;

/** Cases opened, identified and closed by month: grouped bars, and the same figures as a table behind them. */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const t = useT();
  const option: EChartOption = {
    tooltip: { trigger: "axis" },
    legend: CHART_LEGEND,
    grid: chartGrid({ hasLegend: true }),
    xAxis: { type: "category", data: points.map((p) => p.month) },
    yAxis: { type: "value", minInterval: 1 },
    series: SERIES.map((s) => ({
      type: "bar",
      name: t(`monitoring.overview.${s.key}`),
      itemStyle: { color: s.color },
      data: points.map((p) => p[s.key]),
    })),
  };
  const total = (key: (typeof SERIES)[number]["key"]) => points.reduce((n, p) => n + p[key], 0);
  const rows = [
    ...points.map((p) => ({ ...p, key: p.month })),
    {
      key: "total",
      month: t("monitoring.overview.total"),
      opened: total("opened"),
      identified: total("identified"),
      eliminated: total("eliminated"),
    },
  ];
  return (
    <div data-testid="trend-chart">
      <Tabs
        size="small"
        items={[
          {
            key: "chart",
            label: t("monitoring.overview.chart"),
            children: (
              <Suspense fallback={<Spin />}>
                <EChart option={option} height={260} testId="trend-echart" />
              </Suspense>
            ),
          },
          {
            key: "table",
            label: t("monitoring.overview.table"),
            children: (
              <Table
                data-testid="trend-table"
                size="small"
                pagination={false}
                dataSource={rows}
                columns={[
                  { title: t("monitoring.overview.month"), dataIndex: "month" },
                  ...SERIES.map((s) => ({
                    title: t(`monitoring.overview.${s.key}`),
                    dataIndex: s.key,
                    align: "right" as const,
                  })),
                ]}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
