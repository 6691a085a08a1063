import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";
import { codesOf } from "../household-codes.js";
import { incomeDraftSchema } from "../household-draft.js";
import { conditionChangesSchema, householdChangesSchema } from "../visit-changes.js";
import {
  EPIDEMIC_STATUSES,
  PROBLEM_KINDS,
  VISIT_KINDS,
  VISIT_PHOTO_MAX_BYTES,
  VISIT_PHOTO_MAX_COUNT,
  VISIT_PHOTO_TYPES,
} from "../visit-codes.js";
import { fileResponse, pageOf, pageQuery, regionCodeSchema, textSchema, uuidSchema } from "./common.js";

/** Free text that may be left empty and may hold line breaks; other control characters are refused. */
function noteSchema(max: number) {
  return (
    z
      .string()
      .trim()
      .max(max)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
      .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), {
        message: "含有不可见的控制字符",
      })
  );
}

const dateSchema = z.iso.date();

export const visitKindSchema = z.enum(codesOf(VISIT_KINDS));
export const problemKindSchema = z.enum(codesOf(PROBLEM_KINDS));
export const epidemicStatusSchema = z.enum(codesOf(EPIDEMIC_STATUSES));

// base64 of the largest photo, rounded up to whole 4-character groups.
const PHOTO_BASE64_MAX = Math.ceil(VISIT_PHOTO_MAX_BYTES / 3) * 4;

/** A visit as the phone submits it; `id` is generated on the phone, so a retry finds the first copy. */
export const visitDraftSchema = z.strictObject({
  id: uuidSchema,
  householdId: uuidSchema,
  kind: visitKindSchema,
  visitedOn: dateSchema,
  metWith: textSchema(100),
  indicators: z
    .array(
      z.strictObject({
        code: z.string().trim().min(1).max(40),
        isMet: z.boolean(),
        note: noteSchema(200).default(""),
      }),
    )
    .max(30)
    .default([]),
  livingConditions: noteSchema(1000).default(""),
  problems: z
    .array(z.strictObject({ kind: problemKindSchema, note: noteSchema(500).default("") }))
    .max(20)
    .default([]),
  assistanceGiven: noteSchema(1000).default(""),
  assistancePlanned: noteSchema(1000).default(""),
  memberStatuses: z
    .array(
      z.strictObject({
        memberId: uuidSchema,
        status: epidemicStatusSchema,
        since: dateSchema.nullable().default(null),
        until: dateSchema.nullable().default(null),
      }),
    )
    .max(30)
    .default([]),
  photos: z
    .array(
      z.strictObject({
        mediaType: z.enum(VISIT_PHOTO_TYPES),
        dataBase64: z
          .string()
          .max(PHOTO_BASE64_MAX, { message: "照片过大，请压缩后再传" })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: "照片内容不是 base64" }),
      }),
    )
    .max(VISIT_PHOTO_MAX_COUNT)
    .default([]),
  location: z
    .strictObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      accuracyM: z.number().min(0).max(100_000).nullable().default(null),
    })
    .nullable()
    .default(null),
  changes: householdChangesSchema.optional(),
  /** The screening campaign the visit was made for, with answers to its questions. */
  campaignId: uuidSchema.nullable().default(null),
  answers: z
    .array(
      z.strictObject({
        code: z.string().trim().min(1).max(40),
        value: z.union([z.boolean(), noteSchema(500)]),
      }),
    )
    .max(30)
    .default([]),
  /** When the caseworker saved it on the phone (it may reach the server much later). */
  recordedAt: z.iso.datetime({ offset: true }),
});
export type VisitDraft = z.input<typeof visitDraftSchema>;

export const registryOutcomeSchema = z.enum(["none", "applied", "pending"]);

