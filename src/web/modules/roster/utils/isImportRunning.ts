import type { RosterImportView } from "../../../../shared/api/roster.api.js";

/** Whether an import's background job is still at work (validating or committing). */
export function isImportRunning(status: RosterImportView["status"]): boolean {
  return status === "validating" || status === "committing";
}
