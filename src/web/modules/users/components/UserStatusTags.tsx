import { Flex, Tag } from "antd";
import type { UserRow } from "../../../../shared/api/users.api.js";
import { useT } from "../../../i18n/useT.js";

const STATUS_COLORS: Record<UserRow["status"], string> = {
  active: "green",
  disabled: "default",
  locked: "orange",
};

/** Account status, plus "must change password" and "demo" when they apply. */
export function UserStatusTags({ user }: { user: UserRow }) {
  const t = useT();
  return (
    <Flex wrap gap={4}>
      <Tag color={STATUS_COLORS[user.status]}>{t(`userStatus.${user.status}`)}</Tag>
      {user.mustChangePassword ? <Tag color="gold">{t("users.mustChangePassword")}</Tag> : null}
      {user.isDemo ? <Tag color="purple">{t("users.demo")}</Tag> : null}
    </Flex>
  );
}
