import { Alert, Button, Card, Descriptions, Flex, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import type { MeasureView } from "../../../../shared/api/monitoring-cases.api.js";
import type { CaseAction } from "../../../../shared/monitoring-workflow.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { formatYuan } from "../../households/utils/formatYuan.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";
import { useMonitoringCase } from "../hooks/useMonitoringCase.js";
import { AlertFacts } from "./AlertFacts.js";
import { CaseStageTag } from "./CaseStageTag.js";
import { CaseStepModal } from "./CaseStepModal.js";
import { CaseSteps } from "./CaseSteps.js";
import { MeasureModal } from "./MeasureModal.js";
import { MeasuresTable } from "./MeasuresTable.js";

/** A monitoring case: household, stage and due day, alerts, the user's next steps, measures, every step. */
export function CaseDetailPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const { id = "" } = useParams();
  const permissions = permissionsOf(useCurrentUser().role);
  const caseQuery = useMonitoringCase(id);
  const [action, setAction] = useState<CaseAction>();
  const [measureModal, setMeasureModal] = useState<{ measure: MeasureView | undefined }>();

  if (caseQuery.isPending) return <Spin />;
  if (caseQuery.isError) return <Alert type="error" showIcon title={errorText(caseQuery.error)} />;
  const c = caseQuery.data;
  const canEditMeasures = permissions.canWorkMonitoringCases && c.stage === "monitored";

  return (
    <>
      <PageHeader
        title={
          <span data-testid="case-title">
            {c.headName || c.householdNumber} · <CaseStageTag stage={c.stage} isOverdue={c.isOverdue} />
          </span>
        }
        extra={
          <Link to={`/households/${c.householdId}`}>
            <Button>{t("monitoring.casePage.openHousehold")}</Button>
          </Link>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t("monitoring.casePage.household")}>
              {c.householdNumber} · {c.regionName}
            </Descriptions.Item>
            <Descriptions.Item label={t("monitoring.casePage.perCapitaIncome")}>
              <span data-testid="case-income">{formatYuan(c.perCapitaIncome)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t("monitoring.cases.origin")}>
              {t(`monitoring.cases.origins.${c.origin}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t("monitoring.cases.due")}>{c.stageDueOn ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("monitoring.cases.type")}>
              <span data-testid="case-type">
                {c.monitoringType ? (
                  <Tag color="volcano">{t(`monitoring.types.${c.monitoringType}`)}</Tag>
                ) : (
                  "—"
                )}
                {c.riskTypes.map((risk) => (
                  <Tag key={risk}>{t(`monitoring.risks.${risk}`)}</Tag>
                ))}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("monitoring.cases.openedAt")}>
              {formatDateTime(c.openedAt)}
            </Descriptions.Item>
            {c.applicantName ? (
              <Descriptions.Item label={t("monitoring.casePage.applicant")}>
                {c.applicantName}
              </Descriptions.Item>
            ) : null}
            {c.applicantStatement ? (
              <Descriptions.Item label={t("monitoring.casePage.statement")} span={2}>
                {c.applicantStatement}
              </Descriptions.Item>
            ) : null}
            {c.rejectionReason ? (
              <Descriptions.Item label={t("monitoring.casePage.rejection")}>
                {c.rejectionReason}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {c.watchUntil ? (
            <Typography.Text type="success" data-testid="case-watch">
              {t("monitoring.cases.watchUntil", { date: c.watchUntil })}
            </Typography.Text>
          ) : null}
        </Card>
        <Card title={t("monitoring.casePage.actionsTitle")}>
          {c.allowedActions.length === 0 ? (
            <Typography.Text type="secondary">{t("monitoring.casePage.noActions")}</Typography.Text>
          ) : (
            <Flex wrap gap={8}>
              {c.allowedActions.map((allowed) => (
                <Button
                  key={allowed}
                  type={allowed === "return" || allowed === "reject" ? "default" : "primary"}
                  danger={allowed === "reject"}
                  data-testid={`case-action-${allowed}`}
                  onClick={() => setAction(allowed)}
                >
                  {t(`monitoring.actions.${allowed}`)}
                </Button>
              ))}
            </Flex>
          )}
        </Card>
        {c.alerts.length > 0 ? (
          <Card title={t("monitoring.casePage.alerts")}>
            <Flex vertical gap={8}>
              {c.alerts.map((alert) => (
                <AlertFacts key={alert.id} ruleCode={alert.ruleCode} facts={alert.facts} isNameShown />
              ))}
            </Flex>
          </Card>
        ) : null}
        <Card
          title={t("monitoring.casePage.measures")}
          extra={
            canEditMeasures ? (
              <Button data-testid="measure-add" onClick={() => setMeasureModal({ measure: undefined })}>
                {t("monitoring.measures.add")}
              </Button>
            ) : null
          }
        >
          <MeasuresTable
            measures={c.measures}
            canEdit={canEditMeasures}
            onEdit={(measure) => setMeasureModal({ measure })}
          />
        </Card>
        <Card title={t("monitoring.casePage.steps")}>
          <CaseSteps steps={c.steps} />
        </Card>
      </Flex>
      <CaseStepModal monitoringCase={c} action={action} onClose={() => setAction(undefined)} />
      <MeasureModal
        caseId={c.id}
        measure={measureModal?.measure}
        isOpen={measureModal !== undefined}
        onClose={() => setMeasureModal(undefined)}
      />
    </>
  );
}
