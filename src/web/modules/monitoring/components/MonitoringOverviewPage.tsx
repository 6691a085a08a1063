import { Alert, Card, Col, Row, Spin, Statistic, Table } from "antd";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useMonitoringOverview } from "../hooks/useMonitoringOverview.js";
import { MonitoringLinks } from "./MonitoringLinks.js";
import { TrendChart } from "./TrendChart.js";

/** The county (or township) view: cases by type, risk, stage and region with overdue counts, and the trend. */
export function MonitoringOverviewPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const overviewQuery = useMonitoringOverview(undefined);
  if (overviewQuery.isPending) return <Spin />;
  if (overviewQuery.isError) return <Alert type="error" showIcon title={errorText(overviewQuery.error)} />;
  const o = overviewQuery.data;
  // A share always shows its numerator and denominator beside the percentage.
  const share = (part: number, whole: number) =>
    t("monitoring.overview.share", {
      part: part.toLocaleString(),
      whole: whole.toLocaleString(),
      percent: whole === 0 ? "—" : `${((part / whole) * 100).toFixed(1)}%`,
    });
  const countColumns = [
    { title: t("monitoring.overview.count"), dataIndex: "count", width: 90, align: "right" as const },
    {
      title: t("monitoring.overview.overdue"),
      dataIndex: "overdue",
      align: "right" as const,
      render: (overdue: number, row: { count: number }) => share(overdue, row.count),
    },
  ];
  const active = o.byStage.filter((s) => s.stage !== "closed" && s.stage !== "rejected");
  const activeCount = active.reduce((n, s) => n + s.count, 0);
  const overdueCount = o.byStage.reduce((n, s) => n + s.overdue, 0);

  return (
    <>
      <PageHeader title={t("monitoring.overviewTitle")} extra={<MonitoringLinks />} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("monitoring.overview.openAlerts")} value={o.openAlerts} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t("monitoring.overview.active")} value={activeCount} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t("monitoring.overview.closed")}
              value={o.byStage.find((s) => s.stage === "closed")?.count ?? 0}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={t("monitoring.overview.overdueShare")}
              value={share(overdueCount, activeCount)}
              // Red only when something is overdue.
              valueStyle={overdueCount > 0 ? { color: "#cf1322" } : undefined}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t("monitoring.overview.trend")}>
            <TrendChart points={o.trend} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={t("monitoring.overview.byStage")}>
            <Table
              size="small"
              rowKey="stage"
              pagination={false}
              dataSource={o.byStage}
              columns={[
                {
                  title: t("monitoring.cases.stage"),
                  dataIndex: "stage",
                  render: (s) => t(`monitoring.stages.${s}` as "monitoring.stages.closed"),
                },
                ...countColumns,
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={t("monitoring.overview.byType")}>
            <Table
              size="small"
              rowKey="monitoringType"
              pagination={false}
              dataSource={o.byType}
              columns={[
                {
                  title: t("monitoring.cases.type"),
                  dataIndex: "monitoringType",
                  render: (s) => t(`monitoring.types.${s}` as "monitoring.types.marginal"),
                },
                ...countColumns,
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title={t("monitoring.overview.byRisk")}>
            <Table
              size="small"
              rowKey="riskType"
              pagination={false}
              dataSource={o.byRisk}
              columns={[
                {
                  title: t("monitoring.cases.risks"),
                  dataIndex: "riskType",
                  render: (s) => t(`monitoring.risks.${s}` as "monitoring.risks.other"),
                },
                ...countColumns,
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t("monitoring.overview.byRegion")}>
            <Table
              data-testid="overview-regions"
              size="small"
              rowKey="regionCode"
              pagination={false}
              dataSource={o.byRegion}
              scroll={{ x: 700 }}
              columns={[
                { title: t("monitoring.overview.region"), dataIndex: "regionName" },
                { title: t("monitoring.overview.openAlerts"), dataIndex: "openAlerts", align: "right" },
                { title: t("monitoring.overview.active"), dataIndex: "active", align: "right" },
                { title: t("monitoring.overview.monitored"), dataIndex: "monitored", align: "right" },
                { title: t("monitoring.overview.closed"), dataIndex: "closed", align: "right" },
                {
                  title: t("monitoring.overview.overdueShare"),
                  dataIndex: "overdue",
                  align: "right",
                  render: (overdue: number, row) => share(overdue, row.active),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
