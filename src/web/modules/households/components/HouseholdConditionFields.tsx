import { Card, Checkbox, Col, Form, InputNumber, Row, Select } from "antd";
import { DANGEROUS_HOUSE_GRADES, FUEL_TYPES } from "../../../../shared/household-codes.js";
import { useT } from "../../../i18n/useT.js";
import { useCodeLabels } from "../hooks/useCodeLabels.js";

const AREAS = [
  ["cultivatedLandMu", "households.form.mu"],
  ["forestLandMu", "households.form.mu"],
  ["houseAreaM2", "households.form.squareMetres"],
] as const;

const CONDITIONS = [
  "hasElectricity",
  "isDrinkingWaterSafe",
  "hasWaterDifficulty",
  "hasRoadToHouse",
  "hasSanitaryToilet",
  "isCooperativeMember",
] as const;

/** Production and living conditions: land, house and its safety grade, electricity, water, road, toilet, fuel. */
export function HouseholdConditionFields() {
  const t = useT();
  const { options } = useCodeLabels();
  return (
    <Card size="small" title={t("households.detail.conditions")}>
      <Row gutter={16}>
        {AREAS.map(([name, unit]) => (
          <Col key={name} xs={12} lg={8}>
            <Form.Item name={name} label={t(`households.fields.${name}`)}>
              <InputNumber min={0} max={1_000_000} step={0.1} suffix={t(unit)} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        ))}
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name="dangerousHouseGrade" label={t("households.fields.dangerousHouseGrade")}>
            <Select options={options(DANGEROUS_HOUSE_GRADES)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name="fuel"
            label={t("households.fields.fuel")}
            rules={[
              {
                required: true,
                message: t("households.form.requiredChoice", { field: t("households.fields.fuel") }),
              },
            ]}
          >
            <Select options={options(FUEL_TYPES)} placeholder={t("households.form.choose")} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Row gutter={[16, 0]}>
            {CONDITIONS.map((name) => (
              <Col key={name} xs={24} sm={12} lg={8}>
                <Form.Item name={name} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox data-testid={`household-${name}`}>{t(`households.fields.${name}`)}</Checkbox>
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Col>
      </Row>
    </Card>
  );
}
