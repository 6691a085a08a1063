import { Tag } from "antd";
import type { CaseStage } from "../../../../shared/monitoring-workflow.js";
import { useT } from "../../../i18n/useT.js";

const COLORS: Record<CaseStage, string> = {
  verification: "gold",
  village_review: "gold",
  township_review: "gold",
  county_decision: "orange",
  monitored: "red",
  elimination_village_review: "blue",
  elimination_township_review: "blue",
  elimination_county_decision: "blue",
  closed: "green",
  rejected: "default",
};

/** A case's stage as a coloured tag (identification yellow, monitored red, elimination blue, closed green). */
export function CaseStageTag({ stage, isOverdue }: { stage: CaseStage; isOverdue?: boolean }) {
  const t = useT();
  return (
    <>
      <Tag color={COLORS[stage]} data-testid="case-stage">
        {t(`monitoring.stages.${stage}`)}
      </Tag>
      {isOverdue ? (
        <Tag color="red" data-testid="case-overdue">
          {t("monitoring.cases.overdue")}
        </Tag>
      ) : null}
    </>
  );
}
