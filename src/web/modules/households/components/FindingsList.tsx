import { Alert, Empty, Flex, List, Tag, Typography } from "antd";
import type { HouseholdDetail } from "../../../../shared/api/households.api.js";
import { FINDING_MESSAGES_EN, type FindingCode } from "../../../../shared/household-findings.js";
import { useI18n } from "../../../i18n/useI18n.js";
import { describeFieldPath } from "../utils/describeFieldPath.js";

function englishOf(code: string): string | undefined {
  return Object.hasOwn(FINDING_MESSAGES_EN, code) ? FINDING_MESSAGES_EN[code as FindingCode] : undefined;
}

/** Data-quality warnings (数据比对) found when the household was last saved: each names its field. */
export function FindingsList({ household }: { household: HouseholdDetail }) {
  const { t, tryT, language } = useI18n();
  if (household.findings.length === 0) return <Empty description={t("households.findings.empty")} />;
  return (
    <Flex vertical gap={12}>
      <Alert type="warning" showIcon title={t("households.findings.intro")} />
      <List
        data-testid="findings-list"
        size="small"
        bordered
        dataSource={household.findings}
        renderItem={(finding) => (
          <List.Item data-testid="finding">
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Flex wrap gap={6} align="center">
                <Tag color={finding.severity === "error" ? "red" : "orange"} style={{ marginInlineEnd: 0 }}>
                  {t(`households.findings.severity.${finding.severity}`)}
                </Tag>
                <Typography.Text strong>
                  {describeFieldPath(finding.path, household.members, t, tryT)}
                </Typography.Text>
              </Flex>
              <Typography.Text>
                {language === "en" ? (englishOf(finding.code) ?? finding.message) : finding.message}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
