import { lazy, Suspense } from "react";
import { Route, Routes } from "react-router";
import { AuditPage } from "../modules/audit/components/AuditPage.js";
import { BriefingPage } from "../modules/briefings/components/BriefingPage.js";
import { BriefingsPage } from "../modules/briefings/components/BriefingsPage.js";
import { CampaignPage } from "../modules/campaigns/components/CampaignPage.js";
import { CampaignsPage } from "../modules/campaigns/components/CampaignsPage.js";
import { PendingChangesPage } from "../modules/campaigns/components/PendingChangesPage.js";
import { HomePage } from "../modules/home/components/HomePage.js";
import { HouseholdDetailPage } from "../modules/households/components/HouseholdDetailPage.js";
import { HouseholdFormPage } from "../modules/households/components/HouseholdFormPage.js";
import { HouseholdsPage } from "../modules/households/components/HouseholdsPage.js";
import { CaseDetailPage } from "../modules/monitoring/components/CaseDetailPage.js";
import { CasesPage } from "../modules/monitoring/components/CasesPage.js";
import { DepartmentListsPage } from "../modules/monitoring/components/DepartmentListsPage.js";
import { MonitoringInboxPage } from "../modules/monitoring/components/MonitoringInboxPage.js";
import { MonitoringOverviewPage } from "../modules/monitoring/components/MonitoringOverviewPage.js";
import { MonitoringRulesPage } from "../modules/monitoring/components/MonitoringRulesPage.js";
import { RegionsPage } from "../modules/regions/components/RegionsPage.js";
import { RosterImportDetailPage } from "../modules/roster/components/RosterImportDetailPage.js";
import { RosterImportPage } from "../modules/roster/components/RosterImportPage.js";
import { RosterImportsPage } from "../modules/roster/components/RosterImportsPage.js";
import { ChangePasswordPage } from "../modules/session/components/ChangePasswordPage.js";
import { LoginPage } from "../modules/session/components/LoginPage.js";
import { useSessionEvents } from "../modules/session/hooks/useSessionEvents.js";
import { UsersPage } from "../modules/users/components/UsersPage.js";
import { PhoneApp } from "../modules/visits/components/PhoneApp.js";
import { QrSheetPage } from "../modules/visits/components/QrSheetPage.js";
import { AppLayout } from "./AppLayout.js";
import { NotFoundPage } from "./NotFoundPage.js";
import { RequirePermission } from "./RequirePermission.js";
import { RequireSession } from "./RequireSession.js";

// The dashboard draws with ECharts: loaded with its page, not with the app (the phone mode stays small).
const DashboardPage = lazy(() =>
  import("../modules/dashboard/components/DashboardPage.js").then((m) => ({ default: m.DashboardPage })),
);

/** The screens and who may open them. */
export function AppRoutes() {
  useSessionEvents();
  return (
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
                <Suspense fallback={null}>
                  <DashboardPage />
                </Suspense>
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
  );
}
