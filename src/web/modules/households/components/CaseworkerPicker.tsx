import { Flex, Select, Typography } from "antd";
import { type CSSProperties, useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { useDebouncedValue } from "../../../ui/useDebouncedValue.js";
import { useCaseworkerName } from "../hooks/useCaseworkerName.js";
import { useCaseworkerSearch } from "../hooks/useCaseworkerSearch.js";

interface CaseworkerOption {
  value: string;
  label: string;
  username?: string;
}

interface CaseworkerPickerProps<V extends string | string[]> {
  value?: V;
  onChange?: (value: V | undefined) => void;
  isMultiple?: boolean;
  /** Names of caseworkers already chosen (e.g. the household's current ones), shown until searched. */
  knownNames?: Record<string, string>;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  testId?: string;
}

/** Chooses active caseworker accounts in the user's scope by typing part of a name or username. */
export function CaseworkerPicker<V extends string | string[]>({
  value,
  onChange,
  isMultiple = false,
  knownNames = {},
  placeholder,
  allowClear,
  style,
  testId,
}: CaseworkerPickerProps<V>) {
  const t = useT();
  const [searchText, setSearchText] = useState("");
  const [isOpen, setIsOpen] = useState(false);
  const [chosenNames, setChosenNames] = useState<Record<string, string>>({});
  const searchQuery = useCaseworkerSearch(useDebouncedValue(searchText, 250), isOpen);
  const chosen: string[] =
    value === undefined ? [] : typeof value === "string" ? [value] : (value as string[]);
  const single = !isMultiple && typeof value === "string" ? value : undefined;
  const nameOf = (id: string) => chosenNames[id] ?? knownNames[id];
  const nameQuery = useCaseworkerName(single, single !== undefined && nameOf(single) === undefined);

  const options: CaseworkerOption[] = (searchQuery.data?.rows ?? []).map((user) => ({
    value: user.id,
    label: user.displayName,
    username: user.username,
  }));
  for (const id of chosen) {
    if (options.some((option) => option.value === id)) continue;
    options.unshift({ value: id, label: nameOf(id) ?? (id === single ? nameQuery.data : undefined) ?? "…" });
  }

  return (
    <Select<string | string[], CaseworkerOption>
      data-testid={testId}
      mode={isMultiple ? "multiple" : undefined}
      value={value}
      options={options}
      placeholder={placeholder ?? t("households.caseworkers.pickerPlaceholder")}
      allowClear={allowClear}
      style={style}
      loading={searchQuery.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearchText }}
      onOpenChange={setIsOpen}
      notFoundContent={searchQuery.isFetching ? t("common.loading") : t("households.caseworkers.noMatch")}
      optionRender={(option) => (
        <Flex vertical>
          <span>{option.data.label}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.username}
          </Typography.Text>
        </Flex>
      )}
      onChange={(next, picked) => {
        const pickedList = Array.isArray(picked) ? picked : picked ? [picked] : [];
        setChosenNames((names) => ({
          ...names,
          ...Object.fromEntries(pickedList.map((option) => [option.value, option.label])),
        }));
        onChange?.((next ?? undefined) as V | undefined);
      }}
    />
  );
}
