import { useQuery } from "@tanstack/react-query";
import { listMonitoringAlerts } from "../../../../shared/api/monitoring.api.js";
import { listMonitoringCases } from "../../../../shared/api/monitoring-cases.api.js";
import { listPendingChanges } from "../../../../shared/api/visits.api.js";
import { callApi } from "../../../api/callApi.js";
import { campaignQueryKeys } from "../../campaigns/campaignQueryKeys.js";
import { monitoringQueryKeys } from "../../monitoring/monitoringQueryKeys.js";
import type { Permissions } from "../../session/permissionsOf.js";

const ALERTS = { status: "open", page: 1, pageSize: 1 } as const;
const CASES = { awaitingMe: "true", page: 1, pageSize: 1 } as const;
const PENDING = { status: "open", page: 1, pageSize: 1 } as const;

/**
 * The workbench's counts of what waits for the user, asked for again each time it opens (one row
 * each; under the modules' own keys, so their writes refresh them too). A count the user may not
 * act on is not asked for: undefined.
 */
export function useHomeTodos(permissions: Permissions) {
  const fresh = { refetchOnMount: "always" } as const;
  const alerts = useQuery({
    queryKey: monitoringQueryKeys.alerts(ALERTS),
    queryFn: () => callApi(listMonitoringAlerts, { query: ALERTS }),
    enabled: permissions.canReadMonitoring,
    ...fresh,
  });
  const cases = useQuery({
    queryKey: monitoringQueryKeys.cases(CASES),
    queryFn: () => callApi(listMonitoringCases, { query: CASES }),
    enabled: permissions.canWorkMonitoringCases,
    ...fresh,
  });
  const pending = useQuery({
    queryKey: campaignQueryKeys.pendingChangesCount(),
    queryFn: () => callApi(listPendingChanges, { query: PENDING }),
    enabled: permissions.canResolvePendingChanges,
    ...fresh,
  });
  return {
    alerts: permissions.canReadMonitoring ? alerts.data?.total : undefined,
    cases: permissions.canWorkMonitoringCases ? cases.data?.total : undefined,
    pendingChanges: permissions.canResolvePendingChanges ? pending.data?.total : undefined,
  };
}
