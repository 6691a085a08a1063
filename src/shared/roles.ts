/** Roles a user can hold; each is bounded by the user's region scope. */
export const ROLES = [
  "administrator",
  "township_officer",
  "village_cadre",
  "caseworker",
  "department_officer",
  "leader",
] as const;
export type Role = (typeof ROLES)[number];

/** Levels of the administrative tree, from the national root down to village groups. */
export const REGION_LEVELS = [
  "nation",
  "province",
  "city",
  "county",
  "township",
  "village",
  "group",
] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
