import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";
import {
  codesOf,
  POVERTY_ATTRIBUTES,
  POVERTY_CAUSES,
  POVERTY_STATUSES,
  RELATIONS,
} from "../household-codes.js";
import { householdDraftSchema, incomeDraftSchema, memberDraftSchema } from "../household-draft.js";
import { pageOf, pageQuery, regionCodeSchema, textSchema, uuidSchema, versionSchema } from "./common.js";

const lightSchema = z.enum(["green", "yellow", "red"]);
export const guaranteeLights = z.object({
  food_clothing: lightSchema,
  education: lightSchema,
  medical: lightSchema,
  housing: lightSchema,
  water: lightSchema,
});

export const findingSchema = z.object({
  path: z.string(),
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
});

export const householdListRow = z.object({
  id: uuidSchema,
  householdNumber: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  headName: z.string(),
  /** Masked: 341823********123X. */
  headIdNumber: z.string().nullable(),
  memberCount: z.number().int(),
  status: z.enum(codesOf(POVERTY_STATUSES)),
  liftedYear: z.number().int().nullable(),
  povertyAttribute: z.enum(codesOf(POVERTY_ATTRIBUTES)),
  mainCause: z.enum(codesOf(POVERTY_CAUSES)),
  perCapitaIncome: z.string().nullable(),
  guaranteeLights: guaranteeLights.partial(),
  warningCount: z.number().int(),
  caseworkers: z.array(z.object({ id: uuidSchema, displayName: z.string() })),
  version: z.number().int(),
});
export type HouseholdListRow = z.infer<typeof householdListRow>;

export const HOUSEHOLD_SORTS = [
  "householdNumber",
  "headName",
  "perCapitaIncome",
  "memberCount",
  "updatedAt",
] as const;

export const listHouseholds = defineEndpoint({
  method: "GET",
  path: "/api/households",
  summary:
    "Households in scope: search by name, household number, ID-number tail or phone tail; filter, sort, page",
  tag: "households",
  query: z.strictObject({
    q: z.string().trim().max(50).default(""),
    regionCode: regionCodeSchema.optional(),
    status: z.enum(codesOf(POVERTY_STATUSES)).optional(),
    povertyAttribute: z.enum(codesOf(POVERTY_ATTRIBUTES)).optional(),
    cause: z.enum(codesOf(POVERTY_CAUSES)).optional(),
    incomeBelow: z.coerce.number().min(0).optional(),
    incomeAtLeast: z.coerce.number().min(0).optional(),
    guaranteeAtRisk: z.enum(["food_clothing", "education", "medical", "housing", "water"]).optional(),
    caseworkerId: uuidSchema.optional(),
    hasWarnings: z.enum(["true", "false"]).optional(),
    sort: z.enum(HOUSEHOLD_SORTS).default("householdNumber"),
    order: z.enum(["asc", "desc"]).default("asc"),
    ...pageQuery,
  }),
  // total is exact up to 10,000 matches; beyond that totalIsExact is false and total is 10,000.
  response: pageOf(householdListRow).extend({ totalIsExact: z.boolean() }),
});

export const memberView = memberDraftSchema.extend({
  id: uuidSchema,
  birthDate: z.string(),
  age: z.number().int(),
  version: z.number().int(),
});

