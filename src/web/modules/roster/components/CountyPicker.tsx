import { Select } from "antd";
import { useEffect, useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { useDebouncedValue } from "../../../ui/useDebouncedValue.js";
import { RegionOptionLabel } from "../../regions/components/RegionOptionLabel.js";
import { useCountySearch } from "../hooks/useCountySearch.js";

interface CountyOption {
  value: string;
  label: string;
  path: string;
}

interface CountyPickerProps {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  status?: "error";
  testId?: string;
  id?: string;
}

/**
 * Chooses one of the counties in the user's scope by name or code; when the scope holds exactly one
 * county, it is chosen at once.
 */
export function CountyPicker({ value, onChange, status, testId, id }: CountyPickerProps) {
  const t = useT();
  const [searchText, setSearchText] = useState("");
  const countiesQuery = useCountySearch(useDebouncedValue(searchText, 250));
  const allCounties = useCountySearch("");

  const onlyCounty = allCounties.data?.rows.length === 1 ? allCounties.data.rows[0] : undefined;
  useEffect(() => {
    if (onlyCounty && value === undefined) onChange(onlyCounty.code);
  }, [onlyCounty, value, onChange]);

  const options: CountyOption[] = (countiesQuery.data?.rows ?? []).map((row) => ({
    value: row.code,
    label: row.name,
    path: row.path,
  }));
  const chosen = allCounties.data?.rows.find((row) => row.code === value);
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: chosen?.name ?? value, path: chosen?.path ?? "" });
  }

  return (
    <Select<string, CountyOption>
      id={id}
      data-testid={testId}
      value={value}
      options={options}
      status={status}
      placeholder={t("roster.upload.countyPlaceholder")}
      loading={countiesQuery.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearchText }}
      notFoundContent={countiesQuery.isFetching ? t("common.loading") : t("regions.noMatch")}
      optionRender={(option) => (
        <RegionOptionLabel name={option.data.label} code={option.data.value} path={option.data.path} />
      )}
      onChange={(code) => onChange(code ?? undefined)}
      style={{ width: "100%" }}
    />
  );
}
