import { Alert, Button, Card, Empty, Flex, List, Spin, Typography } from "antd";
import { useState } from "react";
import type { HouseholdDetail } from "../../../../shared/api/households.api.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useHouseholdCaseworkers } from "../hooks/useHouseholdCaseworkers.js";
import { AssignCaseworkersModal } from "./AssignCaseworkersModal.js";

/** The household's caseworkers (帮扶责任人) now and before; county and township staff may change them. */
export function CaseworkersPanel({
  household,
  canAssign,
}: {
  household: HouseholdDetail;
  canAssign: boolean;
}) {
  const t = useT();
  const errorText = useApiErrorText();
  const assignmentsQuery = useHouseholdCaseworkers(household.id);
  const [isAssigning, setIsAssigning] = useState(false);
  const current = assignmentsQuery.data?.current ?? household.caseworkers;
  const ended = (assignmentsQuery.data?.history ?? []).filter((entry) => entry.endedAt !== null);

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title={t("households.caseworkers.current")}
        extra={
          canAssign ? (
            <Button data-testid="caseworkers-assign" onClick={() => setIsAssigning(true)}>
              {t("households.caseworkers.assign")}
            </Button>
          ) : null
        }
      >
        {current.length === 0 ? (
          <Alert type="warning" showIcon title={t("households.caseworkers.none")} />
        ) : (
          <List
            size="small"
            split={false}
            dataSource={current}
            renderItem={(caseworker) => (
              <List.Item data-testid="caseworker-current" style={{ paddingInline: 0 }}>
                <Flex wrap gap={8} justify="space-between" style={{ width: "100%" }}>
                  <Typography.Text strong>{caseworker.displayName}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t("households.caseworkers.since", { date: formatDateTime(caseworker.assignedAt) })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t("households.caseworkers.history")}>
        {assignmentsQuery.isError ? (
          <Alert type="error" showIcon title={errorText(assignmentsQuery.error)} />
        ) : assignmentsQuery.isPending ? (
          <Spin />
        ) : ended.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("households.caseworkers.noHistory")} />
        ) : (
          <List
            size="small"
            split={false}
            dataSource={ended}
            renderItem={(entry) => (
              <List.Item style={{ paddingInline: 0 }}>
                <Flex wrap gap={8} justify="space-between" style={{ width: "100%" }}>
                  <span>{entry.displayName}</span>
                  <Typography.Text type="secondary">
                    {t("households.caseworkers.period", {
                      from: formatDateTime(entry.assignedAt),
                      to: formatDateTime(entry.endedAt),
                    })}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      {canAssign ? (
        <AssignCaseworkersModal
          isOpen={isAssigning}
          householdId={household.id}
          current={current}
          onClose={() => setIsAssigning(false)}
        />
      ) : null}
    </Flex>
  );
}
