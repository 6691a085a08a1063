import { Button, Empty, Progress, Table } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import type { CampaignView } from "../../../../shared/api/campaigns.api.js";
import { countyCodeOf } from "../../../../shared/division-code.js";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";
import { useCampaigns } from "../hooks/useCampaigns.js";
import { IndicatorListModal } from "./IndicatorListModal.js";
import { NewCampaignModal } from "./NewCampaignModal.js";
import { VisitsNav } from "./VisitsNav.js";

/** Screening campaigns reaching into the user's scope, with how far each has come. */
export function CampaignsPage() {
  const t = useT();
  const user = useCurrentUser();
  const permissions = permissionsOf(user.role);
  const countyCode = countyCodeOf(user.regionCode);
  const [page, setPage] = useState(1);
  const [isCreating, setIsCreating] = useState(false);
  const [isEditingIndicators, setIsEditingIndicators] = useState(false);
  const { data, isFetching } = useCampaigns(page);

  return (
    <>
      <VisitsNav />
      <PageHeader
        title={t("campaigns.title")}
        extra={
          permissions.canManageCampaigns ? (
            <>
              {countyCode ? (
                <Button onClick={() => setIsEditingIndicators(true)}>
                  {t("campaigns.indicators.title")}
                </Button>
              ) : null}
              <Button type="primary" onClick={() => setIsCreating(true)} data-testid="campaign-new">
                {t("campaigns.new")}
              </Button>
            </>
          ) : null
        }
      />
      <Table<CampaignView>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.rows ?? []}
        scroll={{ x: "max-content" }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        locale={{
          emptyText: (
            <Empty
              description={t(permissions.canManageCampaigns ? "campaigns.emptyManager" : "campaigns.empty")}
            />
          ),
        }}
        columns={[
          {
            title: t("campaigns.name"),
            render: (_, row) => (
              <Link to={`/visits/campaigns/${row.id}`} data-testid="campaign-link">
                {row.name}
              </Link>
            ),
          },
          { title: t("campaigns.area"), dataIndex: "regionName" },
          { title: t("campaigns.deadline"), dataIndex: "deadline" },
          {
            title: t("campaigns.progress"),
            render: (_, row) => (
              <div style={{ minWidth: 160 }}>
                <Progress
                  percent={row.households === 0 ? 0 : Math.round((row.done / row.households) * 100)}
                  size="small"
                />
                {t("campaigns.doneOf", { done: row.done, total: row.households })}
              </div>
            ),
          },
        ]}
      />
      <NewCampaignModal isOpen={isCreating} onClose={() => setIsCreating(false)} />
      {countyCode ? (
        <IndicatorListModal
          countyCode={countyCode}
          isOpen={isEditingIndicators}
          onClose={() => setIsEditingIndicators(false)}
        />
      ) : null}
    </>
  );
}
