import type { Role } from "../../shared/roles.js";

/** The signed-in user on whose behalf a service method runs. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  regionName: string;
  mustChangePassword: boolean;
}

/** Where a request came from, recorded in the audit trail with every write. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}
