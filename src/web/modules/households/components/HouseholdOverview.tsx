import { Card, Descriptions, Flex } from "antd";
import type { HouseholdDetail } from "../../../../shared/api/households.api.js";
import type { Messages } from "../../../i18n/Messages.js";
import { useT } from "../../../i18n/useT.js";
import { useFieldText } from "../hooks/useFieldText.js";
import { regionPathOf } from "../utils/regionPathOf.js";
import { HouseholdStatusTag } from "./HouseholdStatusTag.js";
import { RevealableValue } from "./RevealableValue.js";

type HouseholdField = keyof HouseholdDetail & keyof Messages["households"]["fields"];

const BASIC_FIELDS = [
  "povertyAttribute",
  "identificationStandard",
  "mainCause",
  "secondaryCauses",
] as const satisfies readonly HouseholdField[];

const CONDITION_FIELDS = [
  "cultivatedLandMu",
  "forestLandMu",
  "houseAreaM2",
  "dangerousHouseGrade",
  "hasElectricity",
  "isDrinkingWaterSafe",
  "hasWaterDifficulty",
  "hasRoadToHouse",
  "hasSanitaryToilet",
  "fuel",
  "isCooperativeMember",
] as const satisfies readonly HouseholdField[];

const UNITS: Partial<Record<HouseholdField, "households.form.mu" | "households.form.squareMetres">> = {
  cultivatedLandMu: "households.form.mu",
  forestLandMu: "households.form.mu",
  houseAreaM2: "households.form.squareMetres",
};

/** The household's own fields: registration facts, then production and living conditions. */
export function HouseholdOverview({
  household,
  canReveal,
}: {
  household: HouseholdDetail;
  canReveal: boolean;
}) {
  const t = useT();
  const text = useFieldText();
  const label = (field: HouseholdField) => t(`households.fields.${field}`);
  const plain = (field: HouseholdField) => ({
    key: field,
    label: label(field),
    children: `${text("household", field, household[field])}${UNITS[field] ? ` ${t(UNITS[field])}` : ""}`,
  });

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t("households.detail.basic")}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: "householdNumber", label: label("householdNumber"), children: household.householdNumber },
            {
              key: "region",
              label: label("regionCode"),
              children: t("common.withCode", { text: regionPathOf(household), code: household.regionCode }),
            },
            { key: "address", label: label("address"), children: household.address || "—" },
            {
              key: "status",
              label: label("status"),
              children: <HouseholdStatusTag status={household.status} liftedYear={household.liftedYear} />,
            },
            ...BASIC_FIELDS.map(plain),
            {
              key: "phone",
              label: label("phone"),
              children: (
                <RevealableValue
                  householdId={household.id}
                  field="phone"
                  masked={household.phone}
                  canReveal={canReveal}
                  testId="household-phone"
                />
              ),
            },
            {
              key: "bankAccount",
              label: label("bankAccount"),
              children: (
                <RevealableValue
                  householdId={household.id}
                  field="bankAccount"
                  masked={household.bankAccount}
                  canReveal={canReveal}
                  testId="household-bank-account"
                />
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("households.detail.conditions")}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={CONDITION_FIELDS.map(plain)} />
      </Card>
    </Flex>
  );
}
