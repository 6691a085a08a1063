import { Alert, Breadcrumb, Button, Card, Col, Empty, Row, Skeleton, Statistic, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import type { RegistryFigures } from "../../../../shared/api/dashboard.api.js";
import { GUARANTEE_NAMES, INCOME_BAND_NAMES } from "../../../../shared/dashboard-codes.js";
import { POVERTY_ATTRIBUTES, POVERTY_CAUSES, POVERTY_STATUSES } from "../../../../shared/household-codes.js";
import { useT } from "../../../i18n/useT.js";
import { CHART_LEGEND, chartGrid } from "../../../ui/chartLayout.js";
import type { EChartOption } from "../../../ui/EChart.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useCodeLabels } from "../../households/hooks/useCodeLabels.js";
import { useDashboard } from "../hooks/useDashboard.js";
import { ActivityHeadline, ActivitySections } from "./ActivitySections.js";
import { BAR, Section, type TableRow, useShare } from "./DashboardSection.js";

/** The registry's figures for a region, drilled down county → township → village. */
export function DashboardPage() {
  const t = useT();
  const { code } = useParams();
  const errorText = useApiErrorText();
  const dashboardQuery = useDashboard(code);
  const data = dashboardQuery.data;

  if (dashboardQuery.isError && !data) {
    return (
      <Alert
        type="error"
        showIcon
        title={errorText(dashboardQuery.error)}
        action={<Button onClick={() => dashboardQuery.refetch()}>{t("common.retry")}</Button>}
      />
    );
  }
  if (!data) return <Skeleton active />;
  const regionCode = data.region.code;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          ...data.path.map((p) => ({
            title: (
              <Link to={`/dashboard/${p.code}`} data-testid={`dashboard-crumb-${p.code}`}>
                {p.name}
              </Link>
            ),
          })),
          { title: data.region.name },
        ]}
      />
      <PageHeader
        title={t("dashboard.title", { region: data.region.name })}
        extra={
          <Button onClick={() => dashboardQuery.refetch()} loading={dashboardQuery.isFetching}>
            {t("dashboard.refresh")}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary" data-testid="dashboard-generated-at">
        {t("dashboard.generatedAt", { time: formatDateTime(data.generatedAt) })}
      </Typography.Paragraph>
      <Headline figures={data.figures} />
      <ActivityHeadline figures={data.figures} activity={data.activity} />
      {data.figures.households === 0 ? (
        <Card style={{ marginBottom: 16 }}>
          <Empty description={t("dashboard.noData")} />
        </Card>
      ) : null}
      {data.children.length > 0 ? <ChildrenSection regionCode={regionCode} data={data} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <StatusSection regionCode={regionCode} figures={data.figures} />
        </Col>
        <Col xs={24} xl={12}>
          <GuaranteesSection regionCode={regionCode} figures={data.figures} />
        </Col>
        <Col xs={24} xl={12}>
          <CausesSection regionCode={regionCode} figures={data.figures} />
        </Col>
        <Col xs={24} xl={12}>
          <IncomeSection regionCode={regionCode} figures={data.figures} />
        </Col>
        <Col xs={24} xl={12}>
          <LiftedSection regionCode={regionCode} figures={data.figures} />
        </Col>
      </Row>
      <ActivitySections regionCode={regionCode} data={data} />
    </>
  );
}