export const visitView = z.object({
  id: uuidSchema,
  householdId: uuidSchema,
  householdNumber: z.string(),
  headName: z.string(),
  regionCode: z.string(),
  recordedBy: z.object({ id: uuidSchema, displayName: z.string() }),
  kind: visitKindSchema,
  visitedOn: z.string(),
  metWith: z.string(),
  indicators: z.array(
    z.object({ code: z.string(), label: z.string(), isMet: z.boolean(), note: z.string() }),
  ),
  livingConditions: z.string(),
  problems: z.array(
    z.object({
      id: uuidSchema,
      kind: problemKindSchema,
      note: z.string(),
      status: z.enum(["open", "resolved"]),
    }),
  ),
  assistanceGiven: z.string(),
  assistancePlanned: z.string(),
  memberStatuses: z.array(
    z.object({
      memberId: uuidSchema,
      memberName: z.string(),
      status: epidemicStatusSchema,
      since: z.string().nullable(),
      until: z.string().nullable(),
    }),
  ),
  photos: z.array(
    z.object({ position: z.number().int(), mediaType: z.string(), byteSize: z.number().int() }),
  ),
  location: z
    .object({ latitude: z.number(), longitude: z.number(), accuracyM: z.number().nullable() })
    .nullable(),
  campaignId: uuidSchema.nullable(),
  answers: z.array(z.object({ code: z.string(), value: z.union([z.boolean(), z.string()]) })),
  registry: z.object({
    outcome: registryOutcomeSchema,
    baseVersion: z.number().int().nullable(),
    appliedVersion: z.number().int().nullable(),
    pendingChangeId: uuidSchema.nullable(),
  }),
  recordedAt: z.string(),
  receivedAt: z.string(),
});
export type VisitView = z.infer<typeof visitView>;

export const recordVisit = defineEndpoint({
  method: "POST",
  path: "/api/visits",
  summary:
    "Records a visit (idempotent on its client-generated id); proposed registry changes become a new household version, or a pending change when the household changed since the phone loaded it",
  tag: "visits",
  body: visitDraftSchema,
  response: visitView,
});

export const visitListRow = z.object({
  id: uuidSchema,
  householdId: uuidSchema,
  householdNumber: z.string(),
  headName: z.string(),
  regionName: z.string(),
  kind: visitKindSchema,
  visitedOn: z.string(),
  recordedBy: z.string(),
  problemCount: z.number().int(),
  registryOutcome: registryOutcomeSchema,
});

export const listVisits = defineEndpoint({
  method: "GET",
  path: "/api/visits",
  summary: "Visits in scope (a caseworker's: to their households), newest first; by household or region",
  tag: "visits",
  query: z.strictObject({
    householdId: uuidSchema.optional(),
    regionCode: regionCodeSchema.optional(),
    ...pageQuery,
  }),
  response: pageOf(visitListRow),
});

export const getVisit = defineEndpoint({
  method: "GET",
  path: "/api/visits/:id",
  summary: "One visit with its checklist, problems, epidemic status of members and photo list",
  tag: "visits",
  params: z.strictObject({ id: uuidSchema }),
  response: visitView,
});

export const downloadVisitPhoto = defineEndpoint({
  method: "GET",
  path: "/api/visits/:id/photos/:position",
  summary: "One photo of a visit",
  tag: "visits",
  params: z.strictObject({ id: uuidSchema, position: z.coerce.number().int().min(0).max(20) }),
  response: fileResponse,
  download: "image/jpeg",
});

export const visitIndicatorSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "代码只能用小写字母、数字和下划线" }),
  zh: textSchema(40),
  en: textSchema(80),
});

export const visitIndicatorSet = z.object({
  countyCode: z.string(),
  indicators: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  /** 0 while the county uses the default list. */
  version: z.number().int(),
  isDefault: z.boolean(),
});

export const getVisitIndicators = defineEndpoint({
  method: "GET",
  path: "/api/visit-indicators/:countyCode",
  summary:
    "The indicator checklist a county asks on visits (the basic guarantees unless the county set its own)",
  tag: "visits",
  params: z.strictObject({ countyCode: regionCodeSchema }),
  response: visitIndicatorSet,
});

export const setVisitIndicators = defineEndpoint({
  method: "PUT",
  path: "/api/visit-indicators/:countyCode",
  summary: "Sets a county's visit indicator checklist (e.g. Guangdong's 八有); version-checked",
  tag: "visits",
  params: z.strictObject({ countyCode: regionCodeSchema }),
  body: z.strictObject({
    indicators: z.array(visitIndicatorSchema).min(1).max(20),
    /** The version being replaced: 0 for the default list. */
    version: z.number().int().min(0),
  }),
  response: visitIndicatorSet,
});

