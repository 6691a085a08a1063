import { Card, Flex, List, Tag, Typography } from "antd";
import type { HouseholdDetail } from "../../../../shared/api/households.api.js";
import { useI18n } from "../../../i18n/useI18n.js";
import { GUARANTEE_ORDER } from "../utils/guaranteeOrder.js";
import { LIGHT_COLORS } from "./GuaranteeLightTags.js";

type Guarantee = (typeof GUARANTEE_ORDER)[number];

function isGuarantee(value: string): value is Guarantee {
  return (GUARANTEE_ORDER as readonly string[]).includes(value);
}

/** 两不愁三保障 and safe water as traffic lights, each with the reasons it is not green. */
export function GuaranteesPanel({ guarantees }: { guarantees: HouseholdDetail["guarantees"] }) {
  const { t, language } = useI18n();
  return (
    <Card size="small">
      <List
        data-testid="guarantees-panel"
        dataSource={guarantees}
        renderItem={(assessment) => (
          <List.Item data-testid={`guarantee-${assessment.guarantee}`} style={{ paddingInline: 0 }}>
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Flex align="center" gap={8} wrap>
                <Tag color={LIGHT_COLORS[assessment.light]} style={{ marginInlineEnd: 0 }}>
                  {t(`households.guarantees.lights.${assessment.light}`)}
                </Tag>
                <Typography.Text strong>
                  {isGuarantee(assessment.guarantee)
                    ? t(`households.guarantees.names.${assessment.guarantee}`)
                    : assessment.guarantee}
                </Typography.Text>
              </Flex>
              {assessment.reasons.map((reason) => (
                <Typography.Text key={`${reason.code}-${reason.memberIndex ?? ""}`}>
                  {language === "en" ? reason.en : reason.zh}
                </Typography.Text>
              ))}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
