import { Select } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { useDebouncedValue } from "../../../ui/useDebouncedValue.js";
import { useRegionSearch } from "../hooks/useRegionSearch.js";
import { RegionOptionLabel } from "./RegionOptionLabel.js";

interface SearchOption {
  value: string;
  label: string;
  path: string;
}

/** Jumps to a region found by name or code (within the user's scope). */
export function RegionSearch({
  onPick,
  isFullWidth,
}: {
  onPick: (code: string) => void;
  isFullWidth: boolean;
}) {
  const t = useT();
  const [searchText, setSearchText] = useState("");
  const debouncedText = useDebouncedValue(searchText, 250);
  const hasText = debouncedText.trim().length > 0;
  const searchQuery = useRegionSearch(debouncedText, hasText);
  const options: SearchOption[] = hasText
    ? (searchQuery.data?.rows ?? []).map((row) => ({ value: row.code, label: row.name, path: row.path }))
    : [];

  return (
    <Select<string | null, SearchOption>
      data-testid="region-search"
      value={null}
      options={options}
      placeholder={t("regions.searchPlaceholder")}
      style={{ width: isFullWidth ? "100%" : 320 }}
      showSearch={{ filterOption: false, onSearch: setSearchText, searchValue: searchText }}
      loading={searchQuery.isFetching}
      notFoundContent={
        hasText
          ? searchQuery.isFetching
            ? t("common.loading")
            : t("regions.noMatch")
          : t("regions.typeToSearch")
      }
      optionRender={(option) => (
        <RegionOptionLabel name={option.data.label} code={option.data.value} path={option.data.path} />
      )}
      onChange={(code) => {
        if (code) {
          setSearchText("");
          onPick(code);
        }
      }}
    />
  );
}
