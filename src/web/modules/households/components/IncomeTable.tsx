import { Empty, Table, type TableColumnsType, Tooltip, Typography } from "antd";
import type { HouseholdDetail } from "../../../../shared/api/households.api.js";
import { netIncome } from "../../../../shared/household-income.js";
import type { Messages } from "../../../i18n/Messages.js";
import { useT } from "../../../i18n/useT.js";
import { formatYuan } from "../utils/formatYuan.js";

type Income = HouseholdDetail["incomes"][number];

const TRANSFER_PARTS = ["pension", "dibao", "tekun", "ecoCompensation", "otherTransfer"] as const;

/** Income by year, newest first, with net and per-capita net income (人均纯收入). */
export function IncomeTable({ incomes }: { incomes: Income[] }) {
  const t = useT();
  const field = (name: keyof Messages["households"]["incomeFields"]) => t(`households.incomeFields.${name}`);
  const money = (name: "wage" | "business" | "property" | "businessCosts") => ({
    title: field(name),
    dataIndex: name,
    width: 110,
    align: "right" as const,
    render: (value: number) => formatYuan(value),
  });

  const columns: TableColumnsType<Income> = [
    { title: field("year"), dataIndex: "year", width: 70, fixed: "left" },
    {
      title: field("perCapitaIncome"),
      dataIndex: "perCapitaIncome",
      width: 130,
      align: "right",
      render: (value: string | null) => <Typography.Text strong>{formatYuan(value)}</Typography.Text>,
    },
    money("wage"),
    money("business"),
    money("property"),
    {
      title: field("transfer"),
      dataIndex: "transfer",
      width: 110,
      align: "right",
      render: (value: number, income) => (
        <Tooltip
          title={TRANSFER_PARTS.map((part) => `${field(part)} ${formatYuan(income[part])}`).join(
            t("common.clauseSeparator"),
          )}
        >
          <span style={{ borderBottom: "1px dashed" }}>{formatYuan(value)}</span>
        </Tooltip>
      ),
    },
    money("businessCosts"),
    {
      title: t("households.income.net"),
      key: "net",
      width: 120,
      align: "right",
      render: (_, income) => formatYuan(netIncome(income)),
    },
    { title: field("memberCount"), dataIndex: "memberCount", width: 80, align: "right" },
  ];

  return (
    <Table<Income>
      data-testid="income-table"
      rowKey="year"
      size="small"
      columns={columns}
      dataSource={[...incomes].sort((a, b) => b.year - a.year)}
      pagination={false}
      scroll={{ x: 960 }}
      locale={{ emptyText: <Empty description={t("households.income.empty")} /> }}
      footer={() => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("households.income.formula")}
        </Typography.Text>
      )}
    />
  );
}
