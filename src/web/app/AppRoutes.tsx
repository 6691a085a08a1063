import { Suspense } from "react";
import { Route, Routes } from "react-router";
import { LoginPage } from "../modules/session/components/LoginPage.js";
import { useSessionEvents } from "../modules/session/hooks/useSessionEvents.js";
import { lazyPage } from "./lazyPage.js";
import { PageLoading } from "./PageLoading.js";
import { RequirePermission } from "./RequirePermission.js";
import { RequireSession } from "./RequireSession.js";

// Every page but the sign-in comes with its route (its own chunk): a screen downloads only what it
// draws (the dashboard's ECharts, the roster's and the tables' code come when opened). The phone
// mode opened directly has a light entry of its own (App.tsx). The service worker keeps every chunk.
const AuditPage = lazyPage(() => import("../modules/audit/components/AuditPage.js"), "AuditPage");
const BriefingPage = lazyPage(
  () => import("../modules/briefings/components/BriefingPage.js"),
  "BriefingPage",
);
const BriefingsPage = lazyPage(
  () => import("../modules/briefings/components/BriefingsPage.js"),
  "BriefingsPage",
);
const CampaignPage = lazyPage(
  () => import("../modules/campaigns/components/CampaignPage.js"),
  "CampaignPage",
);
const CampaignsPage = lazyPage(
  () => import("../modules/campaigns/components/CampaignsPage.js"),
  "CampaignsPage",
);
const PhoneApp = lazyPage(() => import("../modules/visits/components/PhoneApp.js"), "PhoneApp");
const PendingChangesPage = lazyPage(
  () => import("../modules/campaigns/components/PendingChangesPage.js"),
  "PendingChangesPage",
);
const DashboardPage = lazyPage(
  () => import("../modules/dashboard/components/DashboardPage.js"),
  "DashboardPage",
);
const HomePage = lazyPage(() => import("../modules/home/components/HomePage.js"), "HomePage");
const HouseholdDetailPage = lazyPage(
  () => import("../modules/households/components/HouseholdDetailPage.js"),
  "HouseholdDetailPage",
);
const HouseholdFormPage = lazyPage(
  () => import("../modules/households/components/HouseholdFormPage.js"),
  "HouseholdFormPage",
);
const HouseholdsPage = lazyPage(
  () => import("../modules/households/components/HouseholdsPage.js"),
  "HouseholdsPage",
);
const CaseDetailPage = lazyPage(
  () => import("../modules/monitoring/components/CaseDetailPage.js"),
  "CaseDetailPage",
);
const CasesPage = lazyPage(() => import("../modules/monitoring/components/CasesPage.js"), "CasesPage");
const DepartmentListsPage = lazyPage(
  () => import("../modules/monitoring/components/DepartmentListsPage.js"),
  "DepartmentListsPage",
);
const MonitoringInboxPage = lazyPage(
  () => import("../modules/monitoring/components/MonitoringInboxPage.js"),
  "MonitoringInboxPage",
);
const MonitoringOverviewPage = lazyPage(
  () => import("../modules/monitoring/components/MonitoringOverviewPage.js"),
  "MonitoringOverviewPage",
);
const MonitoringRulesPage = lazyPage(
  () => import("../modules/monitoring/components/MonitoringRulesPage.js"),
  "MonitoringRulesPage",
);
const RegionsPage = lazyPage(() => import("../modules/regions/components/RegionsPage.js"), "RegionsPage");
const RosterImportDetailPage = lazyPage(
  () => import("../modules/roster/components/RosterImportDetailPage.js"),
  "RosterImportDetailPage",
);
const RosterImportPage = lazyPage(
  () => import("../modules/roster/components/RosterImportPage.js"),
  "RosterImportPage",
);
const RosterImportsPage = lazyPage(
  () => import("../modules/roster/components/RosterImportsPage.js"),
  "RosterImportsPage",
);
const ChangePasswordPage = lazyPage(
  () => import("../modules/session/components/ChangePasswordPage.js"),
  "ChangePasswordPage",
);
const UsersPage = lazyPage(() => import("../modules/users/components/UsersPage.js"), "UsersPage");
const QrSheetPage = lazyPage(() => import("../modules/visits/components/QrSheetPage.js"), "QrSheetPage");
const AppLayout = lazyPage(() => import("./AppLayout.js"), "AppLayout");
const NotFoundPage = lazyPage(() => import("./NotFoundPage.js"), "NotFoundPage");

