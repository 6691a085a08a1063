import { Input } from "antd";
import { type CSSProperties, useEffect, useRef, useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { SearchIcon } from "../../../ui/SearchIcon.js";
import { useDebouncedValue } from "../../../ui/useDebouncedValue.js";

/**
 * The list's search box: names, household number, ID-number tail or phone tail. What is typed is
 * sent once typing pauses; a value arriving from the address (back button, shared link) replaces it.
 */
export function HouseholdSearchBox({
  value,
  onChange,
  style,
}: {
  value: string;
  onChange: (q: string) => void;
  style?: CSSProperties;
}) {
  const t = useT();
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text.trim(), 350);
  const lastSent = useRef(value);

  useEffect(() => {
    if (debounced === lastSent.current) return;
    lastSent.current = debounced;
    onChange(debounced);
  }, [debounced, onChange]);

  useEffect(() => {
    if (value === lastSent.current) return;
    lastSent.current = value;
    setText(value);
  }, [value]);

  return (
    <Input
      data-testid="household-search"
      allowClear
      prefix={<SearchIcon />}
      value={text}
      maxLength={50}
      inputMode="search"
      enterKeyHint="search"
      onChange={(event) => setText(event.target.value)}
      placeholder={t("households.searchPlaceholder")}
      style={style}
    />
  );
}
