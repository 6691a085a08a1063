import { Tag } from "antd";
import { POVERTY_STATUSES } from "../../../../shared/household-codes.js";
import { useT } from "../../../i18n/useT.js";
import { useCodeLabels } from "../hooks/useCodeLabels.js";

const STATUS_COLORS: Record<keyof typeof POVERTY_STATUSES, string> = {
  not_lifted: "orange",
  lifted: "green",
  returned: "red",
  removed: "default",
};

/** Poverty status as a coloured tag, with the year lifted when there is one. */
export function HouseholdStatusTag({
  status,
  liftedYear,
}: {
  status: keyof typeof POVERTY_STATUSES;
  liftedYear: number | null;
}) {
  const t = useT();
  const { label } = useCodeLabels();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {label(POVERTY_STATUSES, status)}
      {status === "lifted" && liftedYear ? ` · ${t("households.liftedIn", { year: liftedYear })}` : ""}
    </Tag>
  );
}
