import { Card, Flex, Progress, Spin, Typography } from "antd";
import type { RosterImportView } from "../../../../shared/api/roster.api.js";
import { useT } from "../../../i18n/useT.js";

/**
 * How far the background job has got: rows read (against the total once known), then households
 * checked against those in the file, or households written.
 */
export function RosterImportProgress({ view }: { view: RosterImportView }) {
  const t = useT();
  const isCommitting = view.status === "committing";
  const done = view.rowsProcessed;
  const writeTotal = view.created + view.updated;
  let text: string;
  let percent: number | undefined;
  if (view.phase === "checking") {
    const total = view.progressTotal;
    text = total
      ? t("roster.progress.checkedOf", { done: done.toLocaleString(), total: total.toLocaleString() })
      : t("roster.progress.checked", { done: done.toLocaleString() });
    percent = total ? (done / total) * 100 : undefined;
  } else if (view.phase === "writing") {
    text = t("roster.progress.written", { done: done.toLocaleString(), total: writeTotal.toLocaleString() });
    percent = writeTotal > 0 ? (done / writeTotal) * 100 : 100;
  } else if (view.rowsTotal) {
    text = t("roster.progress.readOf", {
      rows: done.toLocaleString(),
      total: view.rowsTotal.toLocaleString(),
    });
    percent = (done / view.rowsTotal) * 100;
  } else {
    // The first read of a file streams it: its number of rows is known only at the end.
    text = t("roster.progress.read", { rows: done.toLocaleString() });
  }

  return (
    <Card data-testid="roster-progress">
      <Flex vertical gap={12}>
        <Flex align="center" gap={12}>
          <Spin size="small" />
          <Typography.Text strong>
            {isCommitting ? t("roster.progress.committingTitle") : t("roster.progress.validatingTitle")}
          </Typography.Text>
        </Flex>
        {percent === undefined ? null : (
          <Progress percent={Math.min(99, Math.floor(percent))} status="active" />
        )}
        <Typography.Text data-testid="roster-progress-rows">{text}</Typography.Text>
        <Typography.Text type="secondary">
          {isCommitting ? t("roster.progress.committingHint") : t("roster.progress.validatingHint")}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
