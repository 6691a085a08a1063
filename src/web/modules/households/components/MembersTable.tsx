import { Alert, Button, Flex, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { HouseholdDetail } from "../../../../shared/api/households.api.js";
import {
  HEALTH_STATUSES,
  LABOUR_ABILITIES,
  MEMBER_STATUSES,
  RELATIONS,
  WORK_PLACES,
} from "../../../../shared/household-codes.js";
import type { Messages } from "../../../i18n/Messages.js";
import { useT } from "../../../i18n/useT.js";
import { useCodeLabels } from "../hooks/useCodeLabels.js";
import { MoveMemberModal } from "./MoveMemberModal.js";
import { RevealableValue } from "./RevealableValue.js";

type Member = HouseholdDetail["members"][number];

const STATUS_COLORS: Record<Member["status"], string> = {
  active: "green",
  moved_out: "default",
  deceased: "default",
};

interface MembersTableProps {
  household: HouseholdDetail;
  canReveal: boolean;
  canEdit: boolean;
}

/** The household's members in registration order; moved-out and deceased members stay listed. */
export function MembersTable({ household, canReveal, canEdit }: MembersTableProps) {
  const t = useT();
  const navigate = useNavigate();
  const [moving, setMoving] = useState<Member>();
  const { label } = useCodeLabels();
  const field = (name: keyof Messages["households"]["memberFields"]) => t(`households.memberFields.${name}`);

  const columns: TableColumnsType<Member> = [
    {
      title: field("name"),
      key: "name",
      width: 130,
      fixed: "left",
      render: (_, member) => (
        <Flex vertical>
          <Typography.Text strong={member.relation === "head"}>{member.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label(RELATIONS, member.relation)} · {t(`households.sex.${member.sex}`)} ·{" "}
            {t("households.members.age", { age: member.age })}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: field("idNumber"),
      key: "idNumber",
      width: 230,
      render: (_, member, index) => (
        <Flex vertical>
          <RevealableValue
            householdId={household.id}
            field="idNumber"
            memberId={member.id}
            masked={member.idNumber}
            canReveal={canReveal}
            testId={`member-id-number-${index}`}
          />
          {member.personNumber ? (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12 }}
              data-testid={`member-person-number-${index}`}
            >
              {t("households.members.personNumber", { number: member.personNumber })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: field("phone"),
      key: "phone",
      width: 170,
      render: (_, member, index) => (
        <RevealableValue
          householdId={household.id}
          field="phone"
          memberId={member.id}
          masked={member.phone}
          canReveal={canReveal}
          testId={`member-phone-${index}`}
        />
      ),
    },
    {
      title: field("health"),
      key: "health",
      width: 130,
      render: (_, member) => label(HEALTH_STATUSES, member.health),
    },
    {
      title: field("labourAbility"),
      key: "labour",
      width: 170,
      render: (_, member) => (
        <Flex vertical>
          <span>{label(LABOUR_ABILITIES, member.labourAbility)}</span>
          {member.workPlace !== "none" ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {label(WORK_PLACES, member.workPlace)} ·{" "}
              {t("households.members.months", { months: member.workMonths })}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t("households.members.insurance"),
      key: "insurance",
      width: 170,
      render: (_, member) => (
        <Flex wrap gap={2}>
          {(["hasBasicMedicalInsurance", "hasSeriousIllnessInsurance", "hasBasicPension"] as const).map(
            (name) => (
              <Tag key={name} color={member[name] ? "green" : "default"} style={{ marginInlineEnd: 0 }}>
                {t(`households.members.insuranceShort.${name}`)}
                {member[name] ? "✓" : "✗"}
              </Tag>
            ),
          )}
        </Flex>
      ),
    },
    {
      title: field("status"),
      key: "status",
      width: 90,
      render: (_, member) => (
        <Tag color={STATUS_COLORS[member.status]}>{label(MEMBER_STATUSES, member.status)}</Tag>
      ),
    },
  ];
  if (canEdit) {
    columns.push({
      title: t("common.actions"),
      key: "actions",
      width: 120,
      render: (_, member, index) => (
        <Flex wrap gap={4}>
          <Button
            type="link"
            data-testid={`member-row-edit-${index}`}
            style={{ paddingInline: 4 }}
            onClick={() => navigate(`/households/${household.id}/edit?member=${index}`)}
          >
            {t("common.edit")}
          </Button>
          {member.status === "active" ? (
            <Button
              type="link"
              data-testid={`member-move-${index}`}
              style={{ paddingInline: 4 }}
              onClick={() => setMoving(member)}
            >
              {t("households.move.action")}
            </Button>
          ) : null}
        </Flex>
      ),
    });
  }

  return (
    <Flex vertical gap={12}>
      {canReveal ? <Alert type="info" showIcon title={t("households.reveal.notice")} /> : null}
      <Table<Member>
        data-testid="members-table"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={household.members}
        pagination={false}
        scroll={{ x: canEdit ? 1210 : 1090 }}
        onRow={(member) => ({ style: member.status === "active" ? undefined : { opacity: 0.6 } })}
      />
      {canEdit ? (
        <MoveMemberModal household={household} member={moving} onClose={() => setMoving(undefined)} />
      ) : null}
    </Flex>
  );
}
