import { Breadcrumb } from "antd";
import { Link } from "react-router";
import type { RegionSummary } from "../../../../shared/api/regions.api.js";
import { isWithinScope } from "../../../../shared/division-code.js";

/** The path from the country down to `region`; only levels within the user's scope are links. */
export function RegionBreadcrumb({
  ancestors,
  region,
  scopeCode,
}: {
  ancestors: readonly RegionSummary[];
  region: RegionSummary;
  scopeCode: string;
}) {
  const items = [
    ...ancestors.map((ancestor) => ({
      key: ancestor.code,
      title: isWithinScope(ancestor.code, scopeCode) ? (
        <Link to={`/regions/${ancestor.code}`}>{ancestor.name}</Link>
      ) : (
        ancestor.name
      ),
    })),
    { key: region.code, title: region.name },
  ];
  return <Breadcrumb items={items} style={{ marginBottom: 12 }} />;
}
