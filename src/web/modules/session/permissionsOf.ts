import type { Role } from "../../../shared/roles.js";

export interface Permissions {
  canManageRegions: boolean;
  canReadUsers: boolean;
  canManageUsers: boolean;
  canReadAudit: boolean;
}

/** What a role may do, mirroring the server's policies (the server still checks every call). */
export function permissionsOf(role: Role): Permissions {
  const isAdministrator = role === "administrator";
  return {
    canManageRegions: isAdministrator,
    canReadUsers: isAdministrator || role === "township_officer",
    canManageUsers: isAdministrator,
    canReadAudit: isAdministrator,
  };
}