export const pendingChangeStatusSchema = z.enum(["open", "applied", "rejected"]);

export const pendingChangeRow = z.object({
  id: uuidSchema,
  householdId: uuidSchema,
  householdNumber: z.string(),
  headName: z.string(),
  regionName: z.string(),
  visitId: uuidSchema,
  recordedBy: z.string(),
  visitedOn: z.string(),
  baseVersion: z.number().int(),
  currentVersion: z.number().int(),
  status: pendingChangeStatusSchema,
  createdAt: z.string(),
});

export const listPendingChanges = defineEndpoint({
  method: "GET",
  path: "/api/pending-changes",
  summary:
    "Registry changes from visits that met a newer household version, for the village cadre to resolve",
  tag: "visits",
  query: z.strictObject({ status: pendingChangeStatusSchema.default("open"), ...pageQuery }),
  response: pageOf(pendingChangeRow),
});

const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const pendingChangeDetail = pendingChangeRow.extend({
  /** The household's version now (it may have moved on again since the visit arrived). */
  householdVersion: z.number().int(),
  /** Each field the visit would change: as the phone saw it, as it is now, as proposed. */
  fields: z.array(
    z.object({
      path: z.string(),
      memberName: z.string().nullable(),
      base: fieldValue,
      current: fieldValue,
      proposed: fieldValue,
    }),
  ),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  appliedVersion: z.number().int().nullable(),
});

export const getPendingChange = defineEndpoint({
  method: "GET",
  path: "/api/pending-changes/:id",
  summary: "A pending change field by field: as the phone saw it, as it is now, as proposed",
  tag: "visits",
  params: z.strictObject({ id: uuidSchema }),
  response: pendingChangeDetail,
});

export const resolvePendingChange = defineEndpoint({
  method: "POST",
  path: "/api/pending-changes/:id/resolve",
  summary:
    "Applies a pending change over the household's current version (a new version) or rejects it; version-checked",
  tag: "visits",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject({
    decision: z.enum(["apply", "reject"]),
    /** The household version the cadre compared against. */
    version: z.number().int().min(1),
    note: noteSchema(500).default(""),
  }),
  response: pendingChangeDetail,
});

export const phoneMember = z.object({
  id: uuidSchema,
  name: z.string(),
  relation: z.string(),
  sex: z.enum(["male", "female"]),
  age: z.number().int(),
  health: z.string(),
  disabilityGrade: z.string().nullable(),
  labourAbility: z.string(),
  schoolingStatus: z.string(),
  workPlace: z.string(),
  workMonths: z.number().int(),
  status: z.string(),
});

/** A household as the phone keeps it for offline visits: enough to show the card and fill the form. */
export const phoneHousehold = z.object({
  id: uuidSchema,
  countyCode: z.string(),
  householdNumber: z.string(),
  headName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  status: z.string(),
  version: z.number().int(),
  members: z.array(phoneMember),
  income: incomeDraftSchema,
  conditions: conditionChangesSchema.required(),
  lastVisitedOn: z.string().nullable(),
  /** Campaigns this household still waits for, soonest deadline first. */
  due: z.array(
    z.object({ campaignId: uuidSchema, name: z.string(), deadline: z.string(), isOverdue: z.boolean() }),
  ),
});
export type PhoneHousehold = z.infer<typeof phoneHousehold>;

export const listMyHouseholds = defineEndpoint({
  method: "GET",
  path: "/api/my-households",
  summary:
    "The caller's households for the phone (a caseworker's: assigned to them; others: in scope, up to 500) with what is due, the county's checklist and open campaigns",
  tag: "visits",
  response: z.object({
    households: z.array(phoneHousehold),
    /** More households in scope than the phone takes: narrow the scope (a village) to see them all. */
    isTruncated: z.boolean(),
    indicators: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
    campaigns: z.array(
      z.object({
        id: uuidSchema,
        name: z.string(),
        startsOn: z.string(),
        deadline: z.string(),
        questions: z.array(
          z.object({ code: z.string(), text: z.string(), kind: z.enum(["yes_no", "text"]) }),
        ),
      }),
    ),
    loadedAt: z.string(),
  }),
});
