import { Result } from "antd";
import type { ReactNode } from "react";
import { useT } from "../i18n/useT.js";
import { useCurrentUser } from "../modules/session/hooks/useCurrentUser.js";
import { type Permissions, permissionsOf } from "../modules/session/permissionsOf.js";

/** Shows its children only when the user's role has `permission`. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: keyof Permissions;
  children: ReactNode;
}) {
  const t = useT();
  const user = useCurrentUser();
  if (!permissionsOf(user.role)[permission]) {
    return <Result status="403" title={t("errors.forbiddenTitle")} subTitle={t("errors.forbiddenText")} />;
  }
  return children;
}
