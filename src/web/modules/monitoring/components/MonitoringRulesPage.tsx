import { Alert, App, Button, Empty, Flex, InputNumber, Spin } from "antd";
import { useState } from "react";
import { runMonitoringSweep } from "../../../../shared/api/monitoring.api.js";
import { countyCodeOf } from "../../../../shared/division-code.js";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { CountyPicker } from "../../roster/components/CountyPicker.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { useMonitoringRules } from "../hooks/useMonitoringRules.js";
import { useMonitoringWrite } from "../hooks/useMonitoringWrite.js";
import { MonitoringLinks } from "./MonitoringLinks.js";
import { RuleCard } from "./RuleCard.js";

/** A county administrator's rules for a monitoring year, and the full sweep. */
export function MonitoringRulesPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const ownCounty = countyCodeOf(user.regionCode);
  const [countyCode, setCountyCode] = useState(ownCounty);
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const rulesQuery = useMonitoringRules(countyCode, year);
  const sweep = useMonitoringWrite(runMonitoringSweep);

  const handleSweep = async () => {
    if (!countyCode) return;
    try {
      const result = await sweep.mutateAsync({ body: { countyCode, year } });
      message.success(
        t("monitoring.rules.swept", {
          firing: result.firing,
          raised: result.raised,
          cleared: result.cleared,
          ms: result.durationMs,
        }),
      );
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <>
      <PageHeader
        title={t("monitoring.rulesTitle")}
        extra={
          <>
            <Button
              type="primary"
              data-testid="sweep-run"
              loading={sweep.isPending}
              disabled={!countyCode}
              onClick={handleSweep}
            >
              {t("monitoring.rules.sweep")}
            </Button>
            <MonitoringLinks />
          </>
        }
      />
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        {ownCounty ? null : (
          <CountyPicker value={countyCode} onChange={setCountyCode} testId="rules-county" />
        )}
        <span>{t("monitoring.rules.year")}</span>
        <InputNumber
          min={2015}
          max={2100}
          value={year}
          onChange={(value) => value !== null && setYear(value)}
          data-testid="rules-year"
        />
      </Flex>
      {rulesQuery.isError ? <Alert type="error" showIcon title={errorText(rulesQuery.error)} /> : null}
      {rulesQuery.isFetching && !rulesQuery.data ? <Spin /> : null}
      <Flex vertical gap={12}>
        {countyCode ? (
          (rulesQuery.data?.rules ?? []).map((rule) => (
            <RuleCard
              key={`${countyCode}-${year}-${rule.code}-${rule.version}`}
              rule={rule}
              countyCode={countyCode}
              year={year}
            />
          ))
        ) : (
          <Empty description={t("monitoring.rules.pickCounty")} data-testid="rules-pick-county" />
        )}
      </Flex>
    </>
  );
}
