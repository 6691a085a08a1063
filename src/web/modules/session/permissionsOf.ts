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
  };
}
