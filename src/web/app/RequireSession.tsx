import { Button, Flex, Result, Spin } from "antd";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useT } from "../i18n/useT.js";
import { useSession } from "../modules/session/hooks/useSession.js";
import { useApiErrorText } from "../ui/useApiErrorText.js";

/**
 * Shows its children only to a signed-in user; anyone else goes to the login page, and a user
 * who must change their password goes to that screen first.
 */
export function RequireSession({
  children,
  isPasswordChangeScreen = false,
}: {
  children: ReactNode;
  isPasswordChangeScreen?: boolean;
}) {
  const t = useT();
  const errorText = useApiErrorText();
  const location = useLocation();
  const { data: session, isPending, isError, error, refetch } = useSession();

  if (isPending) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: "100vh" }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (isError) {
    return (
      <Result
        status="warning"
        title={errorText(error)}
        extra={<Button onClick={() => refetch()}>{t("common.retry")}</Button>}
      />
    );
  }
  const from = `${location.pathname}${location.search}`;
  if (!session) return <Navigate to="/login" replace state={{ from }} />;
  if (session.user.mustChangePassword && !isPasswordChangeScreen)
    return <Navigate to="/change-password" replace state={{ from }} />;
  return children;
}
