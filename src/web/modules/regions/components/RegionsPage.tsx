import { Alert, Button, Card, Empty, Flex, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import type { RegionSummary } from "../../../../shared/api/regions.api.js";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useIsMobile } from "../../../ui/useIsMobile.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";
import { useRegion } from "../hooks/useRegion.js";
import { AddRegionModal } from "./AddRegionModal.js";
import { RegionBreadcrumb } from "./RegionBreadcrumb.js";
import { RegionChildrenTable } from "./RegionChildrenTable.js";
import { RegionSearch } from "./RegionSearch.js";
import { RegionSourceTag } from "./RegionSourceTag.js";
import { RenameRegionModal } from "./RenameRegionModal.js";

/** Browses the region tree from the user's own region down, with search and (for administrators) edits. */
export function RegionsPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const user = useCurrentUser();
  const code = useParams().code ?? user.regionCode;
  const regionQuery = useRegion(code);
  const [isAdding, setIsAdding] = useState(false);
  const [renaming, setRenaming] = useState<RegionSummary>();
  const canManage = permissionsOf(user.role).canManageRegions;
  const openRegion = (next: string) => navigate(`/regions/${next}`);

  // On a phone the search box gets its own full-width line under the title.
  const header = isMobile ? (
    <>
      <PageHeader title={t("regions.title")} />
      <div style={{ marginBottom: 12 }}>
        <RegionSearch onPick={openRegion} isFullWidth />
      </div>
    </>
  ) : (
    <PageHeader title={t("regions.title")} extra={<RegionSearch onPick={openRegion} isFullWidth={false} />} />
  );

  if (regionQuery.isError) {
    return (
      <>
        {header}
        <Alert
          type="error"
          showIcon
          title={errorText(regionQuery.error)}
          action={
            code === user.regionCode ? (
              <Button onClick={() => regionQuery.refetch()}>{t("common.retry")}</Button>
            ) : (
              <Button onClick={() => navigate("/regions")}>{t("regions.backToOwn")}</Button>
            )
          }
        />
      </>
    );
  }

  const detail = regionQuery.data;
  if (!detail) {
    return (
      <>
        {header}
        <Card loading />
      </>
    );
  }

  const { region, ancestors, children } = detail;
  const canAddChild = canManage && (region.level === "township" || region.level === "village");
  const addLabel = region.level === "village" ? t("regions.addGroup") : t("regions.addVillage");
  const addButton = canAddChild ? (
    <Button type="primary" data-testid="region-add" onClick={() => setIsAdding(true)}>
      {addLabel}
    </Button>
  ) : null;

  return (
    <>
      {header}
      <RegionBreadcrumb ancestors={ancestors} region={region} scopeCode={user.regionCode} />
      <Card
        styles={{ body: { padding: isMobile ? 12 : 24 } }}
        title={
          <Flex wrap align="center" gap={8} style={{ paddingBlock: 8 }}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {region.name}
            </Typography.Text>
            <Tag>{t(`regionLevels.${region.level}`)}</Tag>
            <RegionSourceTag source={region.source} />
            <Typography.Text
              type="secondary"
              copyable={{ text: region.code, tooltips: [t("common.copy"), t("common.copied")] }}
            >
              {region.code}
            </Typography.Text>
          </Flex>
        }
        extra={
          isMobile ? null : (
            <Space>
              {canManage ? <Button onClick={() => setRenaming(region)}>{t("regions.rename")}</Button> : null}
              {addButton}
            </Space>
          )
        }
      >
        {isMobile && (canManage || addButton) ? (
          <Flex wrap gap={8} style={{ marginBottom: 12 }}>
            {canManage ? <Button onClick={() => setRenaming(region)}>{t("regions.rename")}</Button> : null}
            {addButton}
          </Flex>
        ) : null}
        <Typography.Paragraph type="secondary">
          {t("regions.childrenCount", { count: children.length })}
        </Typography.Paragraph>
        {children.length === 0 ? (
          <Empty
            description={
              region.level === "group"
                ? t("regions.emptyGroup")
                : canAddChild
                  ? t("regions.emptyCanAdd", { action: addLabel })
                  : t("regions.empty")
            }
          />
        ) : (
          <RegionChildrenTable
            rows={children}
            isLoading={regionQuery.isFetching && regionQuery.isPlaceholderData}
            canRename={canManage}
            onOpen={openRegion}
            onRename={setRenaming}
          />
        )}
      </Card>
      {canAddChild ? (
        <AddRegionModal
          parent={region}
          siblings={children}
          isOpen={isAdding}
          onClose={() => setIsAdding(false)}
        />
      ) : null}
      <RenameRegionModal region={renaming} onClose={() => setRenaming(undefined)} />
    </>
  );
}
