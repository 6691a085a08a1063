import { Button, Flex, Select } from "antd";
import { useState } from "react";
import { HOUSEHOLD_SORTS } from "../../../../shared/api/households.api.js";
import { POVERTY_ATTRIBUTES, POVERTY_CAUSES, POVERTY_STATUSES } from "../../../../shared/household-codes.js";
import { useT } from "../../../i18n/useT.js";
import { useIsMobile } from "../../../ui/useIsMobile.js";
import { RegionPicker } from "../../regions/components/RegionPicker.js";
import { useCodeLabels } from "../hooks/useCodeLabels.js";
import { activeFilterCount, type HouseholdListParams, NO_FILTERS } from "../hooks/useHouseholdListParams.js";
import { useRegionName } from "../hooks/useRegionName.js";
import { GUARANTEE_ORDER } from "../utils/guaranteeOrder.js";
import { INCOME_BANDS, type IncomeBand } from "../utils/incomeBands.js";
import { CaseworkerPicker } from "./CaseworkerPicker.js";
import { HouseholdSearchBox } from "./HouseholdSearchBox.js";

const SORT_CHOICES = HOUSEHOLD_SORTS.flatMap((sort) => [`${sort}.asc`, `${sort}.desc`] as const);

interface HouseholdFiltersProps {
  params: HouseholdListParams;
  onChange: (changes: Partial<HouseholdListParams>, options?: { replace?: boolean }) => void;
  canPickCaseworker: boolean;
}

/**
 * Search and filters of the household list, applied as they change. On a phone the filters fold
 * away behind one button so that the households stay in view; the search box always shows.
 */
export function HouseholdFilters({ params, onChange, canPickCaseworker }: HouseholdFiltersProps) {
  const t = useT();
  const isMobile = useIsMobile();
  const { options } = useCodeLabels();
  const regionName = useRegionName(params.regionCode);
  const [isOpenOnPhone, setIsOpenOnPhone] = useState(false);
  const count = activeFilterCount(params);
  const width = (desktop: number) => (isMobile ? "100%" : desktop);
  const sortValue = `${params.sort}.${params.order}`;

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Flex wrap gap={8}>
        <HouseholdSearchBox
          value={params.q}
          onChange={(q) => onChange({ q }, { replace: true })}
          style={{ width: width(360), flex: isMobile ? "1 1 100%" : undefined }}
        />
        {isMobile ? (
          <Button block data-testid="household-filters-toggle" onClick={() => setIsOpenOnPhone((o) => !o)}>
            {count > 0 ? t("households.filtersActive", { count }) : t("households.filters")}
          </Button>
        ) : null}
      </Flex>
      <Flex wrap gap={8} style={{ display: isMobile && !isOpenOnPhone ? "none" : undefined }}>
        <RegionPicker
          testId="household-filter-region"
          allowClear
          value={params.regionCode}
          selectedName={regionName.data}
          onChange={(regionCode) => onChange({ regionCode })}
          placeholder={t("households.allRegions")}
          style={{ width: width(200) }}
        />
        <Select
          data-testid="household-filter-status"
          allowClear
          value={params.status}
          onChange={(status) => onChange({ status: status ?? undefined })}
          placeholder={t("households.allStatuses")}
          style={{ width: width(130) }}
          options={options(POVERTY_STATUSES)}
        />
        <Select
          data-testid="household-filter-attribute"
          allowClear
          value={params.povertyAttribute}
          onChange={(povertyAttribute) => onChange({ povertyAttribute: povertyAttribute ?? undefined })}
          placeholder={t("households.allAttributes")}
          style={{ width: width(170) }}
          popupMatchSelectWidth={false}
          options={options(POVERTY_ATTRIBUTES)}
        />
        <Select
          data-testid="household-filter-cause"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          value={params.cause}
          onChange={(cause) => onChange({ cause: cause ?? undefined })}
          placeholder={t("households.allCauses")}
          style={{ width: width(150) }}
          popupMatchSelectWidth={false}
          options={options(POVERTY_CAUSES)}
        />
        <Select<IncomeBand>
          data-testid="household-filter-income"
          allowClear
          value={params.incomeBand}
          onChange={(incomeBand) => onChange({ incomeBand: incomeBand ?? undefined })}
          placeholder={t("households.allIncomeBands")}
          style={{ width: width(180) }}
          popupMatchSelectWidth={false}
          options={(Object.keys(INCOME_BANDS) as IncomeBand[]).map((band) => ({
            value: band,
            label: t(`households.incomeBands.${band}`),
          }))}
        />
        <Select
          data-testid="household-filter-guarantee"
          allowClear
          value={params.guaranteeAtRisk}
          onChange={(guaranteeAtRisk) => onChange({ guaranteeAtRisk: guaranteeAtRisk ?? undefined })}
          placeholder={t("households.anyGuarantee")}
          style={{ width: width(170) }}
          popupMatchSelectWidth={false}
          options={GUARANTEE_ORDER.map((guarantee) => ({
            value: guarantee,
            label: t("households.guaranteeNotMet", { name: t(`households.guarantees.names.${guarantee}`) }),
          }))}
        />
        {canPickCaseworker ? (
          <CaseworkerPicker<string>
            testId="household-filter-caseworker"
            allowClear
            value={params.caseworkerId}
            onChange={(caseworkerId) => onChange({ caseworkerId })}
            placeholder={t("households.allCaseworkers")}
            style={{ width: width(170) }}
          />
        ) : null}
        <Select<"true" | "false">
          data-testid="household-filter-warnings"
          allowClear
          value={params.hasWarnings}
          onChange={(hasWarnings) => onChange({ hasWarnings: hasWarnings ?? undefined })}
          placeholder={t("households.anyWarnings")}
          style={{ width: width(150) }}
          popupMatchSelectWidth={false}
          options={[
            { value: "true", label: t("households.withWarnings") },
            { value: "false", label: t("households.withoutWarnings") },
          ]}
        />
        <Select<string>
          data-testid="household-sort"
          value={sortValue}
          onChange={(choice) => {
            const [sort, order] = choice.split(".") as [HouseholdListParams["sort"], "asc" | "desc"];
            onChange({ sort, order });
          }}
          style={{ width: width(170) }}
          popupMatchSelectWidth={false}
          options={SORT_CHOICES.map((choice) => ({
            value: choice,
            label: t(`households.sorts.${choice.replace(".", "_") as SortKey}`),
          }))}
        />
        {count > 0 ? (
          <Button data-testid="household-filters-clear" block={isMobile} onClick={() => onChange(NO_FILTERS)}>
            {t("households.clearFilters")}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
}

type SortKey = `${HouseholdListParams["sort"]}_${HouseholdListParams["order"]}`;
