import { Button, Card, Col, Empty, Flex, Row, Spin, Statistic, Table, Typography } from "antd";
import { useParams } from "react-router";
import { exportCampaign } from "../../../../shared/api/campaigns.api.js";
import { EPIDEMIC_STATUSES, ISOLATION_SEVERITY, PROBLEM_KINDS } from "../../../../shared/visit-codes.js";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useFileDownload } from "../../../ui/useFileDownload.js";
import { useCodeLabels } from "../../households/hooks/useCodeLabels.js";
import { useCampaign, useCampaignCoverage, useCampaignSummary } from "../hooks/useCampaign.js";
import { DifficultyList } from "./DifficultyList.js";
import { VisitsNav } from "./VisitsNav.js";

/** One campaign: the summary in the reports' terms, coverage per village and caseworker (live), the difficulty list. */
export function CampaignPage() {
  const t = useT();
  const { id = "" } = useParams();
  const { label } = useCodeLabels();
  const { download, isDownloading } = useFileDownload();
  const campaign = useCampaign(id);
  const coverage = useCampaignCoverage(id, undefined);
  const summary = useCampaignSummary(id, undefined);
  if (campaign.isPending) return <Spin />;
  if (!campaign.data) return <Empty />;
  const counts = [
    { key: "households", title: t("campaigns.coverage.households") },
    { key: "done", title: t("campaigns.coverage.done") },
    { key: "due", title: t("campaigns.coverage.due") },
    { key: "overdue", title: t("campaigns.coverage.overdue") },
  ] as const;

  return (
    <>
      <VisitsNav />
      <PageHeader
        title={campaign.data.name}
        extra={
          <Button
            loading={isDownloading}
            onClick={() => void download(exportCampaign, { params: { id } })}
            data-testid="campaign-export"
          >
            {t("campaigns.export")}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        {campaign.data.regionName} · {campaign.data.startsOn} – {campaign.data.deadline}
      </Typography.Paragraph>
      {summary.data ? (
        <Card size="small" style={{ marginBottom: 16 }} title={t("campaigns.summary")}>
          <Typography.Paragraph data-testid="campaign-summary-text">{summary.data.text}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic
                title={t("campaigns.coverageRate")}
                value={(summary.data.coverageRate * 100).toFixed(1)}
                suffix="%"
              />
            </Col>
            {ISOLATION_SEVERITY.map((status) => (
              <Col key={status} xs={12} md={6}>
                <Statistic
                  title={label(EPIDEMIC_STATUSES, status)}
                  value={t("campaigns.householdsPeople", {
                    households: summary.data.isolation[status].households,
                    people: summary.data.isolation[status].people,
                  })}
                />
              </Col>
            ))}
          </Row>
          <Flex wrap gap={12} style={{ marginTop: 12 }}>
            {summary.data.difficulties.byKind.map((row) => (
              <Typography.Text key={row.kind}>
                {label(PROBLEM_KINDS, row.kind)}:{" "}
                {t("campaigns.resolvedOpen", { resolved: row.resolved, open: row.open })}
              </Typography.Text>
            ))}
          </Flex>
        </Card>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("campaigns.byVillage")} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="regionCode"
              loading={coverage.isPending}
              pagination={false}
              dataSource={coverage.data?.byVillage ?? []}
              scroll={{ x: "max-content" }}
              columns={[
                { title: t("campaigns.village"), dataIndex: "regionName" },
                ...counts.map((c) => ({ title: c.title, dataIndex: c.key })),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t("campaigns.byCaseworker")} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey={(row) => row.caseworkerId ?? "none"}
              loading={coverage.isPending}
              pagination={false}
              dataSource={coverage.data?.byCaseworker ?? []}
              scroll={{ x: "max-content" }}
              columns={[
                {
                  title: t("campaigns.caseworker"),
                  render: (_, row) => row.displayName || t("campaigns.unassigned"),
                },
                ...counts.map((c) => ({ title: c.title, dataIndex: c.key })),
              ]}
            />
          </Card>
        </Col>
      </Row>
      <DifficultyList campaignId={id} />
    </>
  );
}
