import { Tag } from "antd";
import type { RegionSummary } from "../../../../shared/api/regions.api.js";
import { useT } from "../../../i18n/useT.js";

/** Official (统计用区划代码) or added locally by an administrator. */
export function RegionSourceTag({ source }: { source: RegionSummary["source"] }) {
  const t = useT();
  return (
    <Tag color={source === "local" ? "blue" : "default"} variant="outlined">
      {t(`regions.sources.${source}`)}
    </Tag>
  );
}
