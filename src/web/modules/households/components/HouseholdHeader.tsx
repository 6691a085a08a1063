import { Button, Flex, Input, Space, Typography } from "antd";
import { Link } from "react-router";
import type { HouseholdDetail } from "../../../../shared/api/households.api.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { regionPathOf } from "../utils/regionPathOf.js";
import { HouseholdStatusTag } from "./HouseholdStatusTag.js";

interface HouseholdHeaderProps {
  household: HouseholdDetail;
  canEdit: boolean;
  /** The date in the "as of" picker (yyyy-MM-dd), empty for now. */
  asOfDate: string;
  isPast: boolean;
  onAsOfChange: (date: string) => void;
}

/** A household's number, head, region path and status, with "edit" and the "as of date" picker. */
export function HouseholdHeader({
  household,
  canEdit,
  asOfDate,
  isPast,
  onAsOfChange,
}: HouseholdHeaderProps) {
  const t = useT();
  const head = household.members.find((member) => member.relation === "head" && member.status === "active");
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Flex wrap justify="space-between" align="center" gap={12}>
        <Flex wrap align="center" gap={8} style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="household-title">
            {head ? t("households.detail.title", { name: head.name }) : t("households.noHead")}
          </Typography.Title>
          <HouseholdStatusTag status={household.status} liftedYear={household.liftedYear} />
        </Flex>
        <Flex wrap gap={8}>
          <Link to="/households">
            <Button>{t("households.detail.backToList")}</Button>
          </Link>
          {canEdit ? (
            <Link
              to={`/households/${household.id}/edit`}
              onClick={(event) => isPast && event.preventDefault()}
              aria-disabled={isPast}
            >
              <Button type="primary" data-testid="household-edit" disabled={isPast}>
                {t("common.edit")}
              </Button>
            </Link>
          ) : null}
        </Flex>
      </Flex>
      <Typography.Text type="secondary" data-testid="household-number">
        {t("households.fields.householdNumber")} {household.householdNumber} · {regionPathOf(household)}
      </Typography.Text>
      <Flex wrap align="center" gap={8}>
        <Typography.Text type="secondary">
          {t("households.detail.version", { version: household.version })} ·{" "}
          {t("households.detail.updatedAt", { at: formatDateTime(household.updatedAt) })}
        </Typography.Text>
        <Typography.Text type="secondary">{t("households.detail.asOf")}</Typography.Text>
        <Space.Compact>
          <Input
            type="date"
            data-testid="household-as-of"
            aria-label={t("households.detail.asOf")}
            value={asOfDate}
            max={new Date().toISOString().slice(0, 10)}
            onChange={(event) => onAsOfChange(event.target.value)}
            style={{ width: 160 }}
          />
          {isPast ? (
            <Button data-testid="household-as-of-clear" onClick={() => onAsOfChange("")}>
              {t("households.detail.backToCurrent")}
            </Button>
          ) : null}
        </Space.Compact>
      </Flex>
    </Flex>
  );
}