export const householdDetail = householdDraftSchema.omit({ members: true, income: true }).extend({
  id: uuidSchema,
  countyCode: z.string(),
  regionName: z.string(),
  regionPath: z.string(),
  members: z.array(memberView),
  incomes: z.array(
    incomeDraftSchema.extend({ memberCount: z.number().int(), perCapitaIncome: z.string().nullable() }),
  ),
  guarantees: z.array(
    z.object({
      guarantee: z.string(),
      light: lightSchema,
      reasons: z.array(
        z.object({ code: z.string(), zh: z.string(), en: z.string(), memberIndex: z.number().optional() }),
      ),
    }),
  ),
  findings: z.array(findingSchema),
  caseworkers: z.array(z.object({ id: uuidSchema, displayName: z.string(), assignedAt: z.string() })),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type HouseholdDetail = z.infer<typeof householdDetail>;

export const getHousehold = defineEndpoint({
  method: "GET",
  path: "/api/households/:id",
  summary: "A household with members (ID numbers and phones masked), income by year, guarantees, findings",
  tag: "households",
  params: z.strictObject({ id: uuidSchema }),
  query: z.strictObject({ asOf: z.iso.datetime({ offset: true }).optional() }),
  response: householdDetail,
});

const saveResult = z.object({ household: householdDetail, findings: z.array(findingSchema) });

export const createHousehold = defineEndpoint({
  method: "POST",
  path: "/api/households",
  summary: "Registers a household with its members and this year's income; hard check failures save nothing",
  tag: "households",
  body: z.strictObject({ household: householdDraftSchema, reason: textSchema(200).default("新建档") }),
  response: saveResult,
});

export const updateHousehold = defineEndpoint({
  method: "PUT",
  path: "/api/households/:id",
  summary: "Saves a new version of a household (members and the year's income included); version-checked",
  tag: "households",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject({ household: householdDraftSchema, version: versionSchema, reason: textSchema(200) }),
  response: saveResult,
});

export const householdVersionRow = z.object({
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  reason: z.string(),
});

export const listHouseholdVersions = defineEndpoint({
  method: "GET",
  path: "/api/households/:id/versions",
  summary: "The household's timeline: every saved version, newest first",
  tag: "households",
  params: z.strictObject({ id: uuidSchema }),
  response: z.object({ rows: z.array(householdVersionRow) }),
});

export const getHouseholdVersion = defineEndpoint({
  method: "GET",
  path: "/api/households/:id/versions/:version",
  summary: "One saved version of a household (personal fields masked)",
  tag: "households",
  params: z.strictObject({ id: uuidSchema, version: z.coerce.number().int().min(1) }),
  response: householdVersionRow.extend({ snapshot: z.record(z.string(), z.unknown()) }),
});

export const revealPersonalField = defineEndpoint({
  method: "POST",
  path: "/api/households/:id/reveal",
  summary: "Shows one ID number, phone or bank account in full; every reveal is audited",
  tag: "households",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject({
    field: z.enum(["idNumber", "phone", "bankAccount"]),
    memberId: uuidSchema.optional(),
  }),
  response: z.object({ value: z.string().nullable() }),
});

const caseworkerAssignments = z.object({
  current: z.array(z.object({ id: uuidSchema, displayName: z.string(), assignedAt: z.string() })),
  history: z.array(
    z.object({
      id: uuidSchema,
      displayName: z.string(),
      assignedAt: z.string(),
      endedAt: z.string().nullable(),
    }),
  ),
});

export const listHouseholdCaseworkers = defineEndpoint({
  method: "GET",
  path: "/api/households/:id/caseworkers",
  summary: "The household's current caseworkers and every earlier assignment",
  tag: "households",
  params: z.strictObject({ id: uuidSchema }),
  response: caseworkerAssignments,
});

export const moveMember = defineEndpoint({
  method: "POST",
  path: "/api/households/:id/members/:memberId/move",
  summary:
    "Moves a member to another household (marriage) or into a new household of their own (split), as one audited operation",
  tag: "households",
  params: z.strictObject({ id: uuidSchema, memberId: uuidSchema }),
  body: z.strictObject({
    version: versionSchema,
    target: z.union([
      z.strictObject({ householdId: uuidSchema, version: versionSchema }),
      z.strictObject({ newHouseholdNumber: z.string().trim().min(1).max(30) }),
    ]),
    /** The member's relation to the head in the target household (head when splitting). */
    relation: z.enum(codesOf(RELATIONS)),
    /** Required when the head leaves: who heads the household left behind. */
    newHeadMemberId: uuidSchema.optional(),
    reason: textSchema(200).min(1),
  }),
  response: z.object({ source: householdDetail, target: householdDetail }),
});

export const assignCaseworkers = defineEndpoint({
  method: "PUT",
  path: "/api/households/:id/caseworkers",
  summary: "Sets the household's caseworkers; ended assignments stay in the history",
  tag: "households",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject({ userIds: z.array(uuidSchema).max(10), reason: textSchema(200).optional() }),
  response: caseworkerAssignments,
});

export const handOverCaseworkerHouseholds = defineEndpoint({
  method: "POST",
  path: "/api/caseworkers/:id/handover",
  summary:
    "Hands all of a caseworker's households in the actor's scope over to another caseworker (earlier assignments kept as history)",
  tag: "households",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject({ toUserId: uuidSchema, reason: textSchema(200).min(1) }),
  response: z.object({ handedOver: z.number().int() }),
});

export const caseworkerRow = z.object({
  id: uuidSchema,
  username: z.string(),
  displayName: z.string(),
  regionName: z.string(),
  /** Households currently assigned. */
  householdCount: z.number().int(),
});

export const listCaseworkers = defineEndpoint({
  method: "GET",
  path: "/api/caseworkers",
  summary:
    "Caseworkers in scope (for pickers and filters): by name or username, or by id; with their household counts",
  tag: "households",
  query: z.strictObject({
    q: z.string().trim().max(50).default(""),
    /** Comma-separated ids to look up instead of searching. */
    ids: z
      .string()
      .max(400)
      .optional()
      .transform((value) => (value ? value.split(",").filter(Boolean) : undefined))
      .pipe(z.array(uuidSchema).max(10).optional()),
  }),
  response: z.object({ rows: z.array(caseworkerRow) }),
});
