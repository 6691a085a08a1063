import { Flex, Input, Select } from "antd";
import { useEffect, useState } from "react";
import { ROLES, type Role } from "../../../../shared/roles.js";
import { useT } from "../../../i18n/useT.js";
import { SearchIcon } from "../../../ui/SearchIcon.js";
import { useDebouncedValue } from "../../../ui/useDebouncedValue.js";
import { useIsMobile } from "../../../ui/useIsMobile.js";
import { RegionPicker } from "../../regions/components/RegionPicker.js";

export interface UserFilterValues {
  q: string;
  role?: Role;
  status?: "active" | "disabled";
  regionCode?: string;
}

/** Search by name or username, and filters by role, status and region; changes apply as you type. */
export function UserFilters({ onChange }: { onChange: (filter: UserFilterValues) => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  const [text, setText] = useState("");
  const [role, setRole] = useState<Role>();
  const [status, setStatus] = useState<"active" | "disabled">();
  const [regionCode, setRegionCode] = useState<string>();
  const q = useDebouncedValue(text.trim(), 300);

  useEffect(() => {
    onChange({ q, role, status, regionCode });
  }, [q, role, status, regionCode, onChange]);

  const width = (desktop: number) => (isMobile ? "100%" : desktop);
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }}>
      <Input
        data-testid="user-search"
        allowClear
        prefix={<SearchIcon />}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={t("users.searchPlaceholder")}
        style={{ width: width(260) }}
        maxLength={50}
      />
      <Select<Role>
        data-testid="user-filter-role"
        allowClear
        value={role}
        onChange={(value) => setRole(value ?? undefined)}
        placeholder={t("users.allRoles")}
        style={{ width: width(170) }}
        options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
      />
      <Select<"active" | "disabled">
        data-testid="user-filter-status"
        allowClear
        value={status}
        onChange={(value) => setStatus(value ?? undefined)}
        placeholder={t("users.allStatuses")}
        style={{ width: width(140) }}
        options={[
          { value: "active", label: t("userStatus.active") },
          { value: "disabled", label: t("userStatus.disabled") },
        ]}
      />
      <RegionPicker
        testId="user-filter-region"
        allowClear
        value={regionCode}
        onChange={setRegionCode}
        placeholder={t("users.allRegions")}
        style={{ width: width(240) }}
      />
    </Flex>
  );
}
