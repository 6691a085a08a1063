import { Flex, Select, Typography } from "antd";
import { useState } from "react";
import type { HouseholdListRow } from "../../../../shared/api/households.api.js";
import { useT } from "../../../i18n/useT.js";
import { useDebouncedValue } from "../../../ui/useDebouncedValue.js";
import { useHouseholds } from "../hooks/useHouseholds.js";

interface HouseholdPickerProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** Called with the chosen household's row (its version is needed to write to it). */
  onPick: (household: HouseholdListRow | undefined) => void;
  excludeId: string;
  testId?: string;
}

/** Chooses a household in the user's scope by name, household number or ID-number tail. */
export function HouseholdPicker({ value, onChange, onPick, excludeId, testId }: HouseholdPickerProps) {
  const t = useT();
  const [searchText, setSearchText] = useState("");
  const q = useDebouncedValue(searchText.trim(), 300);
  const householdsQuery = useHouseholds({ q, page: 1, pageSize: 20 });
  const rows = (householdsQuery.data?.rows ?? []).filter((row) => row.id !== excludeId);

  return (
    <Select<string>
      data-testid={testId}
      value={value}
      placeholder={t("households.move.targetPlaceholder")}
      loading={householdsQuery.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearchText }}
      notFoundContent={householdsQuery.isFetching ? t("common.loading") : t("households.move.noMatch")}
      options={rows.map((row) => ({ value: row.id, label: `${row.headName} · ${row.householdNumber}` }))}
      optionRender={(option) => {
        const row = rows.find((candidate) => candidate.id === option.value);
        return (
          <Flex vertical>
            <span>{row?.headName || t("households.noHead")}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row?.householdNumber} · {row?.regionName}
            </Typography.Text>
          </Flex>
        );
      }}
      onChange={(id) => {
        onChange?.(id);
        onPick(rows.find((row) => row.id === id));
      }}
    />
  );
}
