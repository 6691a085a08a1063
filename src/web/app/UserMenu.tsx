import { App, Avatar, Button, type ButtonProps, Dropdown, Flex, type MenuProps, Typography } from "antd";
import { useNavigate } from "react-router";
import { useT } from "../i18n/useT.js";
import { useCurrentUser } from "../modules/session/hooks/useCurrentUser.js";
import { useSignOut } from "../modules/visits/hooks/useSignOut.js";

/** The signed-in user's name, role and region, with "change password" and "sign out". */
export function UserMenu({ isCompact }: { isCompact: boolean }) {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const { questionFor, countUnsent, signOut } = useSignOut(user.id);
  const roleName = t(`roles.${user.role}`);

  // The same question as the phone mode's: visits saved in this browser and not sent are named.
  const handleLogout = async () => {
    const question = questionFor(await countUnsent());
    modal.confirm({
      title: question.title,
      content: question.text,
      okText: question.confirmText,
      okButtonProps: { danger: question.isRisky, "data-testid": "logout-anyway" } as ButtonProps,
      cancelText: question.cancelText,
      onOk: signOut,
    });
  };

  const items: MenuProps["items"] = [
    {
      key: "who",
      type: "group",
      label: (
        <Flex vertical>
          <Typography.Text strong>{user.displayName}</Typography.Text>
          <Typography.Text type="secondary">
            {roleName} · {user.regionName}
          </Typography.Text>
        </Flex>
      ),
    },
    { type: "divider" },
    { key: "password", label: <span data-testid="menu-change-password">{t("session.changePassword")}</span> },
    { key: "logout", danger: true, label: <span data-testid="menu-logout">{t("session.logout")}</span> },
  ];

  const handleClick: MenuProps["onClick"] = ({ key }) => {
    if (key === "password") navigate("/change-password");
    if (key === "logout") void handleLogout();
  };

  return (
    <Dropdown trigger={["click"]} menu={{ items, onClick: handleClick }} placement="bottomRight">
      <Button
        type="text"
        data-testid="user-menu"
        aria-label={t("session.userMenu")}
        style={{ height: 40, paddingInline: isCompact ? 4 : 8, maxWidth: isCompact ? 48 : 360 }}
      >
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Avatar size={32} style={{ flex: "none" }}>
            {user.displayName.slice(0, 1)}
          </Avatar>
          {isCompact ? null : (
            <Flex vertical align="flex-start" style={{ minWidth: 0, lineHeight: 1.25 }}>
              <Typography.Text strong ellipsis style={{ maxWidth: 280 }}>
                {user.displayName}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 280, fontSize: 12 }}>
                {roleName} · {user.regionName}
              </Typography.Text>
            </Flex>
          )}
        </Flex>
      </Button>
    </Dropdown>
  );
}
