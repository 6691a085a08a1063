import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";
import { codesOf, POVERTY_STATUSES } from "../household-codes.js";
import { fileResponse, pageOf, pageQuery, regionCodeSchema, textSchema, uuidSchema } from "./common.js";
import { problemKindSchema } from "./visits.api.js";

const dateSchema = z.iso.date();

export const campaignQuestionSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "代码只能用小写字母、数字和下划线" }),
  text: textSchema(200),
  kind: z.enum(["yes_no", "text"]),
});
export type CampaignQuestion = z.infer<typeof campaignQuestionSchema>;

export const campaignView = z.object({
  id: uuidSchema,
  countyCode: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  householdStatuses: z.array(z.enum(codesOf(POVERTY_STATUSES))),
  questions: z.array(campaignQuestionSchema),
  startsOn: z.string(),
  deadline: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Households of the campaign in the caller's share (a caseworker's: assigned to them). */
  households: z.number().int(),
  done: z.number().int(),
});
export type CampaignView = z.infer<typeof campaignView>;

export const createCampaign = defineEndpoint({
  method: "POST",
  path: "/api/campaigns",
  summary:
    "Starts a screening campaign over the households of an area (optionally by poverty status), with questions and a deadline",
  tag: "campaigns",
  body: z.strictObject({
    name: textSchema(100),
    regionCode: regionCodeSchema,
    householdStatuses: z
      .array(z.enum(codesOf(POVERTY_STATUSES)))
      .max(4)
      .default([]),
    questions: z.array(campaignQuestionSchema).max(30).default([]),
    startsOn: dateSchema,
    deadline: dateSchema,
  }),
  response: campaignView,
});

export const listCampaigns = defineEndpoint({
  method: "GET",
  path: "/api/campaigns",
  summary:
    "Campaigns that reach into the caller's scope, newest first, with the caller's share and how much is done",
  tag: "campaigns",
  query: z.strictObject({ ...pageQuery }),
  response: pageOf(campaignView),
});

export const getCampaign = defineEndpoint({
  method: "GET",
  path: "/api/campaigns/:id",
  summary: "One campaign with its questions and the caller's share",
  tag: "campaigns",
  params: z.strictObject({ id: uuidSchema }),
  response: campaignView,
});

const coverageCounts = z.object({
  households: z.number().int(),
  done: z.number().int(),
  due: z.number().int(),
  overdue: z.number().int(),
});

export const campaignCoverage = z.object({
  totals: coverageCounts,
  byVillage: z.array(coverageCounts.extend({ regionCode: z.string(), regionName: z.string() })),
  /** Households without a caseworker are counted under caseworkerId null. */
  byCaseworker: z.array(
    coverageCounts.extend({ caseworkerId: uuidSchema.nullable(), displayName: z.string() }),
  ),
});

const regionQuery = z.strictObject({ regionCode: regionCodeSchema.optional() });

export const getCampaignCoverage = defineEndpoint({
  method: "GET",
  path: "/api/campaigns/:id/coverage",
  summary:
    "Done / due / overdue households of a campaign per village and per caseworker, within the caller's scope",
  tag: "campaigns",
  params: z.strictObject({ id: uuidSchema }),
  query: regionQuery,
  response: campaignCoverage,
});

export const campaignHouseholdStatusSchema = z.enum(["done", "due", "overdue"]);

export const campaignHouseholdRow = z.object({
  householdId: uuidSchema,
  householdNumber: z.string(),
  headName: z.string(),
  regionName: z.string(),
  memberCount: z.number().int(),
  status: campaignHouseholdStatusSchema,
  lastVisitedOn: z.string().nullable(),
});

export const listCampaignHouseholds = defineEndpoint({
  method: "GET",
  path: "/api/campaigns/:id/households",
  summary:
    "The caller's share of a campaign's households (a caseworker's: assigned to them), not yet done first",
  tag: "campaigns",
  params: z.strictObject({ id: uuidSchema }),
  query: z.strictObject({
    regionCode: regionCodeSchema.optional(),
    status: campaignHouseholdStatusSchema.optional(),
    page: pageQuery.page,
    pageSize: z.coerce.number().int().min(1).max(1000).default(200),
  }),
  response: pageOf(campaignHouseholdRow),
});

const isolationCount = z.object({ households: z.number().int(), people: z.number().int() });

export const campaignSummary = z.object({
  campaignId: uuidSchema,
  regionCode: z.string(),
  regionName: z.string(),
  households: z.number().int(),
  done: z.number().int(),
  /** done ÷ households, 0 when there are none. */
  coverageRate: z.number(),
  /** Households by their most severe member status on their latest campaign visit; people by their own. */
  isolation: z.object({
    total: isolationCount,
    home_isolation: isolationCount,
    central_quarantine: isolationCount,
    released: isolationCount,
  }),
  difficulties: z.object({
    households: z.number().int(),
    total: z.number().int(),
    resolved: z.number().int(),
    open: z.number().int(),
    byKind: z.array(
      z.object({
        kind: problemKindSchema,
        total: z.number().int(),
        resolved: z.number().int(),
        open: z.number().int(),
      }),
    ),
  }),
  /** The summary in the reports' own words, e.g. "隔离 205 户 654 人：居家隔离 28 户 59 人…". */
  text: z.string(),
});
export type CampaignSummary = z.infer<typeof campaignSummary>;

export const getCampaignSummary = defineEndpoint({
  method: "GET",
  path: "/api/campaigns/:id/summary",
  summary:
    "A campaign's figures for a region: households and people by isolation status, difficulties by kind resolved and open, coverage rate",
  tag: "campaigns",
  params: z.strictObject({ id: uuidSchema }),
  query: regionQuery,
  response: campaignSummary,
});

export const exportCampaign = defineEndpoint({
  method: "GET",
  path: "/api/campaigns/:id/export",
  summary: "The campaign's summary, coverage and difficulty list as an Excel workbook",
  tag: "campaigns",
  params: z.strictObject({ id: uuidSchema }),
  query: regionQuery,
  response: fileResponse,
  download: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
});

export const difficultyStatusSchema = z.enum(["open", "resolved"]);

export const difficultyRow = z.object({
  id: uuidSchema,
  householdId: uuidSchema,
  householdNumber: z.string(),
  headName: z.string(),
  regionName: z.string(),
  kind: problemKindSchema,
  note: z.string(),
  status: difficultyStatusSchema,
  foundOn: z.string(),
  foundBy: z.string(),
  visitId: uuidSchema,
  resolvedAt: z.string().nullable(),
  actions: z.array(
    z.object({
      actedBy: z.string(),
      actedOn: z.string(),
      note: z.string(),
      resolves: z.boolean(),
      createdAt: z.string(),
    }),
  ),
});
export type DifficultyRow = z.infer<typeof difficultyRow>;

export const listDifficulties = defineEndpoint({
  method: "GET",
  path: "/api/difficulties",
  summary: "Problems found on visits (the difficulty list) in scope, with what was done about each",
  tag: "campaigns",
  query: z.strictObject({
    campaignId: uuidSchema.optional(),
    regionCode: regionCodeSchema.optional(),
    status: difficultyStatusSchema.optional(),
    kind: problemKindSchema.optional(),
    ...pageQuery,
  }),
  response: pageOf(difficultyRow),
});

export const recordDifficultyAction = defineEndpoint({
  method: "POST",
  path: "/api/difficulties/:id/actions",
  summary: "Records what was done about a difficulty (who, what, when); `resolves` closes it",
  tag: "campaigns",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject({ actedOn: dateSchema, note: textSchema(500), resolves: z.boolean().default(false) }),
  response: difficultyRow,
});
