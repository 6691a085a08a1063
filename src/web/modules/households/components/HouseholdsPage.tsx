import { Alert, Button, Empty } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useIsMobile } from "../../../ui/useIsMobile.js";
import { RosterExportButton } from "../../roster/components/RosterExportButton.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";
import {
  activeFilterCount,
  listQueryOf,
  NO_FILTERS,
  useHouseholdListParams,
} from "../hooks/useHouseholdListParams.js";
import { useHouseholds } from "../hooks/useHouseholds.js";
import { HouseholdFilters } from "./HouseholdFilters.js";
import { HouseholdsTable } from "./HouseholdsTable.js";

/** The household registry (建档立卡户) in the user's scope: search, filters, sorting and paging kept in the address. */
export function HouseholdsPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const isMobile = useIsMobile();
  const user = useCurrentUser();
  const permissions = permissionsOf(user.role);
  const { params, update } = useHouseholdListParams();
  const query = useMemo(() => listQueryOf(params), [params]);
  const householdsQuery = useHouseholds(query);
  const isFiltered = params.q !== "" || activeFilterCount(params) > 0;

  const createButton = permissions.canCreateHouseholds ? (
    <Link to="/households/new">
      <Button type="primary" data-testid="household-create">
        {t("households.create")}
      </Button>
    </Link>
  ) : null;

  const empty = isFiltered ? (
    <Empty description={t("households.emptyFiltered")}>
      <Button onClick={() => update({ ...NO_FILTERS, q: "" })}>
        {t("households.clearSearchAndFilters")}
      </Button>
    </Empty>
  ) : (
    <Empty
      description={
        permissions.canCreateHouseholds
          ? t("households.emptyCanCreate", { action: t("households.create") })
          : user.role === "caseworker"
            ? t("households.emptyCaseworker")
            : t("households.empty")
      }
    >
      {createButton}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t("households.title")}
        extra={
          <>
            {permissions.canExportRoster ? (
              <RosterExportButton listQuery={query} isUnmasked={permissions.canRevealPersonalData} />
            ) : null}
            {createButton}
          </>
        }
      />
      <HouseholdFilters params={params} onChange={update} canPickCaseworker={user.role !== "caseworker"} />
      {householdsQuery.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(householdsQuery.error)}
          action={<Button onClick={() => householdsQuery.refetch()}>{t("common.retry")}</Button>}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <HouseholdsTable
        rows={householdsQuery.data?.rows ?? []}
        total={householdsQuery.data?.total ?? 0}
        totalIsExact={householdsQuery.data?.totalIsExact ?? true}
        params={params}
        isLoading={householdsQuery.isFetching}
        isMobile={isMobile}
        empty={householdsQuery.isPending ? <span /> : empty}
        onChange={update}
      />
    </>
  );
}
