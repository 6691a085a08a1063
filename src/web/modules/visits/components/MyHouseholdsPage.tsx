import { Alert, Button, Card, Empty, Flex, Input, Spin, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { isUnsent } from "../../../../shared/visit-outbox.js";
import { useT } from "../../../i18n/useT.js";
import { usePhone } from "../hooks/usePhone.js";

/**
 * "My households": what is due first (campaigns waiting, overdue in red), with a search. A QR code
 * for a village opens this list narrowed to it (?village=code).
 */
export function MyHouseholdsPage() {
  const t = useT();
  const [params] = useSearchParams();
  const { households, meta, isLoading, outbox, user, isSyncing, refresh } = usePhone();
  const [text, setText] = useState("");
  const village = params.get("village") ?? undefined;
  const forCaseworker = params.get("caseworker");

  const unsentByHousehold = useMemo(() => {
    const counts = new Map<string, number>();
    for (const record of outbox.filter(isUnsent))
      counts.set(record.householdId, (counts.get(record.householdId) ?? 0) + 1);
    return counts;
  }, [outbox]);

  // Due first, then by number: the same order online and from IndexedDB (which keeps them by id).
  const shown = households
    .filter(
      (h) =>
        (!village || h.regionCode.startsWith(village)) &&
        (text === "" || h.headName.includes(text) || h.householdNumber.includes(text)),
    )
    .sort(
      (a, b) =>
        Number(b.due.length > 0) - Number(a.due.length > 0) ||
        a.householdNumber.localeCompare(b.householdNumber),
    );
  const campaigns = (meta?.campaigns ?? []).map((campaign) => ({
    ...campaign,
    due: households.filter((h) => h.due.some((d) => d.campaignId === campaign.id)).length,
  }));

  return (
    <Flex vertical gap={12}>
      {forCaseworker && forCaseworker !== user.id ? (
        <Alert type="warning" showIcon title={t("visits.phone.otherCaseworker")} />
      ) : null}
      {meta?.isTruncated ? <Alert type="info" showIcon title={t("visits.phone.truncated")} /> : null}
      {campaigns.map((campaign) => (
        <Card key={campaign.id} size="small">
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text strong>{campaign.name}</Typography.Text>
            <Typography.Text type="secondary">
              {t("visits.phone.deadline", { date: campaign.deadline })}
            </Typography.Text>
          </Flex>
          <Typography.Text>
            {t("visits.phone.dueCount")}
            <span data-testid="due-count" style={{ fontWeight: 600, fontSize: 18, marginInline: 4 }}>
              {campaign.due}
            </span>
            {t("visits.phone.households")}
          </Typography.Text>
        </Card>
      ))}
      <Flex gap={8}>
        <Input.Search
          allowClear
          placeholder={t("visits.phone.search")}
          value={text}
          onChange={(event) => setText(event.target.value.trim())}
          style={{ flex: 1 }}
        />
        <Button onClick={() => void refresh()} loading={isSyncing}>
          {t("visits.phone.refresh")}
        </Button>
      </Flex>
      {meta ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("visits.phone.loadedAt", { time: new Date(meta.loadedAt).toLocaleString() })}
        </Typography.Text>
      ) : null}
      {isLoading && households.length === 0 ? <Spin /> : null}
      {!isLoading && shown.length === 0 ? <Empty description={t("visits.phone.none")} /> : null}
      {shown.map((household) => {
        const unsent = unsentByHousehold.get(household.id) ?? 0;
        return (
          <Link key={household.id} to={`/phone/households/${household.id}`} data-testid="phone-household">
            <Card size="small" hoverable>
              <Flex justify="space-between" align="baseline" gap={8}>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {household.headName || household.householdNumber}
                </Typography.Text>
                <Typography.Text type="secondary">{household.regionName}</Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {household.householdNumber} · {t("visits.phone.members", { count: household.members.length })}{" "}
                ·{" "}
                {household.lastVisitedOn
                  ? t("visits.phone.lastVisit", { date: household.lastVisitedOn })
                  : t("visits.phone.neverVisited")}
              </Typography.Text>
              <Flex wrap gap={4} style={{ marginTop: 4 }}>
                {household.due.map((due) => (
                  <Tag key={due.campaignId} color={due.isOverdue ? "red" : "blue"}>
                    {due.isOverdue ? t("visits.phone.overdue") : t("visits.phone.due")} · {due.name}
                  </Tag>
                ))}
                {unsent > 0 ? (
                  <Tag color="orange">{t("visits.phone.unsentHere", { count: unsent })}</Tag>
                ) : null}
              </Flex>
            </Card>
          </Link>
        );
      })}
    </Flex>
  );
}
