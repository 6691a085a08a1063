import type { HouseholdListRow } from "../../../shared/api/households.api.js";
import type { Queryable } from "../../db/db.js";

/** A household's stored state as the service writes it: the searchable columns plus derived ones. */
export interface HouseholdRow {
  id: string;
  countyCode: string;
  regionCode: string;
  householdNumber: string;
  address: string;
  phone: string | null;
  bankAccount: string | null;
  povertyAttribute: string;
  identificationStandard: string;
  mainCause: string;
  secondaryCauses: string[];
  status: string;
  liftedYear: number | null;
  cultivatedLandMu: number;
  forestLandMu: number;
  houseAreaM2: number;
  dangerousHouseGrade: string;
  hasElectricity: boolean;
  isDrinkingWaterSafe: boolean;
  hasWaterDifficulty: boolean;
  hasRoadToHouse: boolean;
  hasSanitaryToilet: boolean;
  fuel: string;
  isCooperativeMember: boolean;
  memberCount: number;
  headName: string;
  perCapitaIncome: number | null;
  guaranteeLights: Record<string, string>;
  warningCount: number;
}

export const HOUSEHOLD_FIELDS: [keyof HouseholdRow, string, string][] = [
  ["id", "id", "uuid"],
  ["countyCode", "county_code", "text"],
  ["regionCode", "region_code", "text"],
  ["householdNumber", "household_number", "text"],
  ["address", "address", "text"],
  ["phone", "phone", "text"],
  ["bankAccount", "bank_account", "text"],
  ["povertyAttribute", "poverty_attribute", "text"],
  ["identificationStandard", "identification_standard", "text"],
  ["mainCause", "main_cause", "text"],
  ["secondaryCauses", "secondary_causes", "text[]"],
  ["status", "status", "text"],
  ["liftedYear", "lifted_year", "integer"],
  ["cultivatedLandMu", "cultivated_land_mu", "numeric"],
  ["forestLandMu", "forest_land_mu", "numeric"],
  ["houseAreaM2", "house_area_m2", "numeric"],
  ["dangerousHouseGrade", "dangerous_house_grade", "text"],
  ["hasElectricity", "has_electricity", "boolean"],
  ["isDrinkingWaterSafe", "is_drinking_water_safe", "boolean"],
  ["hasWaterDifficulty", "has_water_difficulty", "boolean"],
  ["hasRoadToHouse", "has_road_to_house", "boolean"],
  ["hasSanitaryToilet", "has_sanitary_toilet", "boolean"],
  ["fuel", "fuel", "text"],
  ["isCooperativeMember", "is_cooperative_member", "boolean"],
  ["memberCount", "member_count", "integer"],
  ["headName", "head_name", "text"],
  ["perCapitaIncome", "per_capita_income", "numeric"],
  ["guaranteeLights", "guarantee_lights", "jsonb"],
  ["warningCount", "warning_count", "integer"],
];

const recordsetColumns = (fields: [string, string, string][]) =>
  fields.map(([key, , type]) => `"${key}" ${type}`).join(", ");

/** Inserts households from their rows in one statement. */
export async function insertHouseholds(q: Queryable, rows: readonly HouseholdRow[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `insert into household (${HOUSEHOLD_FIELDS.map(([, column]) => column).join(", ")})
     select * from jsonb_to_recordset($1::jsonb) as d(${recordsetColumns(HOUSEHOLD_FIELDS)})`,
    [JSON.stringify(rows)],
  );
}

/**
 * Overwrites households' columns where each is still at its `expectedVersion` (one statement);
 * returns the ids updated, so the caller can tell who was saved first by someone else.
 */
