import { App, Button, type ButtonProps } from "antd";
import { useNavigate } from "react-router";
import { useT } from "../../../i18n/useT.js";
import { useLogout } from "../../session/hooks/useLogout.js";
import { usePhone } from "../hooks/usePhone.js";
import { clearPhone } from "../utils/phoneDb.js";
import { forgetPhoneUser } from "../utils/phoneUser.js";

/**
 * Signs out and forgets the phone's households. With visits still unsent it warns first: signing
 * out deletes them from the phone, and they can no longer be sent.
 */
export function PhoneLogoutButton() {
  const t = useT();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const logoutMutation = useLogout();
  const { unsentCount, user } = usePhone();

  const signOut = async () => {
    await logoutMutation.mutateAsync().catch(() => undefined);
    await clearPhone(user.id);
    forgetPhoneUser();
    navigate("/login", { replace: true });
  };

  const handleClick = () => {
    if (unsentCount > 0) {
      modal.confirm({
        title: t("visits.logout.unsentTitle", { count: unsentCount }),
        content: t("visits.logout.unsentText"),
        okText: t("visits.logout.anyway"),
        okButtonProps: { danger: true, "data-testid": "logout-anyway" } as ButtonProps,
        cancelText: t("visits.logout.stay"),
        onOk: signOut,
      });
      return;
    }
    modal.confirm({
      title: t("session.logoutConfirmTitle"),
      content: t("session.logoutConfirmText"),
      okText: t("session.logout"),
      cancelText: t("common.cancel"),
      onOk: signOut,
    });
  };

  return (
    <Button data-testid="phone-logout" onClick={handleClick} style={{ height: 40 }}>
      {t("session.logout")}
    </Button>
  );
}
