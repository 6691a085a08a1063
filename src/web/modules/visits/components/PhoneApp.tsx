import { type ReactNode, Suspense, useEffect } from "react";
import { Navigate, Route, Routes } from "react-router";
import { lazyPage } from "../../../app/lazyPage.js";
import { useT } from "../../../i18n/useT.js";
import { useSession } from "../../session/hooks/useSession.js";
import { PhoneContext } from "../hooks/PhoneContext.js";
import { usePhoneState } from "../hooks/usePhoneState.js";
import { type PhoneUser, rememberedPhoneUser, rememberPhoneUser } from "../utils/phoneUser.js";
import { registerServiceWorker } from "../utils/registerServiceWorker.js";
import { MyHouseholdsPage } from "./MyHouseholdsPage.js";
import { PhoneLayout } from "./PhoneLayout.js";
import { PhonePasswordPage } from "./PhonePasswordPage.js";
import { PhoneSignInPage } from "./PhoneSignInPage.js";
import { PhoneSpinner } from "./PhoneSpinner.js";
import "../phone.css";

// The first screens (sign-in, password, my households) come with the app and use no Ant Design.
// The household card, the visit form and the outbox load when opened (from the service worker
// when offline), with Ant Design's theme and locale around them.
const PhoneAntd = lazyPage(() => import("../../../app/AppProviders.js"), "ThemedAntd");
const PhoneHouseholdPage = lazyPage(() => import("./PhoneHouseholdPage.js"), "PhoneHouseholdPage");
const VisitFormPage = lazyPage(() => import("./VisitFormPage.js"), "VisitFormPage");
const OutboxPage = lazyPage(() => import("./OutboxPage.js"), "OutboxPage");

/**
 * The phone mode (/phone): my households, a household's card, the visit form and the outbox.
 * It opens without a network once it has been used online: the service worker keeps the app,
 * IndexedDB the households and the outbox, and the user is remembered until they sign out.
 * Sign-in and the forced password change happen here, at the opened address (a QR code's list).
 */
export function PhoneApp() {
  const t = useT();
  const { data: session, isPending, isError, refetch } = useSession();
  const remembered = rememberedPhoneUser();

  useEffect(() => registerServiceWorker(), []);
  useEffect(() => {
    if (session) rememberPhoneUser(session.user);
  }, [session]);

  if (isPending) return <PhoneSpinner isFullScreen />;
  if (session === null) return <PhoneSignInPage />;
  const user: PhoneUser | undefined = session?.user ?? (isError ? remembered : undefined);
  if (!user) {
    return (
      <div className="phone" style={{ padding: 16, textAlign: "center" }}>
        <p className="phone-alert phone-alert-warning" role="alert" style={{ marginTop: "20vh" }}>
          {t("errors.network")}
        </p>
        <button type="button" className="phone-button" onClick={() => refetch()}>
          {t("common.retry")}
        </button>
      </div>
    );
  }
  if (user.mustChangePassword) return <PhonePasswordPage user={user} />;
  return <PhoneSession user={user} />;
}

function PhoneSession({ user }: { user: PhoneUser }) {
  const state = usePhoneState(user);
  const later = (page: ReactNode) => (
    <Suspense fallback={<PhoneSpinner />}>
      <PhoneAntd>{page}</PhoneAntd>
    </Suspense>
  );
  return (
    <PhoneContext.Provider value={state}>
      <PhoneLayout>
        <Routes>
          <Route index element={<MyHouseholdsPage />} />
          <Route path="households/:id" element={later(<PhoneHouseholdPage />)} />
          <Route path="households/:id/visit" element={later(<VisitFormPage />)} />
          <Route path="outbox" element={later(<OutboxPage />)} />
          <Route path="*" element={<Navigate to="/phone" replace />} />
        </Routes>
      </PhoneLayout>
    </PhoneContext.Provider>
  );
}
