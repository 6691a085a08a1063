import { Select } from "antd";
import { type CSSProperties, useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { useDebouncedValue } from "../../../ui/useDebouncedValue.js";
import { useRegionSearch } from "../hooks/useRegionSearch.js";
import { RegionOptionLabel } from "./RegionOptionLabel.js";

interface RegionOption {
  value: string;
  label: string;
  path?: string;
}

interface RegionPickerProps {
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Name of the region already chosen (e.g. when editing), shown until the user searches. */
  selectedName?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  testId?: string;
  id?: string;
}

/**
 * Chooses a region by typing part of its name or code. The server searches only within the
 * user's own scope, so nothing outside it can be picked.
 */
export function RegionPicker({
  value,
  onChange,
  selectedName,
  placeholder,
  allowClear,
  disabled,
  style,
  testId,
  id,
}: RegionPickerProps) {
  const t = useT();
  const [searchText, setSearchText] = useState("");
  const [isOpen, setIsOpen] = useState(false);
  const [chosenNames, setChosenNames] = useState<Record<string, string>>({});
  const debouncedText = useDebouncedValue(searchText, 250);
  const searchQuery = useRegionSearch(debouncedText, isOpen);

  const options: RegionOption[] = (searchQuery.data?.rows ?? []).map((row) => ({
    value: row.code,
    label: row.name,
    path: row.path,
  }));
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: chosenNames[value] ?? selectedName ?? value });
  }

  return (
    <Select<string, RegionOption>
      id={id}
      data-testid={testId}
      value={value}
      options={options}
      placeholder={placeholder ?? t("regions.pickerPlaceholder")}
      allowClear={allowClear}
      disabled={disabled}
      style={style}
      loading={searchQuery.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearchText }}
      onOpenChange={setIsOpen}
      notFoundContent={searchQuery.isFetching ? t("common.loading") : t("regions.noMatch")}
      optionRender={(option) => (
        <RegionOptionLabel name={option.data.label} code={option.data.value} path={option.data.path ?? ""} />
      )}
      onChange={(code, option) => {
        if (code && option && !Array.isArray(option)) {
          setChosenNames((names) => ({ ...names, [code]: option.label }));
        }
        onChange?.(code ?? undefined);
      }}
    />
  );
}
