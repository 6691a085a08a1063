import { Card, Col, Form, InputNumber, Row, Typography } from "antd";
import type { IncomeDraft } from "../../../../shared/household-draft.js";
import {
  activeMembers,
  emptyIncome,
  perCapitaNetIncome,
  transferPartsTotal,
} from "../../../../shared/household-income.js";
import type { Messages } from "../../../i18n/Messages.js";
import { useT } from "../../../i18n/useT.js";
import { formatYuan } from "../utils/formatYuan.js";
import type { MemberFormValues } from "../utils/HouseholdFormValues.js";

const EARNED = ["wage", "business", "property"] as const;
const TRANSFER_PARTS = ["pension", "dibao", "tekun", "ecoCompensation", "otherTransfer"] as const;

/**
 * The year's income account. Transfer income is the sum of its parts and is computed, not typed;
 * per-capita net income is shown as it will be saved. Choosing a year already on record loads it.
 */
export function IncomeFields({ recorded }: { recorded: readonly IncomeDraft[] }) {
  const t = useT();
  const form = Form.useFormInstance();
  const income =
    (Form.useWatch("income") as IncomeDraft | undefined) ?? emptyIncome(new Date().getFullYear());
  const members = (Form.useWatch("members") as MemberFormValues[] | undefined) ?? [];
  const amount = (value: number | null | undefined) => (typeof value === "number" ? value : 0);
  const filled = {
    ...income,
    ...Object.fromEntries(
      [...EARNED, ...TRANSFER_PARTS, "businessCosts"].map((name) => [
        name,
        amount(income[name as keyof IncomeDraft]),
      ]),
    ),
  } as IncomeDraft;
  const transfer = transferPartsTotal(filled);
  const count = activeMembers(members.filter(Boolean)).length;
  const perCapita = perCapitaNetIncome({ ...filled, transfer }, count);
  const money = (name: keyof IncomeDraft & keyof Messages["households"]["incomeFields"]) => (
    <Col key={name} xs={12} sm={8} lg={6}>
      <Form.Item name={["income", name]} label={t(`households.incomeFields.${name}`)}>
        <InputNumber
          data-testid={`income-${name}`}
          min={0}
          max={100_000_000}
          precision={2}
          style={{ width: "100%" }}
        />
      </Form.Item>
    </Col>
  );

  const handleYearChange = (year: number | null) => {
    const onRecord = recorded.find((entry) => entry.year === year);
    if (onRecord) form.setFieldValue("income", { ...onRecord });
  };

  return (
    <Card size="small" title={t("households.detail.tabs.income")}>
      <Row gutter={16}>
        <Col xs={12} sm={8} lg={6}>
          <Form.Item
            name={["income", "year"]}
            label={t("households.incomeFields.year")}
            extra={recorded.length > 0 ? t("households.form.yearHint") : undefined}
            rules={[
              {
                required: true,
                message: t("households.form.required", { field: t("households.incomeFields.year") }),
              },
            ]}
          >
            <InputNumber
              data-testid="income-year"
              min={2010}
              max={2100}
              precision={0}
              style={{ width: "100%" }}
              onChange={handleYearChange}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        {EARNED.map(money)}
        {money("businessCosts")}
      </Row>
      <Typography.Text type="secondary">{t("households.form.transferParts")}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 8 }}>
        {TRANSFER_PARTS.map(money)}
      </Row>
      <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="income-preview">
        {t("households.form.transferTotal", { amount: formatYuan(transfer) })}
        <br />
        <Typography.Text strong>
          {perCapita === null
            ? t("households.form.perCapitaUnknown")
            : t("households.form.perCapitaPreview", { amount: formatYuan(perCapita), count })}
        </Typography.Text>
      </Typography.Paragraph>
    </Card>
  );
}
