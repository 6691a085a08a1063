import { Alert, Empty, Spin, Table, type TableColumnsType, Typography } from "antd";
import { MEMBER_STATUSES, RELATIONS } from "../../../../shared/household-codes.js";
import { useI18n } from "../../../i18n/useI18n.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useCodeLabels } from "../hooks/useCodeLabels.js";
import { useFieldText } from "../hooks/useFieldText.js";
import { useHouseholdVersion } from "../hooks/useHouseholdVersion.js";
import { diffSnapshots, type SnapshotChange } from "../utils/diffSnapshots.js";

/** What changed between two versions of a household, field by field (personal fields stay masked). */
export function VersionDiff({ householdId, from, to }: { householdId: string; from: number; to: number }) {
  const { t, tryT } = useI18n();
  const errorText = useApiErrorText();
  const text = useFieldText();
  const { label } = useCodeLabels();
  const beforeQuery = useHouseholdVersion(householdId, from);
  const afterQuery = useHouseholdVersion(householdId, to);

  const failed = beforeQuery.error ?? afterQuery.error;
  if (failed) return <Alert type="error" showIcon title={errorText(failed)} />;
  if (!beforeQuery.data || !afterQuery.data) return <Spin />;
  const changes = diffSnapshots(beforeQuery.data.snapshot, afterQuery.data.snapshot);

  const fieldName = (change: SnapshotChange): string => {
    const scopeKey = { household: "fields", member: "memberFields", income: "incomeFields" }[change.scope];
    const name = tryT(`households.${scopeKey}.${change.field}`) ?? change.field;
    if (change.scope === "income") return `${t("households.detail.tabs.income")} · ${name}`;
    if (change.scope !== "member") return name;
    const who = t("households.members.numbered", {
      index: (change.memberIndex ?? -1) + 1,
      name: change.memberName ?? "",
    });
    return change.field === "member" ? who : `${who} · ${name}`;
  };

  const valueText = (change: SnapshotChange, value: unknown): string => {
    if (change.field !== "member") return text(change.scope, change.field, value);
    if (value === null || typeof value !== "object") return "—";
    const member = value as { relation?: string; status?: string };
    return [label(RELATIONS, member.relation), label(MEMBER_STATUSES, member.status)].join(" · ");
  };

  const columns: TableColumnsType<SnapshotChange> = [
    { title: t("households.timeline.field"), key: "field", width: "34%", render: (_, c) => fieldName(c) },
    {
      title: t("households.timeline.versionTitle", { version: from }),
      key: "before",
      render: (_, change) => valueText(change, change.before),
    },
    {
      title: t("households.timeline.versionTitle", { version: to }),
      key: "after",
      render: (_, change) => <Typography.Text mark>{valueText(change, change.after)}</Typography.Text>,
    },
  ];

  if (changes.length === 0) return <Empty description={t("households.timeline.noDifferences")} />;
  return (
    <Table<SnapshotChange>
      data-testid="version-diff"
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={changes}
      pagination={false}
      scroll={{ x: 480 }}
    />
  );
}
