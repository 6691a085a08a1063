import { Tag } from "antd";
import type { OutboxRecord } from "../../../../shared/visit-outbox.js";
import { useT } from "../../../i18n/useT.js";

const COLORS = { waiting: "gold", sending: "processing", failed: "red", sent: "green" } as const;

/** Where a record of the outbox stands: waiting, sending, failed, sent. */
export function OutboxStateTag({ record }: { record: OutboxRecord }) {
  const t = useT();
  return (
    <Tag color={COLORS[record.state]} data-testid={`outbox-state-${record.state}`}>
      {t(`visits.outbox.state.${record.state}`)}
    </Tag>
  );
}
