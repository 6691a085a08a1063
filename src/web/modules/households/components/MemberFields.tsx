import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Typography } from "antd";
import {
  type CodeList,
  DISABILITY_GRADES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  HEALTH_STATUSES,
  LABOUR_ABILITIES,
  MEMBER_STATUSES,
  RELATIONS,
  SCHOOLING_STATUSES,
  WORK_PLACES,
} from "../../../../shared/household-codes.js";
import { parseIdNumber } from "../../../../shared/id-number.js";
import type { Messages } from "../../../i18n/Messages.js";
import { useT } from "../../../i18n/useT.js";
import { useCodeLabels } from "../hooks/useCodeLabels.js";

type MemberField = keyof Messages["households"]["memberFields"];

const CODED_FIELDS = [
  ["relation", RELATIONS],
  ["ethnicity", ETHNICITIES],
  ["education", EDUCATION_LEVELS],
  ["schoolingStatus", SCHOOLING_STATUSES],
  ["health", HEALTH_STATUSES],
  ["labourAbility", LABOUR_ABILITIES],
  ["workPlace", WORK_PLACES],
] as const;

const INSURANCES = ["hasBasicMedicalInsurance", "hasSeriousIllnessInsurance", "hasBasicPension"] as const;

/** The inputs of member `index`: identity, relation, schooling, health, labour and work, insurance, status. */
export function MemberFields({ index, isExisting }: { index: number; isExisting: boolean }) {
  const t = useT();
  const { options } = useCodeLabels();
  const form = Form.useFormInstance();
  const idNumber = Form.useWatch(["members", index, "idNumber"]) as string | undefined;
  const health = Form.useWatch(["members", index, "health"]) as string | undefined;
  const parsed = idNumber && !idNumber.includes("*") ? parseIdNumber(idNumber) : undefined;
  const label = (name: MemberField) => t(`households.memberFields.${name}`);
  const required = (name: MemberField) => ({
    required: true,
    message: t("households.form.required", { field: label(name) }),
  });
  const chosen = (name: MemberField) => ({
    required: true,
    message: t("households.form.requiredChoice", { field: label(name) }),
  });
  const testId = (name: string) => `member-${index}-${name}`;

  return (
    <Row gutter={16}>
      <Col xs={24} sm={12} lg={8}>
        <Form.Item
          name={[index, "name"]}
          label={label("name")}
          rules={[{ ...required("name"), whitespace: true }]}
        >
          <Input data-testid={testId("name")} autoComplete="off" maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={8}>
        <Form.Item
          name={[index, "idNumber"]}
          label={label("idNumber")}
          rules={[required("idNumber")]}
          extra={
            parsed?.ok
              ? t("households.form.idParsed", {
                  birthDate: parsed.birthDate,
                  sex: t(`households.sex.${parsed.sex}`),
                })
              : isExisting
                ? t("households.form.maskedHint")
                : undefined
          }
        >
          <Input
            data-testid={testId("idNumber")}
            autoComplete="off"
            maxLength={30}
            onChange={(event) => {
              // The sex is in the ID number: fill it in when nothing was chosen yet.
              const read = parseIdNumber(event.target.value);
              if (read.ok && !form.getFieldValue(["members", index, "sex"])) {
                form.setFieldValue(["members", index, "sex"], read.sex);
              }
            }}
          />
        </Form.Item>
      </Col>
      <Col xs={12} sm={12} lg={8}>
        <Form.Item name={[index, "sex"]} label={label("sex")} rules={[chosen("sex")]}>
          <Select
            data-testid={testId("sex")}
            placeholder={t("households.form.choose")}
            options={[
              { value: "male", label: t("households.sex.male") },
              { value: "female", label: t("households.sex.female") },
            ]}
          />
        </Form.Item>
      </Col>
      {CODED_FIELDS.map(([name, list]) => (
        <Col key={name} xs={name === "relation" || name === "ethnicity" ? 12 : 24} sm={12} lg={8}>
          <Form.Item name={[index, name]} label={label(name)} rules={[chosen(name)]}>
            <Select
              data-testid={testId(name)}
              placeholder={t("households.form.choose")}
              options={options(list as CodeList<string>)}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
        </Col>
      ))}
      {health === "disabled" ? (
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name={[index, "disabilityGrade"]}
            label={label("disabilityGrade")}
            rules={[chosen("disabilityGrade")]}
          >
            <Select placeholder={t("households.form.choose")} options={options(DISABILITY_GRADES)} />
          </Form.Item>
        </Col>
      ) : null}
      <Col xs={12} sm={12} lg={8}>
        <Form.Item name={[index, "workMonths"]} label={label("workMonths")}>
          <InputNumber
            data-testid={testId("workMonths")}
            min={0}
            max={12}
            precision={0}
            style={{ width: "100%" }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={8}>
        <Form.Item name={[index, "phone"]} label={label("phone")}>
          <Input data-testid={testId("phone")} inputMode="tel" autoComplete="off" maxLength={20} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12} lg={8}>
        <Form.Item name={[index, "status"]} label={label("status")}>
          <Select data-testid={testId("status")} options={options(MEMBER_STATUSES)} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Typography.Text type="secondary">{t("households.members.insurance")}</Typography.Text>
        <Row gutter={16}>
          {INSURANCES.map((name) => (
            <Col key={name} xs={24} sm={8}>
              <Form.Item name={[index, name]} valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid={testId(name)}>{label(name)}</Checkbox>
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Col>
    </Row>
  );
}
