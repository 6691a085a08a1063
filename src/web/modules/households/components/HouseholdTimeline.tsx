import { Alert, Button, Card, Checkbox, Flex, Spin, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useHouseholdVersions } from "../hooks/useHouseholdVersions.js";
import { VersionDiff } from "./VersionDiff.js";

interface HouseholdTimelineProps {
  householdId: string;
  onViewAsOf: (changedAt: string) => void;
}

/**
 * Every saved version, newest first, with who saved it and why. Ticking two versions shows what
 * changed between them; by default the latest change is shown.
 */
export function HouseholdTimeline({ householdId, onViewAsOf }: HouseholdTimelineProps) {
  const t = useT();
  const errorText = useApiErrorText();
  const versionsQuery = useHouseholdVersions(householdId);
  const [picked, setPicked] = useState<number[]>();

  if (versionsQuery.isError) return <Alert type="error" showIcon title={errorText(versionsQuery.error)} />;
  if (!versionsQuery.data) return <Spin />;
  const rows = versionsQuery.data.rows;
  const chosen = picked ?? rows.slice(0, 2).map((row) => row.version);

  const handlePick = (version: number, isPicked: boolean) => {
    // At most two: ticking a third drops the earliest ticked.
    const others = chosen.filter((v) => v !== version);
    setPicked(isPicked ? [...others.slice(-1), version] : others);
  };

  const [from, to] = [...chosen].sort((a, b) => a - b);
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t("households.timeline.intro")}</Typography.Text>
      <Timeline
        data-testid="timeline"
        items={rows.map((row, index) => ({
          key: row.version,
          color: index === 0 ? "green" : "blue",
          content: (
            <Flex vertical gap={2} data-testid="timeline-entry">
              <Flex wrap align="center" gap={8}>
                <Checkbox
                  data-testid={`timeline-pick-${row.version}`}
                  checked={chosen.includes(row.version)}
                  onChange={(event) => handlePick(row.version, event.target.checked)}
                >
                  <Typography.Text strong>
                    {t("households.timeline.versionTitle", { version: row.version })}
                  </Typography.Text>
                </Checkbox>
                {index === 0 ? <Tag color="green">{t("households.timeline.current")}</Tag> : null}
                <Typography.Text type="secondary">
                  {formatDateTime(row.changedAt)} · {row.changedBy ?? t("households.timeline.system")}
                </Typography.Text>
              </Flex>
              <Typography.Text data-testid="timeline-reason">{row.reason}</Typography.Text>
              {index > 0 ? (
                <Button
                  type="link"
                  size="small"
                  data-testid={`timeline-view-${row.version}`}
                  style={{ paddingInline: 0, alignSelf: "flex-start" }}
                  onClick={() => onViewAsOf(row.changedAt)}
                >
                  {t("households.timeline.viewAsOf")}
                </Button>
              ) : null}
            </Flex>
          ),
        }))}
      />
      <Card
        size="small"
        title={
          from !== undefined && to !== undefined
            ? t("households.timeline.diffTitle", { from, to })
            : t("households.timeline.compare")
        }
      >
        {from !== undefined && to !== undefined ? (
          <VersionDiff householdId={householdId} from={from} to={to} />
        ) : (
          <Typography.Text type="secondary">
            {rows.length < 2 ? t("households.timeline.onlyOne") : t("households.timeline.pickTwo")}
          </Typography.Text>
        )}
      </Card>
    </Flex>
  );
}
