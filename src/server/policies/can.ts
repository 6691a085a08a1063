import { isWithinScope } from "../../shared/division-code.js";
import type { Role } from "../../shared/roles.js";
import type { Actor } from "../http/actor.js";
import { AppError } from "../http/app-error.js";

/** Everything a service method may be asked to do; each is granted to roles below. */
export type Action =
  | "region.read"
  | "region.create"
  | "region.rename"
  | "user.read"
  | "user.manage"
  | "audit.read"
  | "household.read"
  | "household.write"
  | "household.reveal"
  | "household.assign"
  | "roster.import"
  | "roster.export"
  | "dashboard.read"
  | "briefing.read"
  | "briefing.write";

const EVERYONE: readonly Role[] = [
  "administrator",
  "township_officer",
  "village_cadre",
  "caseworker",
  "department_officer",
  "leader",
];

const ROLES_FOR: Record<Action, readonly Role[]> = {
  "region.read": EVERYONE,
  "region.create": ["administrator"],
  "region.rename": ["administrator"],
  "user.read": ["administrator", "township_officer"],
  "user.manage": ["administrator"],
  "audit.read": ["administrator"],
  "household.read": EVERYONE,
  "household.write": ["administrator", "township_officer", "village_cadre", "caseworker"],
  "household.reveal": ["administrator", "township_officer", "village_cadre", "caseworker"],
  "household.assign": ["administrator", "township_officer"],
  // Imports write many households at once: county and township offices, who answer for the roster.
  "roster.import": ["administrator", "township_officer"],
  // An export is the household list as a file; personal fields are masked unless household.reveal.
  "roster.export": EVERYONE,
  // Region-wide figures: offices and leaders. A caseworker's scope is households, not a region.
  "dashboard.read": ["administrator", "township_officer", "village_cadre", "department_officer", "leader"],
  // Briefings are the office's bulletins: read where the dashboard is read, written by administrators.
  "briefing.read": ["administrator", "township_officer", "village_cadre", "department_officer", "leader"],
  "briefing.write": ["administrator"],
};

/** Anything that lies somewhere in the region tree; households also name their caseworkers. */
export interface Scoped {
  regionCode: string;
  /** Present for households: a caseworker's scope is exactly the households assigned to them. */
  caseworkerIds?: readonly string[];
}

function isInScope(actor: Actor, target: Scoped): boolean {
  if (!isWithinScope(target.regionCode, actor.regionCode)) return false;
  return (
    actor.role !== "caseworker" ||
    target.caseworkerIds === undefined ||
    target.caseworkerIds.includes(actor.id)
  );
}

/** Whether `actor` may do `action`, on `target` when one is given: role first, then region scope. */
export function can(actor: Actor, action: Action, target?: Scoped): boolean {
  if (!ROLES_FOR[action].includes(actor.role)) return false;
  return target === undefined || isInScope(actor, target);
}

/**
 * The first line of every service method: throws FORBIDDEN when the role may not do `action`,
 * OUT_OF_SCOPE when `target` lies outside the actor's region.
 */
export function authorize(actor: Actor, action: Action, target?: Scoped): void {
  if (!ROLES_FOR[action].includes(actor.role)) throw new AppError("FORBIDDEN");
  if (target !== undefined && !isInScope(actor, target)) throw new AppError("OUT_OF_SCOPE");
}
