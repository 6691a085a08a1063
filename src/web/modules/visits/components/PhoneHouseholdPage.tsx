import { Button, Card, Descriptions, Empty, Flex, List, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import {
  DANGEROUS_HOUSE_GRADES,
  FUEL_TYPES,
  HEALTH_STATUSES,
  MEMBER_STATUSES,
  RELATIONS,
} from "../../../../shared/household-codes.js";
import { perCapitaNetIncome } from "../../../../shared/household-income.js";
import { isUnsent } from "../../../../shared/visit-outbox.js";
import { useT } from "../../../i18n/useT.js";
import { useCodeLabels } from "../../households/hooks/useCodeLabels.js";
import { usePhone } from "../hooks/usePhone.js";
import { OutboxStateTag } from "./OutboxStateTag.js";

/** A household's card on the phone: members, conditions, income, what is due, and its visits waiting to be sent. */
export function PhoneHouseholdPage() {
  const t = useT();
  const { id } = useParams();
  const { label } = useCodeLabels();
  const { households, outbox } = usePhone();
  const household = households.find((h) => h.id === id);
  if (!household) return <Empty description={t("visits.phone.notOnPhone")} />;
  const active = household.members.filter((m) => m.status === "active");
  const perCapita = perCapitaNetIncome(household.income, active.length);
  const waiting = outbox.filter((r) => r.householdId === household.id && isUnsent(r));
  const yesNo = (value: boolean) => (value ? t("common.yes") : t("common.no"));

  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {household.headName}
        </Typography.Title>
        <Typography.Text type="secondary">
          {household.householdNumber} · {household.regionName} · {household.address}
        </Typography.Text>
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          {household.due.map((due) => (
            <Link
              key={due.campaignId}
              to={`/phone/households/${household.id}/visit?campaign=${due.campaignId}`}
            >
              <Button
                type="primary"
                block
                size="large"
                danger={due.isOverdue}
                data-testid="start-campaign-visit"
              >
                {t("visits.phone.screen", { name: due.name })}
              </Button>
            </Link>
          ))}
          <Link to={`/phone/households/${household.id}/visit`}>
            <Button
              block
              size="large"
              type={household.due.length === 0 ? "primary" : "default"}
              data-testid="start-visit"
            >
              {t("visits.phone.record")}
            </Button>
          </Link>
        </Flex>
      </Card>
      {waiting.length > 0 ? (
        <Card size="small" title={t("visits.outbox.title")}>
          {waiting.map((record) => (
            <Flex key={record.id} justify="space-between">
              <span>{record.body.visitedOn}</span>
              <OutboxStateTag record={record} />
            </Flex>
          ))}
        </Card>
      ) : null}
      <Card size="small" title={t("visits.phone.membersTitle")}>
        <List
          size="small"
          dataSource={household.members}
          renderItem={(member) => (
            <List.Item>
              <Flex vertical>
                <Typography.Text strong>
                  {member.name}{" "}
                  <Typography.Text type="secondary">{label(RELATIONS, member.relation)}</Typography.Text>
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t("visits.phone.age", { age: member.age })} · {label(HEALTH_STATUSES, member.health)}
                  {member.status !== "active" ? ` · ${label(MEMBER_STATUSES, member.status)}` : ""}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t("visits.phone.conditionsTitle")}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t("visits.conditions.dangerousHouseGrade")}>
            {label(DANGEROUS_HOUSE_GRADES, household.conditions.dangerousHouseGrade)}
          </Descriptions.Item>
          <Descriptions.Item label={t("visits.conditions.isDrinkingWaterSafe")}>
            {yesNo(household.conditions.isDrinkingWaterSafe)}
          </Descriptions.Item>
          <Descriptions.Item label={t("visits.conditions.hasElectricity")}>
            {yesNo(household.conditions.hasElectricity)}
          </Descriptions.Item>
          <Descriptions.Item label={t("visits.conditions.fuel")}>
            {label(FUEL_TYPES, household.conditions.fuel)}
          </Descriptions.Item>
          <Descriptions.Item label={t("visits.phone.income", { year: household.income.year })}>
            {perCapita === null ? "—" : t("visits.phone.perCapita", { amount: perCapita.toFixed(2) })}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {household.due.length > 0 ? (
        <Flex wrap gap={4}>
          {household.due.map((due) => (
            <Tag key={due.campaignId} color={due.isOverdue ? "red" : "blue"}>
              {due.name} · {due.deadline}
            </Tag>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}
