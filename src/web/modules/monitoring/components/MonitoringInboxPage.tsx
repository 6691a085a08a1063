import { Alert, Button, Select, Tabs } from "antd";
import { useState } from "react";
import type { MonitoringAlertView } from "../../../../shared/api/monitoring.api.js";
import { MONITORING_RULE_CODES, type MonitoringRuleCode } from "../../../../shared/monitoring-rules.js";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";
import { useMonitoringAlerts } from "../hooks/useMonitoringAlerts.js";
import { useMonitoringCases } from "../hooks/useMonitoringCases.js";
import { AlertsTable } from "./AlertsTable.js";
import { ApplicationModal } from "./ApplicationModal.js";
import { CasesTable } from "./CasesTable.js";
import { DismissAlertModal } from "./DismissAlertModal.js";
import { MonitoringLinks } from "./MonitoringLinks.js";
import { OpenCaseModal } from "./OpenCaseModal.js";
import { RigidSpendingModal } from "./RigidSpendingModal.js";

/** What needs the user's action: open alerts in scope, and cases at a stage their role acts on. */
export function MonitoringInboxPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const permissions = permissionsOf(useCurrentUser().role);
  const [alertPage, setAlertPage] = useState(1);
  const [casePage, setCasePage] = useState(1);
  const [openFor, setOpenFor] = useState<MonitoringAlertView[]>();
  const [dismissId, setDismissId] = useState<string>();
  const [isApplying, setIsApplying] = useState(false);
  const [isRecordingSpending, setIsRecordingSpending] = useState(false);
  const [ruleCode, setRuleCode] = useState<MonitoringRuleCode>();
  const alertsQuery = useMonitoringAlerts({
    status: "open",
    ...(ruleCode ? { ruleCode } : {}),
    page: alertPage,
    pageSize: 20,
  });
  const casesQuery = useMonitoringCases({ awaitingMe: "true", page: casePage, pageSize: 20 });
  const alerts = alertsQuery.data?.rows ?? [];
  const error = alertsQuery.error ?? casesQuery.error;

  return (
    <>
      <PageHeader
        title={t("monitoring.inboxTitle")}
        extra={
          <>
            {permissions.canWorkMonitoringCases ? (
              <Button type="primary" data-testid="application-new" onClick={() => setIsApplying(true)}>
                {t("monitoring.application.button")}
              </Button>
            ) : null}
            {permissions.canWorkMonitoringCases ? (
              <Button data-testid="spending-new" onClick={() => setIsRecordingSpending(true)}>
                {t("monitoring.spending.button")}
              </Button>
            ) : null}
            <MonitoringLinks />
          </>
        }
      />
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Tabs
        items={[
          {
            key: "alerts",
            label: `${t("monitoring.tabs.alerts")} (${alertsQuery.data?.total ?? 0})`,
            children: (
              <>
                <Select
                  allowClear
                  placeholder={t("monitoring.alerts.allRules")}
                  value={ruleCode}
                  onChange={(value?: MonitoringRuleCode) => {
                    setRuleCode(value);
                    setAlertPage(1);
                  }}
                  options={MONITORING_RULE_CODES.map((code) => ({
                    value: code,
                    label: t(`monitoring.rules.names.${code}`),
                  }))}
                  style={{ minWidth: 260, marginBottom: 12 }}
                  data-testid="alerts-rule-filter"
                />
                <AlertsTable
                  rows={alerts}
                  total={alertsQuery.data?.total ?? 0}
                  page={alertPage}
                  isLoading={alertsQuery.isPending}
                  canOpenCase={permissions.canWorkMonitoringCases}
                  canDismiss={permissions.canDismissAlerts}
                  onPageChange={setAlertPage}
                  onOpenCase={(alert) =>
                    setOpenFor(alerts.filter((a) => a.householdId === alert.householdId))
                  }
                  onDismiss={(alert) => setDismissId(alert.id)}
                />
              </>
            ),
          },
          {
            key: "cases",
            label: `${t("monitoring.tabs.cases")} (${casesQuery.data?.total ?? 0})`,
            children: (
              <CasesTable
                rows={casesQuery.data?.rows ?? []}
                total={casesQuery.data?.total ?? 0}
                page={casePage}
                isLoading={casesQuery.isPending}
                onPageChange={setCasePage}
              />
            ),
          },
        ]}
      />
      <OpenCaseModal alerts={openFor} onClose={() => setOpenFor(undefined)} />
      <DismissAlertModal alertId={dismissId} onClose={() => setDismissId(undefined)} />
      <ApplicationModal isOpen={isApplying} onClose={() => setIsApplying(false)} />
      <RigidSpendingModal isOpen={isRecordingSpending} onClose={() => setIsRecordingSpending(false)} />
    </>
  );
}
