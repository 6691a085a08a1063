import { Alert, Checkbox, Flex, Select } from "antd";
import { useState } from "react";
import {
  CASE_STAGES,
  type CaseStage,
  MONITORING_TYPE_CODES,
  type MonitoringType,
} from "../../../../shared/monitoring-workflow.js";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useMonitoringCases } from "../hooks/useMonitoringCases.js";
import { CasesTable } from "./CasesTable.js";
import { MonitoringLinks } from "./MonitoringLinks.js";

/** Every monitoring case in scope, filtered by stage, type and overdue. */
export function CasesPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const [page, setPage] = useState(1);
  const [stage, setStage] = useState<CaseStage>();
  const [monitoringType, setMonitoringType] = useState<MonitoringType>();
  const [isOverdueOnly, setIsOverdueOnly] = useState(false);
  const casesQuery = useMonitoringCases({
    ...(stage ? { stage } : {}),
    ...(monitoringType ? { monitoringType } : {}),
    ...(isOverdueOnly ? { isOverdue: "true" as const } : {}),
    page,
    pageSize: 20,
  });
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  return (
    <>
      <PageHeader title={t("monitoring.casesTitle")} extra={<MonitoringLinks />} />
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Select<CaseStage>
          allowClear
          placeholder={t("monitoring.cases.filterStage")}
          style={{ width: 200 }}
          value={stage}
          onChange={reset(setStage)}
          options={CASE_STAGES.map((s) => ({ value: s, label: t(`monitoring.stages.${s}`) }))}
          data-testid="cases-filter-stage"
        />
        <Select<MonitoringType>
          allowClear
          placeholder={t("monitoring.cases.filterType")}
          style={{ width: 200 }}
          value={monitoringType}
          onChange={reset(setMonitoringType)}
          options={MONITORING_TYPE_CODES.map((type) => ({
            value: type,
            label: t(`monitoring.types.${type}`),
          }))}
        />
        <Checkbox checked={isOverdueOnly} onChange={(e) => reset(setIsOverdueOnly)(e.target.checked)}>
          {t("monitoring.cases.filterOverdue")}
        </Checkbox>
      </Flex>
      {casesQuery.error ? (
        <Alert type="error" showIcon title={errorText(casesQuery.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <CasesTable
        rows={casesQuery.data?.rows ?? []}
        total={casesQuery.data?.total ?? 0}
        page={page}
        isLoading={casesQuery.isPending || casesQuery.isPlaceholderData}
        onPageChange={setPage}
      />
    </>
  );
}
