import { Typography } from "antd";
import type { MonitoringRuleCode } from "../../../../shared/monitoring-rules.js";
import { useT } from "../../../i18n/useT.js";
import { describeFacts } from "../utils/describeFacts.js";

/** The rule's name and the values that fired it, one line each. */
export function AlertFacts({
  ruleCode,
  facts,
  isNameShown = false,
}: {
  ruleCode: MonitoringRuleCode;
  facts: Record<string, unknown>;
  isNameShown?: boolean;
}) {
  const t = useT();
  return (
    <div data-testid="alert-facts">
      {isNameShown ? (
        <Typography.Text strong>{t(`monitoring.rules.names.${ruleCode}`)}</Typography.Text>
      ) : null}
      {describeFacts(ruleCode, facts, t).map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  );
}
