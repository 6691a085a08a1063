import { Card, Col, Row, Statistic, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { ActivityFigures, RegistryFigures } from "../../../../shared/api/dashboard.api.js";
import { CASE_STAGE_LABELS, MONITORING_TYPES, RISK_TYPES } from "../../../../shared/monitoring-workflow.js";
import { EPIDEMIC_STATUSES, PROBLEM_KINDS } from "../../../../shared/visit-codes.js";
import { useT } from "../../../i18n/useT.js";
import { CHART_LEGEND, chartGrid } from "../../../ui/chartLayout.js";
import type { EChartOption } from "../../../ui/EChart.js";
import { useCodeLabels } from "../../households/hooks/useCodeLabels.js";
import { BAR, Section, type TableRow, useShare } from "./DashboardSection.js";

// Field work and monitoring on the dashboard: visits and screening coverage, isolation,
// difficulties, monitoring cases and what is overdue, each as a chart with its table.

interface Dashboard {
  region: { code: string; name: string };
  figures: RegistryFigures;
  activity: ActivityFigures;
  children: { code: string; name: string; figures: RegistryFigures; activity: ActivityFigures }[];
}

const GRID = chartGrid({ hasLegend: true, right: 16 });

/** Headline cards: visit coverage, isolated, open difficulties, monitored households, overdue items. */
export function ActivityHeadline({
  figures,
  activity,
}: {
  figures: RegistryFigures;
  activity: ActivityFigures;
}) {
  const t = useT();
  const share = useShare();
  const overdue = activity.overdue.caseSteps + activity.overdue.measures + activity.overdue.screening;
  const cards = [
    {
      id: "visits",
      title: t("dashboard.activity.visitCoverage", { year: activity.visits.year }),
      value: share(activity.visits.visitedHouseholds, figures.households),
    },
    {
      id: "isolated",
      title: t("dashboard.activity.isolated"),
      value: `${t("dashboard.householdsValue", { count: activity.isolation.households.toLocaleString() })} ${t("dashboard.peopleValue", { count: activity.isolation.people.toLocaleString() })}`,
    },
    {
      id: "difficulties",
      title: t("dashboard.activity.openDifficulties"),
      value: activity.difficulties.open.toLocaleString(),
    },
    {
      id: "identified",
      title: t("dashboard.activity.identified"),
      value: `${t("dashboard.householdsValue", { count: activity.monitoring.identified.households.toLocaleString() })} ${t("dashboard.peopleValue", { count: activity.monitoring.identified.people.toLocaleString() })}`,
    },
    { id: "overdue", title: t("dashboard.activity.overdue"), value: overdue.toLocaleString() },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((card) => (
        <Col xs={12} lg={card.id === "overdue" ? 4 : 5} key={card.id}>
          <Card size="small">
            <Statistic title={card.title} value={card.value} data-testid={`dashboard-figure-${card.id}`} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function ActivitySections({ regionCode, data }: { regionCode: string; data: Dashboard }) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <FieldworkSection regionCode={regionCode} data={data} />
      </Col>
      <Col xs={24} xl={12}>
        <IsolationSection regionCode={regionCode} activity={data.activity} />
      </Col>
      <Col xs={24} xl={12}>
        <DifficultiesSection regionCode={regionCode} activity={data.activity} />
      </Col>
      <Col xs={24}>
        <MonitoringSection regionCode={regionCode} activity={data.activity} />
      </Col>
    </Row>
  );
}

/** Visit and screening coverage, per child region and in total. */
function FieldworkSection({ regionCode, data }: { regionCode: string; data: Dashboard }) {
  const t = useT();
  const share = useShare();
  const a = data.activity;
  const rowOf = (key: string, name: ReactNode, f: RegistryFigures, g: ActivityFigures): TableRow => ({
    key,
    name,
    households: f.households.toLocaleString(),
    visits: g.visits.visits.toLocaleString(),
    visitCoverage: share(g.visits.visitedHouseholds, f.households),
    screening: g.screening ? share(g.screening.done, g.screening.households) : "—",
    screeningOverdue: g.screening ? g.screening.overdue.toLocaleString() : "—",
  });
  // Below village level there are no children: the chart shows the region itself.
  const regions =
    data.children.length > 0
      ? data.children
      : [{ name: data.region.name, figures: data.figures, activity: data.activity }];
  const rows = [
    ...data.children.map((c) =>
      rowOf(c.code, <Link to={`/dashboard/${c.code}`}>{c.name}</Link>, c.figures, c.activity),
    ),
    rowOf("total", <strong>{t("dashboard.total")}</strong>, data.figures, a),
  ];
  const columns: ColumnsType<TableRow> = [
    { title: t("dashboard.columns.region"), dataIndex: "name", fixed: "left" },
    { title: t("dashboard.columns.households"), dataIndex: "households", align: "right" },
    { title: t("dashboard.columns.visits"), dataIndex: "visits", align: "right" },
    { title: t("dashboard.columns.visitCoverage"), dataIndex: "visitCoverage", align: "right" },
    { title: t("dashboard.columns.screening"), dataIndex: "screening", align: "right" },
    { title: t("dashboard.columns.screeningOverdue"), dataIndex: "screeningOverdue", align: "right" },
  ];
  const option: EChartOption = {
    tooltip: { trigger: "axis" },
    legend: CHART_LEGEND,
    grid: GRID,
    xAxis: {
      type: "category",
      data: regions.map((r) => r.name),
      axisLabel: { interval: 0, rotate: 30 },
    },
    yAxis: { type: "value" },
    series: [
      {
        ...BAR,
        name: t("dashboard.columns.households"),
        data: regions.map((r) => r.figures.households),
      },
      {
        ...BAR,
        name: t("dashboard.columns.visitedHouseholds"),
        data: regions.map((r) => r.activity.visits.visitedHouseholds),
      },
      {
        ...BAR,
        name: t("dashboard.columns.screening"),
        data: regions.map((r) => r.activity.screening?.done ?? 0),
      },
    ],
  };
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="dashboard-screening-name">
        {a.screening
          ? t("dashboard.activity.screeningOf", { name: a.screening.name, deadline: a.screening.deadline })
          : t("dashboard.activity.noScreening")}
      </Typography.Paragraph>
      <Section
        regionCode={regionCode}
        table="fieldwork"
        option={option}
        columns={columns}
        rows={rows}
        isChartFirst={false}
      />
    </>
  );
}

function IsolationSection({ regionCode, activity }: { regionCode: string; activity: ActivityFigures }) {
  const t = useT();
  const { label } = useCodeLabels();
  const iso = activity.isolation;
  const option: EChartOption = {
    tooltip: { trigger: "axis" },
    legend: CHART_LEGEND,
    grid: GRID,
    xAxis: { type: "category", data: iso.byStatus.map((r) => label(EPIDEMIC_STATUSES, r.status)) },
    yAxis: { type: "value" },
    series: [
      { ...BAR, name: t("dashboard.columns.households"), data: iso.byStatus.map((r) => r.households) },
      { ...BAR, name: t("dashboard.columns.people"), data: iso.byStatus.map((r) => r.people) },
    ],
  };
  const rows: TableRow[] = [
    ...iso.byStatus.map((r) => ({
      key: r.status,
      status: label(EPIDEMIC_STATUSES, r.status),
      households: r.households.toLocaleString(),
      people: r.people.toLocaleString(),
    })),
    {
      key: "total",
      status: <strong>{t("dashboard.activity.totalIsolated")}</strong>,
      households: iso.households.toLocaleString(),
      people: iso.people.toLocaleString(),
    },
  ];
  const columns: ColumnsType<TableRow> = [
    { title: t("dashboard.columns.isolationStatus"), dataIndex: "status" },
    { title: t("dashboard.columns.households"), dataIndex: "households", align: "right" },
    { title: t("dashboard.columns.people"), dataIndex: "people", align: "right" },
  ];
  return <Section regionCode={regionCode} table="isolation" option={option} columns={columns} rows={rows} />;
}

function DifficultiesSection({ regionCode, activity }: { regionCode: string; activity: ActivityFigures }) {
  const t = useT();
  const share = useShare();
  const { label } = useCodeLabels();
  const d = activity.difficulties;
  const kinds = d.byKind;
  const option: EChartOption = {
    tooltip: { trigger: "axis" },
    legend: CHART_LEGEND,
    grid: GRID,
    xAxis: { type: "category", data: kinds.map((r) => label(PROBLEM_KINDS, r.kind)) },
    yAxis: { type: "value" },
    series: [
      {
        ...BAR,
        name: t("dashboard.columns.resolved"),
        stack: "n",
        itemStyle: { color: "#52c41a" },
        data: kinds.map((r) => r.resolved),
      },
      {
        ...BAR,
        name: t("dashboard.columns.open"),
        stack: "n",
        itemStyle: { color: "#faad14" },
        data: kinds.map((r) => r.open),
      },
    ],
  };
  const rowOf = (key: string, kind: ReactNode, open: number, resolved: number): TableRow => ({
    key,
    kind,
    open: open.toLocaleString(),
    resolved: share(resolved, open + resolved),
  });
  const rows = [
    ...kinds.map((r) => rowOf(r.kind, label(PROBLEM_KINDS, r.kind), r.open, r.resolved)),
    rowOf("total", <strong>{t("dashboard.total")}</strong>, d.open, d.resolved),
  ];
  const columns: ColumnsType<TableRow> = [
    { title: t("dashboard.columns.kind"), dataIndex: "kind" },
    { title: t("dashboard.columns.open"), dataIndex: "open", align: "right" },
    { title: t("dashboard.columns.resolved"), dataIndex: "resolved", align: "right" },
  ];
  return (
    <Section regionCode={regionCode} table="difficulties" option={option} columns={columns} rows={rows} />
  );
}

function MonitoringSection({ regionCode, activity }: { regionCode: string; activity: ActivityFigures }) {
  const t = useT();
  const { label } = useCodeLabels();
  const m = activity.monitoring;
  const o = activity.overdue;
  const option: EChartOption = {
    tooltip: { trigger: "axis" },
    legend: CHART_LEGEND,
    grid: GRID,
    xAxis: {
      type: "category",
      data: [
        ...m.byType.map((r) => label(MONITORING_TYPES, r.monitoringType)),
        ...m.byRisk.map((r) => label(RISK_TYPES, r.riskType)),
      ],
      axisLabel: { interval: 0, rotate: 30 },
    },
    yAxis: { type: "value" },
    series: [
      {
        ...BAR,
        name: t("dashboard.columns.households"),
        data: [...m.byType.map((r) => r.households), ...m.byRisk.map((r) => r.households)],
      },
      {
        ...BAR,
        name: t("dashboard.columns.people"),
        data: [...m.byType.map((r) => r.people), ...m.byRisk.map((r) => r.people)],
      },
    ],
  };
  const cat = (key: string) => t(`dashboard.activity.categories.${key as "identified"}`);
  const row = (key: string, category: string, item: string, count: number, people?: number): TableRow => ({
    key,
    category,
    item,
    count: count.toLocaleString(),
    people: people === undefined ? "" : people.toLocaleString(),
  });
  const rows: TableRow[] = [
    row(
      "identified",
      cat("identified"),
      t("dashboard.activity.items.identifiedTotal"),
      m.identified.households,
      m.identified.people,
    ),
    ...m.byType.map((r) =>
      row(
        `type-${r.monitoringType}`,
        cat("type"),
        label(MONITORING_TYPES, r.monitoringType),
        r.households,
        r.people,
      ),
    ),
    ...m.byRisk.map((r) =>
      row(`risk-${r.riskType}`, cat("risk"), label(RISK_TYPES, r.riskType), r.households, r.people),
    ),
    row(
      "eliminated",
      cat("eliminated"),
      t("dashboard.activity.items.eliminated"),
      m.eliminated.households,
      m.eliminated.people,
    ),
    ...m.byStage.map((r) =>
      row(`stage-${r.stage}`, cat("stage"), label(CASE_STAGE_LABELS, r.stage), r.cases),
    ),
    row("alerts", cat("alerts"), t("dashboard.activity.items.openAlerts"), m.openAlerts),
    row("overdue-steps", cat("overdue"), t("dashboard.activity.items.caseSteps"), o.caseSteps),
    row("overdue-measures", cat("overdue"), t("dashboard.activity.items.measures"), o.measures),
    row("overdue-screening", cat("overdue"), t("dashboard.activity.items.screening"), o.screening),
  ];
  const columns: ColumnsType<TableRow> = [
    { title: t("dashboard.columns.category"), dataIndex: "category" },
    { title: t("dashboard.columns.item"), dataIndex: "item" },
    { title: t("dashboard.columns.count"), dataIndex: "count", align: "right" },
    { title: t("dashboard.columns.people"), dataIndex: "people", align: "right" },
  ];
  return (
    <Section
      regionCode={regionCode}
      table="monitoring"
      option={option}
      columns={columns}
      rows={rows}
      isChartFirst={false}
    />
  );
}
