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
  | "briefing.write"
  | "visit.read"
  | "visit.record"
  | "visit.configure"
  | "pending_change.read"
  | "pending_change.resolve"
  | "campaign.read"
  | "campaign.manage"
  | "difficulty.read"
  | "difficulty.act"
  | "monitoring.read"
  | "monitoring.configure"
  | "monitoring.sweep"
  | "monitoring.alert.dismiss"
  | "monitoring.spending.write"
  | "monitoring.list.upload"
  | "monitoring.case.open"
  | "monitoring.case.step"
  | "monitoring.measure.write"
  | "monitoring.overview";

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
  // Visits hold health facts (epidemic status): the people who visit and those who supervise them.
  "visit.read": ["administrator", "township_officer", "village_cadre", "caseworker"],
  "visit.record": ["administrator", "township_officer", "village_cadre", "caseworker"],
  "visit.configure": ["administrator"],
  "pending_change.read": ["administrator", "township_officer", "village_cadre", "caseworker"],
  // Registry changes that met a newer version are the village's to settle (or above it).
  "pending_change.resolve": ["administrator", "township_officer", "village_cadre"],
  // Campaign figures are aggregates (leaders and departments follow them); the county office starts campaigns.
  "campaign.read": EVERYONE,
  "campaign.manage": ["administrator"],
  // The difficulty list names households and what troubles them: the people who follow it up.
  "difficulty.read": ["administrator", "township_officer", "village_cadre", "caseworker"],
  "difficulty.act": ["administrator", "township_officer", "village_cadre", "caseworker"],
  // Monitoring (防返贫监测): alerts are read by everyone in scope (caseworkers: their households);
  // the county office sets the rules and runs sweeps; village and township staff check alerts.
  "monitoring.read": EVERYONE,
  "monitoring.configure": ["administrator"],
  "monitoring.sweep": ["administrator"],
  "monitoring.alert.dismiss": ["administrator", "township_officer", "village_cadre"],
  "monitoring.spending.write": ["administrator", "township_officer", "village_cadre", "caseworker"],
  // Department officers upload their sector's screening lists (医保, 民政, 残联, 人社 ...).
  "monitoring.list.upload": ["administrator", "department_officer"],
  // Cases are opened and worked by field staff; each step's own role is checked by the workflow.
  "monitoring.case.open": ["administrator", "township_officer", "village_cadre", "caseworker"],
  "monitoring.case.step": ["administrator", "township_officer", "village_cadre", "caseworker"],
  "monitoring.measure.write": ["administrator", "township_officer", "village_cadre", "caseworker"],
  // Region-wide figures: offices and leaders (a caseworker sees their own cases, not a region's).
  "monitoring.overview": [
    "administrator",
    "township_officer",
    "village_cadre",
    "department_officer",
    "leader",
  ],
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
