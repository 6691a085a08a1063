import { Card, Col, Form, Input, InputNumber, Row, Select } from "antd";
import {
  IDENTIFICATION_STANDARDS,
  POVERTY_ATTRIBUTES,
  POVERTY_CAUSES,
  POVERTY_STATUSES,
} from "../../../../shared/household-codes.js";
import type { Messages } from "../../../i18n/Messages.js";
import { useT } from "../../../i18n/useT.js";
import { RegionPicker } from "../../regions/components/RegionPicker.js";
import { useCodeLabels } from "../hooks/useCodeLabels.js";

/** Registration facts of a household: where, its number, contact, poverty attribute, causes, status. */
export function HouseholdBasicFields({
  regionName,
  isEditing,
}: {
  regionName: string | undefined;
  isEditing: boolean;
}) {
  const t = useT();
  const { options } = useCodeLabels();
  const status = Form.useWatch("status");
  const field = (name: keyof Messages["households"]["fields"]) => t(`households.fields.${name}`);
  const required = (name: keyof Messages["households"]["fields"]) => ({
    required: true,
    message: t("households.form.required", { field: field(name) }),
  });
  const chosen = (name: keyof Messages["households"]["fields"]) => ({
    required: true,
    message: t("households.form.requiredChoice", { field: field(name) }),
  });

  return (
    <Card size="small" title={t("households.detail.basic")}>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="regionCode"
            label={field("regionCode")}
            extra={t("households.form.regionHint")}
            rules={[chosen("regionCode")]}
          >
            <RegionPicker testId="household-region" selectedName={regionName} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="householdNumber"
            label={field("householdNumber")}
            rules={[
              required("householdNumber"),
              { max: 30, message: t("households.form.tooLong", { max: 30 }) },
            ]}
          >
            <Input data-testid="household-number-input" autoComplete="off" inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="address"
            label={field("address")}
            rules={[{ max: 200, message: t("households.form.tooLong", { max: 200 }) }]}
          >
            <Input data-testid="household-address" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="phone"
            label={field("phone")}
            extra={isEditing ? t("households.form.maskedHint") : undefined}
          >
            <Input data-testid="household-phone-input" inputMode="tel" autoComplete="off" maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="bankAccount" label={field("bankAccount")}>
            <Input
              data-testid="household-bank-account-input"
              inputMode="numeric"
              autoComplete="off"
              maxLength={40}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name="povertyAttribute"
            label={field("povertyAttribute")}
            rules={[chosen("povertyAttribute")]}
          >
            <Select options={options(POVERTY_ATTRIBUTES)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name="identificationStandard"
            label={field("identificationStandard")}
            rules={[chosen("identificationStandard")]}
          >
            <Select options={options(IDENTIFICATION_STANDARDS)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name="mainCause" label={field("mainCause")} rules={[chosen("mainCause")]}>
            <Select
              data-testid="household-main-cause"
              options={options(POVERTY_CAUSES)}
              placeholder={t("households.form.choose")}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name="secondaryCauses"
            label={field("secondaryCauses")}
            rules={[{ type: "array", max: 5, message: t("households.form.tooMany", { max: 5 }) }]}
          >
            <Select
              mode="multiple"
              options={options(POVERTY_CAUSES)}
              placeholder={t("households.form.choose")}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name="status" label={field("status")} rules={[chosen("status")]}>
            <Select data-testid="household-status" options={options(POVERTY_STATUSES)} />
          </Form.Item>
        </Col>
        {status && status !== "not_lifted" ? (
          <Col xs={24} sm={12} lg={8}>
            <Form.Item
              name="liftedYear"
              label={field("liftedYear")}
              rules={status === "lifted" ? [required("liftedYear")] : []}
            >
              <InputNumber
                min={2013}
                max={new Date().getFullYear()}
                precision={0}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}
