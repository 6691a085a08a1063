import { Alert, Card, Empty, Flex, Pagination, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useAuditEntries } from "../hooks/useAuditEntries.js";
import { useAuditLabels } from "../hooks/useAuditLabels.js";
import { AuditActorName } from "./AuditActorName.js";
import { AuditDiff } from "./AuditDiff.js";

const PAGE_SIZE = 10;

/** The audit trail of one record (e.g. a user account), newest first, each change field by field. */
export function RecordHistory({ entityType, entityId }: { entityType: string; entityId: string }) {
  const t = useT();
  const errorText = useApiErrorText();
  const labels = useAuditLabels();
  const [page, setPage] = useState(1);
  const entriesQuery = useAuditEntries({ entityType, entityId, page, pageSize: PAGE_SIZE });

  if (entriesQuery.isError) return <Alert type="error" showIcon title={errorText(entriesQuery.error)} />;
  if (!entriesQuery.data) return <Spin />;
  const { rows, total } = entriesQuery.data;
  if (rows.length === 0) return <Empty description={t("audit.historyEmpty")} />;

  return (
    <Flex vertical gap={12} data-testid="record-history">
      {rows.map((entry) => (
        <Card
          key={`${entry.chainCode}-${entry.seq}`}
          size="small"
          title={
            <Flex wrap align="center" gap={8} style={{ paddingBlock: 6 }}>
              <Tag color="blue">{labels.action(entry.action)}</Tag>
              <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
                {formatDateTime(entry.occurredAt)} · <AuditActorName entry={entry} />
                {entry.ip ? ` · ${entry.ip}` : ""}
              </Typography.Text>
            </Flex>
          }
        >
          <AuditDiff entry={entry} />
        </Card>
      ))}
      {total > PAGE_SIZE ? (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={total}
          onChange={setPage}
          showSizeChanger={false}
          align="center"
        />
      ) : null}
    </Flex>
  );
}