export async function updateHouseholdRows(
  q: Queryable,
  rows: readonly (HouseholdRow & { expectedVersion: number })[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const settable = HOUSEHOLD_FIELDS.filter(([key]) => key !== "id" && key !== "countyCode");
  const updated = await q.query<{ id: string }>(
    `update household h set ${settable.map(([key, column]) => `${column} = d."${key}"`).join(", ")},
       version = h.version + 1, updated_at = now()
     from jsonb_to_recordset($1::jsonb) as d(${recordsetColumns(HOUSEHOLD_FIELDS)}, "expectedVersion" integer)
     where h.id = d.id and h.version = d."expectedVersion"
     returning h.id`,
    [JSON.stringify(rows)],
  );
  return updated.map((row) => row.id);
}

/** A member's stored state. */
export interface MemberRow {
  id: string;
  countyCode: string;
  householdId: string;
  name: string;
  sex: string;
  idNumber: string;
  birthDate: string;
  relation: string;
  ethnicity: string;
  education: string;
  schoolingStatus: string;
  health: string;
  disabilityGrade: string | null;
  labourAbility: string;
  workPlace: string;
  workMonths: number;
  hasBasicMedicalInsurance: boolean;
  hasSeriousIllnessInsurance: boolean;
  hasBasicPension: boolean;
  phone: string | null;
  status: string;
  position: number;
  /** 人编号 (see memberDraftSchema). */
  personNumber?: string | null | undefined;
}

export const MEMBER_FIELDS: [keyof MemberRow, string, string][] = [
  ["id", "id", "uuid"],
  ["countyCode", "county_code", "text"],
  ["householdId", "household_id", "uuid"],
  ["name", "name", "text"],
  ["sex", "sex", "text"],
  ["idNumber", "id_number", "text"],
  ["birthDate", "birth_date", "date"],
  ["relation", "relation", "text"],
  ["ethnicity", "ethnicity", "text"],
  ["education", "education", "text"],
  ["schoolingStatus", "schooling_status", "text"],
  ["health", "health", "text"],
  ["disabilityGrade", "disability_grade", "text"],
  ["labourAbility", "labour_ability", "text"],
  ["workPlace", "work_place", "text"],
  ["workMonths", "work_months", "integer"],
  ["hasBasicMedicalInsurance", "has_basic_medical_insurance", "boolean"],
  ["hasSeriousIllnessInsurance", "has_serious_illness_insurance", "boolean"],
  ["hasBasicPension", "has_basic_pension", "boolean"],
  ["phone", "phone", "text"],
  ["status", "status", "text"],
  ["position", "position", "integer"],
  ["personNumber", "person_no", "text"],
];

/**
 * Writes a household's members in two set-based statements: updates of existing ids (version
 * bumped only where something changed) and inserts of new ones.
 */
export async function upsertMembers(q: Queryable, members: readonly MemberRow[]): Promise<void> {
  if (members.length === 0) return;
  const settable = MEMBER_FIELDS.filter(([key]) => key !== "id" && key !== "countyCode");
  const changed = settable.map(([key, column]) => `m.${column} is distinct from d."${key}"`).join(" or ");
  await q.query(
    `with d as (select * from jsonb_to_recordset($1::jsonb) as d(${recordsetColumns(MEMBER_FIELDS)})),
     updated as (
       update member m set ${settable.map(([key, column]) => `${column} = d."${key}"`).join(", ")},
         version = m.version + 1, updated_at = now()
       from d where m.id = d.id and (${changed})
       returning m.id
     )
     insert into member (${MEMBER_FIELDS.map(([, column]) => column).join(", ")})
     select ${MEMBER_FIELDS.map(([key]) => `d."${key}"`).join(", ")} from d
     where not exists (select 1 from member m where m.id = d.id)`,
    [JSON.stringify(members)],
  );
}

/** The members of a household in entry order. */
export async function findMembers(
  q: Queryable,
  householdId: string,
): Promise<(MemberRow & { version: number })[]> {
  return q.query(
    `select ${MEMBER_FIELDS.map(([key, column]) => `${column} as "${key}"`).join(", ")}, version
     from member where household_id = $1 order by position, created_at`,
    [householdId],
  );
}

/** Active members elsewhere holding any of these ID numbers, with their household number. */
export async function findActiveMembersElsewhere(
  q: Queryable,
  idNumbers: readonly string[],
  householdId: string | null,
): Promise<{ idNumber: string; householdNumber: string; memberId: string }[]> {
  if (idNumbers.length === 0) return [];
  return q.query(
    `select m.id_number as "idNumber", h.household_number as "householdNumber", m.id as "memberId"
     from member m join household h on h.id = m.household_id
     where m.status = 'active' and m.id_number = any($1::text[]) and m.household_id is distinct from $2::uuid`,
    [idNumbers, householdId],
  );
}

export interface IncomeRow {
  householdId: string;
  countyCode: string;
  year: number;
  wage: number;
  business: number;
  property: number;
  transfer: number;
  pension: number;
  dibao: number;
  tekun: number;
  ecoCompensation: number;
  otherTransfer: number;
  businessCosts: number;
  memberCount: number;
  perCapitaIncome: number | null;
}

export const INCOME_FIELDS: [keyof IncomeRow, string, string][] = [
  ["householdId", "household_id", "uuid"],
  ["countyCode", "county_code", "text"],
  ["year", "year", "integer"],
  ["wage", "wage", "numeric"],
  ["business", "business", "numeric"],
  ["property", "property", "numeric"],
  ["transfer", "transfer", "numeric"],
  ["pension", "pension", "numeric"],
  ["dibao", "dibao", "numeric"],
  ["tekun", "tekun", "numeric"],
  ["ecoCompensation", "eco_compensation", "numeric"],
  ["otherTransfer", "other_transfer", "numeric"],
  ["businessCosts", "business_costs", "numeric"],
  ["memberCount", "member_count", "integer"],
  ["perCapitaIncome", "per_capita_income", "numeric"],
];

/** Writes one year's income account of each household (one statement); other years are kept. */
export async function upsertIncomes(q: Queryable, incomes: readonly IncomeRow[]): Promise<void> {
  if (incomes.length === 0) return;
  const settable = INCOME_FIELDS.filter(([key]) => !["householdId", "countyCode", "year"].includes(key));
  await q.query(
    `insert into household_income (${INCOME_FIELDS.map(([, column]) => column).join(", ")})
     select * from jsonb_to_recordset($1::jsonb) as d(${recordsetColumns(INCOME_FIELDS)})
     on conflict (household_id, year) do update set
       ${settable.map(([, column]) => `${column} = excluded.${column}`).join(", ")}, updated_at = now()`,
    [JSON.stringify(incomes)],
  );
}

/** Every year's income account of a household, newest first (numbers as exact text). */
export async function findIncomes(
  q: Queryable,
  householdId: string,
): Promise<Record<keyof IncomeRow, string | number>[]> {
  return q.query(
    `select ${INCOME_FIELDS.map(([key, column]) => `${column} as "${key}"`).join(", ")}
     from household_income where household_id = $1 order by year desc`,
    [householdId],
  );
}

export interface FindingRow {
  householdId: string;
  countyCode: string;
  path: string;
  code: string;
  message: string;
}

/** Replaces the data-quality findings of `householdIds` with `findings` (two statements). */
export async function replaceFindings(
  q: Queryable,
  householdIds: readonly string[],
  findings: readonly FindingRow[],
): Promise<void> {
  if (householdIds.length === 0) return;
  await q.query("delete from household_finding where household_id = any($1::uuid[])", [householdIds]);
  if (findings.length === 0) return;
  await q.query(
    `insert into household_finding (household_id, county_code, path, code, message)
     select "householdId", "countyCode", path, code, message
     from jsonb_to_recordset($1::jsonb) as f("householdId" uuid, "countyCode" text, path text, code text, message text)
     on conflict do nothing`,
    [JSON.stringify(findings)],
  );
}

/** The household's data-quality warnings. */
export async function findFindings(q: Queryable, householdId: string) {
  return q.query<{ path: string; code: string; message: string }>(
    "select path, code, message from household_finding where household_id = $1 order by path, code",
    [householdId],
  );
}

export interface VersionInsert {
  householdId: string;
  version: number;
  countyCode: string;
  changedBy: string | null;
  changedByUsername: string | null;
  reason: string;
  snapshot: unknown;
}

/** Appends versions to households' timelines (one statement). */
export async function insertVersions(q: Queryable, entries: readonly VersionInsert[]): Promise<void> {
  if (entries.length === 0) return;
  await q.query(
    `insert into household_version (household_id, version, county_code, changed_by, changed_by_username, reason, snapshot)
     select "householdId", version, "countyCode", "changedBy", "changedByUsername", reason, snapshot
     from jsonb_to_recordset($1::jsonb) as v("householdId" uuid, version integer, "countyCode" text, "changedBy" uuid,
       "changedByUsername" text, reason text, snapshot jsonb)`,
    [JSON.stringify(entries)],
  );
}

export interface VersionRow {
  version: number;
  changedAt: Date;
  changedBy: string | null;
  reason: string;
}

/** The timeline, newest first. */
export async function findVersions(q: Queryable, householdId: string): Promise<VersionRow[]> {
  return q.query(
    `select version, changed_at as "changedAt", changed_by_username as "changedBy", reason
     from household_version where household_id = $1 order by version desc`,
    [householdId],
  );
}

/** One version with its snapshot; the latest at or before `asOf` when a time is given instead. */
export async function findVersion(
  q: Queryable,
  householdId: string,
  which: { version: number } | { asOf: string } | "latest",
): Promise<(VersionRow & { snapshot: unknown }) | undefined> {
  const [condition, params] =
    which === "latest"
      ? ["true", []]
      : "version" in which
        ? ["version = $2", [which.version]]
        : // The API speaks milliseconds; PostgreSQL keeps microseconds. A time read off the timeline must find its version.
          ["date_trunc('milliseconds', changed_at) <= $2::timestamptz", [which.asOf]];
  const rows = await q.query<VersionRow & { snapshot: unknown }>(
    `select version, changed_at as "changedAt", changed_by_username as "changedBy", reason, snapshot
     from household_version where household_id = $1 and ${condition} order by version desc limit 1`,
    [householdId, ...params],
  );
  return rows[0];
}

/** Where a household sits and who looks after it: what authorisation needs. */
export interface HouseholdScope {
  id: string;
  countyCode: string;
  regionCode: string;
  version: number;
  caseworkerIds: string[];
}

/** The scope facts of a household, or undefined when there is none with that id. */
export async function findHouseholdScope(q: Queryable, id: string): Promise<HouseholdScope | undefined> {
  const rows = await q.query<HouseholdScope>(
    `select h.id, h.county_code as "countyCode", h.region_code as "regionCode", h.version,
       coalesce(array(select c.user_id::text from household_caseworker c where c.household_id = h.id and c.ended_at is null),
                '{}') as "caseworkerIds"
     from household h where h.id = $1`,
    [id],
  );
  return rows[0];
}

/** Whether a household number is taken in a county. */
export async function isHouseholdNumberTaken(
  q: Queryable,
  countyCode: string,
  householdNumber: string,
): Promise<boolean> {
  const rows = await q.query("select 1 from household where county_code = $1 and household_number = $2", [
    countyCode,
    householdNumber,
  ]);
  return rows.length > 0;
}

export type { HouseholdListRow };
