import { Table, type TableColumnsType, Typography } from "antd";
import type { ReactNode } from "react";
import type { AuditEntry } from "../../../../shared/api/audit.api.js";
import { REGION_LEVELS, ROLES } from "../../../../shared/roles.js";
import { useI18n } from "../../../i18n/useI18n.js";
import { zh } from "../../../i18n/zh.js";
import { useAuditLabels } from "../hooks/useAuditLabels.js";

interface FieldChange {
  field: string;
  before: ReactNode;
  after: ReactNode;
  isChanged: boolean;
}

// Known fields in a reading order (the dictionary's), unknown ones after them alphabetically.
const FIELD_ORDER = Object.keys(zh.auditFields);
function compareFields(a: string, b: string): number {
  const rankA = FIELD_ORDER.indexOf(a);
  const rankB = FIELD_ORDER.indexOf(b);
  if (rankA !== rankB)
    return (rankA === -1 ? FIELD_ORDER.length : rankA) - (rankB === -1 ? FIELD_ORDER.length : rankB);
  return a.localeCompare(b);
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === "string" && (values as readonly string[]).includes(value);
}

/**
 * An entry's values field by field: before and after for a change (changed fields marked), or
 * the one side that exists for a creation or a removal.
 */
export function AuditDiff({ entry }: { entry: Pick<AuditEntry, "before" | "after"> }) {
  const { t } = useI18n();
  const labels = useAuditLabels();
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareFields);

  if (fields.length === 0) return <Typography.Text type="secondary">{t("audit.noFields")}</Typography.Text>;

  const show = (field: string, values: Record<string, unknown>): ReactNode => {
    const value = values[field];
    if (!Object.hasOwn(values, field) || value === null || value === undefined || value === "") {
      return <Typography.Text type="secondary">—</Typography.Text>;
    }
    if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
    if (field === "role" && isOneOf(ROLES, value)) return t(`roles.${value}`);
    if (field === "level" && isOneOf(REGION_LEVELS, value)) return t(`regionLevels.${value}`);
    if (Array.isArray(value)) return value.map(String).join(", ");
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  };

  const isChange = entry.before !== null && entry.after !== null;
  const rows: FieldChange[] = fields.map((field) => ({
    field,
    before: show(field, before),
    after: show(field, after),
    isChanged: isChange && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  }));

  const columns: TableColumnsType<FieldChange> = [
    {
      title: t("audit.field"),
      dataIndex: "field",
      width: "30%",
      render: (field: string, row) => (
        <Typography.Text strong={row.isChanged} title={field}>
          {labels.field(field)}
        </Typography.Text>
      ),
    },
  ];
  if (isChange) {
    columns.push(
      { title: t("audit.before"), key: "before", render: (_, row) => row.before },
      {
        title: t("audit.after"),
        key: "after",
        render: (_, row) => (row.isChanged ? <Typography.Text mark>{row.after}</Typography.Text> : row.after),
      },
    );
  } else {
    columns.push({
      title: t("audit.value"),
      key: "value",
      render: (_, row) => (entry.after === null ? row.before : row.after),
    });
  }

  return (
    <Table<FieldChange>
      size="small"
      rowKey="field"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={isChange ? { x: 420 } : undefined}
    />
  );
}
