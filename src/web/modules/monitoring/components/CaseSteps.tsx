import { Tag, Timeline, Typography } from "antd";
import type { CaseDetail } from "../../../../shared/api/monitoring-cases.api.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";

type Step = CaseDetail["steps"][number];

/** What a step decided, in words: type and risks, visit day, evidence. */
function StepDetails({ step }: { step: Step }) {
  const t = useT();
  const details = step.details;
  const parts: string[] = [];
  if (typeof details.visitedOn === "string")
    parts.push(t("monitoring.step.visitedOnDate", { date: details.visitedOn }));
  if (typeof details.monitoringType === "string") {
    parts.push(t(`monitoring.types.${details.monitoringType}` as "monitoring.types.marginal"));
  }
  if (Array.isArray(details.riskTypes)) {
    parts.push(
      (details.riskTypes as string[])
        .map((r) => t(`monitoring.risks.${r}` as "monitoring.risks.other"))
        .join(t("common.listSeparator")),
    );
  }
  const evidence = details.evidence as
    | { perCapitaIncome?: number; line?: number; doneMeasures?: number }
    | undefined;
  if (evidence) {
    parts.push(
      t("monitoring.step.evidence", {
        income: String(evidence.perCapitaIncome ?? "—"),
        line: String(evidence.line ?? "—"),
        done: String(evidence.doneMeasures ?? 0),
      }),
    );
  }
  return parts.length > 0 ? <div>{parts.join(t("common.clauseSeparator"))}</div> : null;
}

/** Every step of the case, oldest first: what, who (with role), when, the comment. */
export function CaseSteps({ steps }: { steps: Step[] }) {
  const t = useT();
  return (
    <Timeline
      data-testid="case-steps"
      items={steps.map((step, index) => ({
        key: `${step.occurredAt}-${index}`,
        children: (
          <div data-testid="case-step">
            <Typography.Text strong>{t(`monitoring.actions.${step.action}`)}</Typography.Text>
            {" → "}
            {t(`monitoring.stages.${step.toStage}`)}
            {step.wasOverdue ? (
              <Tag color="red" style={{ marginInlineStart: 8 }}>
                {t("monitoring.casePage.overdueStep")}
              </Tag>
            ) : null}
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(step.occurredAt)} · {step.actorUsername ?? "—"}
                {step.actorRole ? ` (${t(`roles.${step.actorRole}` as "roles.caseworker")})` : ""}
              </Typography.Text>
            </div>
            <StepDetails step={step} />
            {step.comment ? <div>{step.comment}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
