import { Flex, Form, Tag, Typography } from "antd";
import { MEMBER_STATUSES, RELATIONS } from "../../../../shared/household-codes.js";
import { useT } from "../../../i18n/useT.js";
import { useCodeLabels } from "../hooks/useCodeLabels.js";
import type { MemberFormValues } from "../utils/HouseholdFormValues.js";

/** A member's folded line in the form: number, name, relation and (when not living in) status. */
export function MemberPanelLabel({ index, hasErrors }: { index: number; hasErrors: boolean }) {
  const t = useT();
  const { label } = useCodeLabels();
  const member = Form.useWatch(["members", index]) as MemberFormValues | undefined;
  return (
    <Flex wrap align="center" gap={6} data-testid={`member-edit-${index}`}>
      <Typography.Text strong>
        {t("households.members.numbered", {
          index: index + 1,
          name: member?.name?.trim() || t("households.members.newMember"),
        })}
      </Typography.Text>
      {member?.relation ? (
        <Typography.Text type="secondary">{label(RELATIONS, member.relation)}</Typography.Text>
      ) : null}
      {member?.status && member.status !== "active" ? (
        <Tag>{label(MEMBER_STATUSES, member.status)}</Tag>
      ) : null}
      {hasErrors ? <Tag color="red">{t("households.form.hasErrors")}</Tag> : null}
    </Flex>
  );
}