/** The screens and who may open them. */
export function AppRoutes() {
  useSessionEvents();
  return (
    <Suspense fallback={<PageLoading isFullScreen />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/phone/*" element={<PhoneApp />} />
        <Route
          path="/change-password"
          element={
            <RequireSession isPasswordChangeScreen>
              <ChangePasswordPage />
            </RequireSession>
          }
        />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="regions" element={<RegionsPage />} />
          <Route path="regions/:code" element={<RegionsPage />} />
          {["dashboard", "dashboard/:code"].map((path) => (
            <Route
              key={path}
              path={path}
              element={
                <RequirePermission permission="canReadDashboard">
                  <DashboardPage />
                </RequirePermission>
              }
            />
          ))}
          <Route
            path="briefings"
            element={
              <RequirePermission permission="canReadDashboard">
                <BriefingsPage />
              </RequirePermission>
            }
          />
          <Route
            path="briefings/:id"
            element={
              <RequirePermission permission="canReadDashboard">
                <BriefingPage />
              </RequirePermission>
            }
          />
          <Route
            path="households"
            element={
              <RequirePermission permission="canReadHouseholds">
                <HouseholdsPage />
              </RequirePermission>
            }
          />
          <Route
            path="households/new"
            element={
              <RequirePermission permission="canCreateHouseholds">
                <HouseholdFormPage />
              </RequirePermission>
            }
          />
          <Route
            path="households/:id"
            element={
              <RequirePermission permission="canReadHouseholds">
                <HouseholdDetailPage />
              </RequirePermission>
            }
          />
          <Route
            path="households/:id/edit"
            element={
              <RequirePermission permission="canEditHouseholds">
                <HouseholdFormPage />
              </RequirePermission>
            }
          />
          <Route
            path="roster/import"
            element={
              <RequirePermission permission="canImportRoster">
                <RosterImportPage />
              </RequirePermission>
            }
          />
          <Route
            path="roster/imports"
            element={
              <RequirePermission permission="canImportRoster">
                <RosterImportsPage />
              </RequirePermission>
            }
          />
          <Route
            path="roster/imports/:id"
            element={
              <RequirePermission permission="canImportRoster">
                <RosterImportDetailPage />
              </RequirePermission>
            }
          />
          <Route
            path="monitoring"
            element={
              <RequirePermission permission="canReadMonitoring">
                <MonitoringInboxPage />
              </RequirePermission>
            }
          />
          <Route
            path="monitoring/cases"
            element={
              <RequirePermission permission="canReadMonitoring">
                <CasesPage />
              </RequirePermission>
            }
          />
          <Route
            path="monitoring/cases/:id"
            element={
              <RequirePermission permission="canReadMonitoring">
                <CaseDetailPage />
              </RequirePermission>
            }
          />
          <Route
            path="monitoring/overview"
            element={
              <RequirePermission permission="canReadMonitoringOverview">
                <MonitoringOverviewPage />
              </RequirePermission>
            }
          />
          <Route
            path="monitoring/rules"
            element={
              <RequirePermission permission="canConfigureMonitoring">
                <MonitoringRulesPage />
              </RequirePermission>
            }
          />
          <Route
            path="monitoring/lists"
            element={
              <RequirePermission permission="canUploadDepartmentLists">
                <DepartmentListsPage />
              </RequirePermission>
            }
          />
          <Route path="visits" element={<CampaignsPage />} />
          <Route path="visits/campaigns" element={<CampaignsPage />} />
          <Route path="visits/campaigns/:id" element={<CampaignPage />} />
          <Route
            path="visits/pending-changes"
            element={
              <RequirePermission permission="canRecordVisits">
                <PendingChangesPage />
              </RequirePermission>
            }
          />
          <Route
            path="visits/qr-codes"
            element={
              <RequirePermission permission="canRecordVisits">
                <QrSheetPage />
              </RequirePermission>
            }
          />
          <Route
            path="users"
            element={
              <RequirePermission permission="canReadUsers">
                <UsersPage />
              </RequirePermission>
            }
          />
          <Route
            path="audit"
            element={
              <RequirePermission permission="canReadAudit">
                <AuditPage />
              </RequirePermission>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