function Headline({ figures }: { figures: RegistryFigures }) {
  const t = useT();
  const share = useShare();
  const red = figures.guarantees.filter((g) => g.light === "red").reduce((n, g) => n + g.households, 0);
  const cards = [
    { title: t("dashboard.households"), value: figures.households.toLocaleString(), id: "households" },
    { title: t("dashboard.people"), value: figures.people.toLocaleString(), id: "people" },
    {
      title: t("dashboard.coverage"),
      value: share(figures.caseworkerCoverage.assigned, figures.caseworkerCoverage.total),
      id: "coverage",
    },
    { title: t("dashboard.redGuarantees"), value: red.toLocaleString(), id: "red" },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((card) => (
        <Col xs={12} lg={6} key={card.id}>
          <Card size="small">
            <Statistic title={card.title} value={card.value} data-testid={`dashboard-figure-${card.id}`} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function ChildrenSection({
  regionCode,
  data,
}: {
  regionCode: string;
  data: { figures: RegistryFigures; children: { code: string; name: string; figures: RegistryFigures }[] };
}) {
  const t = useT();
  const share = useShare();
  const { label } = useCodeLabels();
  const statuses = Object.keys(POVERTY_STATUSES) as (keyof typeof POVERTY_STATUSES)[];
  const statusCount = (f: RegistryFigures, status: string) =>
    f.byStatusAttribute.filter((r) => r.status === status).reduce((n, r) => n + r.households, 0);
  const rowOf = (key: string, name: ReactNode, f: RegistryFigures): TableRow => ({
    key,
    name,
    households: f.households.toLocaleString(),
    people: f.people.toLocaleString(),
    ...Object.fromEntries(statuses.map((s) => [s, statusCount(f, s).toLocaleString()])),
    coverage: share(f.caseworkerCoverage.assigned, f.caseworkerCoverage.total),
  });
  const rows = [
    ...data.children.map((child) =>
      rowOf(
        child.code,
        <Link to={`/dashboard/${child.code}`} data-testid={`dashboard-child-${child.code}`}>
          {child.name}
        </Link>,
        child.figures,
      ),
    ),
    rowOf("total", <strong>{t("dashboard.total")}</strong>, data.figures),
  ];
  const columns: ColumnsType<TableRow> = [
    { title: t("dashboard.columns.region"), dataIndex: "name", fixed: "left" },
    { title: t("dashboard.columns.households"), dataIndex: "households", align: "right" },
    { title: t("dashboard.columns.people"), dataIndex: "people", align: "right" },
    ...statuses.map((s) => ({ title: label(POVERTY_STATUSES, s), dataIndex: s, align: "right" as const })),
    { title: t("dashboard.columns.coverage"), dataIndex: "coverage", align: "right" },
  ];
  const option: EChartOption = {
    tooltip: { trigger: "axis" },
    legend: CHART_LEGEND,
    grid: chartGrid({ hasLegend: true }),
    xAxis: {
      type: "category",
      data: data.children.map((c) => c.name),
      axisLabel: { interval: 0, rotate: 30 },
    },
    yAxis: { type: "value" },
    series: statuses.map((s) => ({
      ...BAR,
      name: label(POVERTY_STATUSES, s),
      stack: "households",
      data: data.children.map((c) => statusCount(c.figures, s)),
    })),
  };
  return (
    <>
      <Typography.Text type="secondary">{t("dashboard.drillHint")}</Typography.Text>
      <Section
        regionCode={regionCode}
        table="children"
        option={option}
        columns={columns}
        rows={rows}
        isChartFirst={false}
      />
    </>
  );
}

function StatusSection({ regionCode, figures }: { regionCode: string; figures: RegistryFigures }) {
  const t = useT();
  const share = useShare();
  const { label } = useCodeLabels();
  const statuses = [...new Set(figures.byStatusAttribute.map((r) => r.status))];
  const attributes = [...new Set(figures.byStatusAttribute.map((r) => r.povertyAttribute))];
  const option: EChartOption = {
    tooltip: { trigger: "axis" },
    legend: CHART_LEGEND,
    grid: chartGrid({ hasLegend: true }),
    xAxis: { type: "category", data: statuses.map((s) => label(POVERTY_STATUSES, s)) },
    yAxis: { type: "value" },
    series: attributes.map((a) => ({
      ...BAR,
      name: label(POVERTY_ATTRIBUTES, a),
      stack: "households",
      data: statuses.map(
        (s) =>
          figures.byStatusAttribute.find((r) => r.status === s && r.povertyAttribute === a)?.households ?? 0,
      ),
    })),
  };
  const rows = figures.byStatusAttribute.map((r) => ({
    key: `${r.status}|${r.povertyAttribute}`,
    status: label(POVERTY_STATUSES, r.status),
    attribute: label(POVERTY_ATTRIBUTES, r.povertyAttribute),
    households: r.households.toLocaleString(),
    people: r.people.toLocaleString(),
    share: share(r.households, figures.households),
  }));
  const columns: ColumnsType<TableRow> = [
    { title: t("dashboard.columns.status"), dataIndex: "status" },
    { title: t("dashboard.columns.attribute"), dataIndex: "attribute" },
    { title: t("dashboard.columns.households"), dataIndex: "households", align: "right" },
    { title: t("dashboard.columns.people"), dataIndex: "people", align: "right" },
    { title: t("dashboard.columns.share"), dataIndex: "share", align: "right" },
  ];
  return <Section regionCode={regionCode} table="status" option={option} columns={columns} rows={rows} />;
}

function LiftedSection({ regionCode, figures }: { regionCode: string; figures: RegistryFigures }) {
  const t = useT();
  const option: EChartOption = {
    tooltip: { trigger: "axis" },
    grid: chartGrid({ hasLegend: false }),
    xAxis: {
      type: "category",
      data: figures.liftedByYear.map((r) => t("dashboard.yearValue", { year: r.year })),
    },
    yAxis: { type: "value" },
    series: [
      {
        ...BAR,
        name: t("dashboard.columns.households"),
        data: figures.liftedByYear.map((r) => r.households),
      },
    ],
  };
  const rows = figures.liftedByYear.map((r) => ({
    key: String(r.year),
    year: t("dashboard.yearValue", { year: r.year }),
    households: r.households.toLocaleString(),
    people: r.people.toLocaleString(),
  }));
  const columns: ColumnsType<TableRow> = [
    { title: t("dashboard.columns.year"), dataIndex: "year" },
    { title: t("dashboard.columns.households"), dataIndex: "households", align: "right" },
    { title: t("dashboard.columns.people"), dataIndex: "people", align: "right" },
  ];
  return <Section regionCode={regionCode} table="lifted" option={option} columns={columns} rows={rows} />;
}

function CausesSection({ regionCode, figures }: { regionCode: string; figures: RegistryFigures }) {
  const t = useT();
  const share = useShare();
  const { label } = useCodeLabels();
  const main = new Map(figures.byMainCause.map((r) => [r.cause, r.households]));
  const causes = [...figures.byCause].reverse();
  const option: EChartOption = {
    tooltip: { trigger: "axis" },
    legend: CHART_LEGEND,
    grid: chartGrid({ hasLegend: true, right: 16 }),
    yAxis: { type: "category", data: causes.map((r) => label(POVERTY_CAUSES, r.cause)) },
    xAxis: { type: "value" },
    series: [
      { ...BAR, name: t("dashboard.columns.mainCause"), data: causes.map((r) => main.get(r.cause) ?? 0) },
      { ...BAR, name: t("dashboard.columns.anyCause"), data: causes.map((r) => r.households) },
    ],
  };
  const rows = figures.byCause.map((r) => ({
    key: r.cause,
    cause: label(POVERTY_CAUSES, r.cause),
    main: (main.get(r.cause) ?? 0).toLocaleString(),
    any: r.households.toLocaleString(),
    share: share(r.households, figures.households),
  }));
  const columns: ColumnsType<TableRow> = [
    { title: t("dashboard.columns.cause"), dataIndex: "cause" },
    { title: t("dashboard.columns.mainCause"), dataIndex: "main", align: "right" },
    { title: t("dashboard.columns.anyCause"), dataIndex: "any", align: "right" },
    { title: t("dashboard.columns.share"), dataIndex: "share", align: "right" },
  ];
  return (
    <Section regionCode={regionCode} table="causes" option={{ ...option }} columns={columns} rows={rows} />
  );
}

function GuaranteesSection({ regionCode, figures }: { regionCode: string; figures: RegistryFigures }) {
  const t = useT();
  const share = useShare();
  const { label } = useCodeLabels();
  const guarantees = Object.keys(GUARANTEE_NAMES) as (keyof typeof GUARANTEE_NAMES)[];
  const of = (g: string, light: string) =>
    figures.guarantees.find((r) => r.guarantee === g && r.light === light)?.households ?? 0;
  const lights = [
    ["green", "#52c41a"],
    ["yellow", "#faad14"],
    ["red", "#f5222d"],
  ] as const;
  const option: EChartOption = {
    tooltip: { trigger: "axis" },
    legend: CHART_LEGEND,
    grid: chartGrid({ hasLegend: true, right: 16 }),
    yAxis: { type: "category", data: guarantees.map((g) => label(GUARANTEE_NAMES, g)) },
    xAxis: { type: "value" },
    series: lights.map(([light, color]) => ({
      ...BAR,
      name: t(`dashboard.columns.${light}`),
      stack: "households",
      itemStyle: { color },
      data: guarantees.map((g) => of(g, light)),
    })),
  };
  const rows = guarantees.map((g) => ({
    key: g,
    guarantee: label(GUARANTEE_NAMES, g),
    green: of(g, "green").toLocaleString(),
    yellow: of(g, "yellow").toLocaleString(),
    red: share(of(g, "red"), figures.households),
  }));
  const columns: ColumnsType<TableRow> = [
    { title: t("dashboard.columns.guarantee"), dataIndex: "guarantee" },
    { title: t("dashboard.columns.green"), dataIndex: "green", align: "right" },
    { title: t("dashboard.columns.yellow"), dataIndex: "yellow", align: "right" },
    { title: t("dashboard.columns.red"), dataIndex: "red", align: "right" },
  ];
  return <Section regionCode={regionCode} table="guarantees" option={option} columns={columns} rows={rows} />;
}

function IncomeSection({ regionCode, figures }: { regionCode: string; figures: RegistryFigures }) {
  const t = useT();
  const share = useShare();
  const { label } = useCodeLabels();
  const option: EChartOption = {
    tooltip: { trigger: "axis" },
    grid: chartGrid({ hasLegend: false }),
    xAxis: { type: "category", data: figures.incomeBands.map((r) => label(INCOME_BAND_NAMES, r.band)) },
    yAxis: { type: "value" },
    series: [
      {
        ...BAR,
        name: t("dashboard.columns.households"),
        data: figures.incomeBands.map((r) => r.households),
      },
    ],
  };
  const rows = figures.incomeBands.map((r) => ({
    key: r.band,
    band: label(INCOME_BAND_NAMES, r.band),
    households: r.households.toLocaleString(),
    people: r.people.toLocaleString(),
    share: share(r.households, figures.households),
  }));
  const columns: ColumnsType<TableRow> = [
    { title: t("dashboard.columns.band"), dataIndex: "band" },
    { title: t("dashboard.columns.households"), dataIndex: "households", align: "right" },
    { title: t("dashboard.columns.people"), dataIndex: "people", align: "right" },
    { title: t("dashboard.columns.share"), dataIndex: "share", align: "right" },
  ];
  return <Section regionCode={regionCode} table="income" option={option} columns={columns} rows={rows} />;
}
