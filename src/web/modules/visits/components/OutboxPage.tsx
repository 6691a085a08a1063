import { App, Button, Card, Empty, Flex, Typography } from "antd";
import { isUnsent } from "../../../../shared/visit-outbox.js";
import { useT } from "../../../i18n/useT.js";
import { usePhone } from "../hooks/usePhone.js";
import { OutboxStateTag } from "./OutboxStateTag.js";

/**
 * The outbox: every visit saved on the phone with where it stands. Waiting ones go by themselves
 * when the network returns; a failed one (the server refused it) can be retried or deleted.
 */
export function OutboxPage() {
  const t = useT();
  const { modal } = App.useApp();
  const { outbox, unsentCount, isSyncing, isOffline, syncNow, retry, discard } = usePhone();
  const unsent = outbox.filter(isUnsent);
  const sent = outbox.filter((record) => !isUnsent(record)).slice(0, 20);

  const handleDiscard = (id: string) =>
    modal.confirm({
      title: t("visits.outbox.discardTitle"),
      content: t("visits.outbox.discardText"),
      okText: t("visits.outbox.discard"),
      okButtonProps: { danger: true },
      cancelText: t("common.cancel"),
      onOk: () => discard(id),
    });

  return (
    <Flex vertical gap={12}>
      <Card size="small">
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t("visits.outbox.unsent")}
            <span data-testid="unsent-count" style={{ marginInline: 4 }}>
              {unsentCount}
            </span>
          </Typography.Text>
          <Button
            type="primary"
            onClick={() => void syncNow()}
            loading={isSyncing}
            disabled={unsentCount === 0}
            data-testid="sync-now"
          >
            {t("visits.outbox.sendNow")}
          </Button>
        </Flex>
        {isOffline ? (
          <Typography.Text type="warning">{t("visits.outbox.offlineHint")}</Typography.Text>
        ) : null}
      </Card>
      {unsent.length === 0 ? <Empty description={t("visits.outbox.empty")} /> : null}
      {unsent.map((record) => (
        <Card key={record.id} size="small" data-testid="outbox-record">
          <Flex justify="space-between" align="center" gap={8}>
            <Typography.Text strong>{record.householdLabel}</Typography.Text>
            <OutboxStateTag record={record} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("visits.outbox.visitedOn", { date: record.body.visitedOn })} ·{" "}
            {t("visits.outbox.attempts", { count: record.attempts })}
            {record.lastError ? ` · ${record.lastError}` : ""}
          </Typography.Text>
          {record.state === "failed" ? (
            <Flex gap={8} style={{ marginTop: 8 }}>
              <Button onClick={() => void retry(record.id)}>{t("common.retry")}</Button>
              <Button danger onClick={() => handleDiscard(record.id)}>
                {t("visits.outbox.discard")}
              </Button>
            </Flex>
          ) : null}
        </Card>
      ))}
      {sent.length > 0 ? (
        <Card size="small" title={t("visits.outbox.sentTitle")}>
          {sent.map((record) => (
            <Flex key={record.id} justify="space-between" data-testid="outbox-sent">
              <span>
                {record.householdLabel} · {record.body.visitedOn}
              </span>
              <OutboxStateTag record={record} />
            </Flex>
          ))}
        </Card>
      ) : null}
    </Flex>
  );
}
