import type { Role } from "../../../shared/roles.js";

export interface Permissions {
  canManageRegions: boolean;
  canReadUsers: boolean;
  canManageUsers: boolean;
  canReadAudit: boolean;
  /** Region-wide figures (统计看板): offices and leaders; a caseworker's scope is households, not a region. */
  canReadDashboard: boolean;
  /** Write and issue briefings (简报) from the figures: administrators. */
  canWriteBriefings: boolean;
  canReadHouseholds: boolean;
  /** Register new households (a caseworker only edits the households assigned to them). */
  canCreateHouseholds: boolean;
  canEditHouseholds: boolean;
  /** See a masked ID number, phone or bank account in full (each reveal is audited). */
  canRevealPersonalData: boolean;
  canAssignCaseworkers: boolean;
  /** Import roster spreadsheets (many households at once): county and township offices. */
  canImportRoster: boolean;
  /** Export the household list as a roster file (masked unless canRevealPersonalData). */
  canExportRoster: boolean;
  /** Record visits (phone mode), follow difficulties, read pending registry changes. */
  canRecordVisits: boolean;
  /** Start screening campaigns: the county office. */
  canManageCampaigns: boolean;
  /** Apply or reject registry changes from visits that met a newer version. */
  canResolvePendingChanges: boolean;
  /** Dynamic monitoring: alerts and cases in scope (everyone; caseworkers see their households'). */
  canReadMonitoring: boolean;
  /** Work monitoring cases: open them, take steps, record measures. */
  canWorkMonitoringCases: boolean;
  /** Check an alert and close it as no risk. */
  canDismissAlerts: boolean;
  /** The region-wide monitoring overview. */
  canReadMonitoringOverview: boolean;
  /** Set a county's monitoring rules and deadlines, and run sweeps. */
  canConfigureMonitoring: boolean;
  /** Upload department screening lists. */
  canUploadDepartmentLists: boolean;
}

const HOUSEHOLD_EDITORS: readonly Role[] = [
  "administrator",
  "township_officer",
  "village_cadre",
  "caseworker",
];

/** What a role may do, mirroring the server's policies (the server still checks every call). */
export function permissionsOf(role: Role): Permissions {
  const isAdministrator = role === "administrator";
  const isHouseholdEditor = HOUSEHOLD_EDITORS.includes(role);
  return {
    canManageRegions: isAdministrator,
    canReadUsers: isAdministrator || role === "township_officer",
    canManageUsers: isAdministrator,
    canReadAudit: isAdministrator,
    canReadDashboard: role !== "caseworker",
    canWriteBriefings: isAdministrator,
    canReadHouseholds: true,
    canCreateHouseholds: isHouseholdEditor && role !== "caseworker",
    canEditHouseholds: isHouseholdEditor,
    canRevealPersonalData: isHouseholdEditor,
    canAssignCaseworkers: isAdministrator || role === "township_officer",
    canImportRoster: isAdministrator || role === "township_officer",
    canExportRoster: true,
    canRecordVisits: isHouseholdEditor,
    canManageCampaigns: isAdministrator,
    canResolvePendingChanges: isHouseholdEditor && role !== "caseworker",
    canReadMonitoring: true,
    canWorkMonitoringCases: isHouseholdEditor,
    canDismissAlerts: isHouseholdEditor && role !== "caseworker",
    canReadMonitoringOverview: role !== "caseworker",
    canConfigureMonitoring: isAdministrator,
    canUploadDepartmentLists: isAdministrator || role === "department_officer",
  };
}
