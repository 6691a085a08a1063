import { Button, Flex, Result, Spin } from "antd";
import { useEffect } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { useT } from "../../../i18n/useT.js";
import { useSession } from "../../session/hooks/useSession.js";
import { PhoneContext } from "../hooks/PhoneContext.js";
import { usePhoneState } from "../hooks/usePhoneState.js";
import { type PhoneUser, rememberedPhoneUser, rememberPhoneUser } from "../utils/phoneUser.js";
import { registerServiceWorker } from "../utils/registerServiceWorker.js";
import { MyHouseholdsPage } from "./MyHouseholdsPage.js";
import { OutboxPage } from "./OutboxPage.js";
import { PhoneHouseholdPage } from "./PhoneHouseholdPage.js";
import { PhoneLayout } from "./PhoneLayout.js";
import { VisitFormPage } from "./VisitFormPage.js";

/**
 * The phone mode (/phone): my households, a household's card, the visit form and the outbox.
 * It opens without a network once it has been used online: the service worker keeps the app,
 * IndexedDB the households and the outbox, and the user is remembered until they sign out.
 */
export function PhoneApp() {
  const t = useT();
  const location = useLocation();
  const { data: session, isPending, isError, refetch } = useSession();
  const remembered = rememberedPhoneUser();

  useEffect(() => registerServiceWorker(), []);
  useEffect(() => {
    if (session) rememberPhoneUser(session.user);
  }, [session]);

  if (isPending) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: "100vh" }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (session === null) {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  const user: PhoneUser | undefined = session?.user ?? (isError ? remembered : undefined);
  if (!user) {
    return (
      <Result
        status="warning"
        title={t("errors.network")}
        extra={<Button onClick={() => refetch()}>{t("common.retry")}</Button>}
      />
    );
  }
  if (user.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <PhoneSession user={user} />;
}

function PhoneSession({ user }: { user: PhoneUser }) {
  const state = usePhoneState(user);
  return (
    <PhoneContext.Provider value={state}>
      <PhoneLayout>
        <Routes>
          <Route index element={<MyHouseholdsPage />} />
          <Route path="households/:id" element={<PhoneHouseholdPage />} />
          <Route path="households/:id/visit" element={<VisitFormPage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="*" element={<Navigate to="/phone" replace />} />
        </Routes>
      </PhoneLayout>
    </PhoneContext.Provider>
  );
}
