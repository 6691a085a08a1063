import { Drawer } from "antd";
import type { UserRow } from "../../../../shared/api/users.api.js";
import { useT } from "../../../i18n/useT.js";
import { useIsMobile } from "../../../ui/useIsMobile.js";
import { RecordHistory } from "../../audit/components/RecordHistory.js";

/** The audit entries of one user account, newest first. */
export function UserHistoryDrawer({ user, onClose }: { user: UserRow | undefined; onClose: () => void }) {
  const t = useT();
  const isMobile = useIsMobile();
  return (
    <Drawer
      title={user ? t("users.historyTitle", { name: user.displayName, username: user.username }) : ""}
      open={user !== undefined}
      onClose={onClose}
      size={isMobile ? "100%" : 720}
      destroyOnHidden
    >
      {user ? <RecordHistory entityType="user" entityId={user.id} /> : null}
    </Drawer>
  );
}
