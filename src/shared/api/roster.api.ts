import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";
import { fileResponse, pageOf, pageQuery, regionCodeSchema, uuidSchema } from "./common.js";
import { listHouseholds } from "./households.api.js";

// Roster import and export in the national system's person layout (国扶系统 贫困人口信息).
// An upload starts a background job that validates the file; the page polls it, shows the
// problems, and the clerk confirms (commit) or fixes the file from the error report.

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_MEDIA_TYPE = "text/csv";
export const MULTIPART_MEDIA_TYPE = "multipart/form-data";
/**
 * What an upload may be sent as; the server decides by the content, not by this. One file is sent
 * as the raw body; two files (a household sheet and a person sheet) as multipart/form-data, each in
 * a file field (any field name; the file names come from the form).
 */
export const ROSTER_UPLOAD_TYPES = [
  XLSX_MEDIA_TYPE,
  CSV_MEDIA_TYPE,
  "application/octet-stream",
  MULTIPART_MEDIA_TYPE,
] as const;

export const IMPORT_STATUSES = [
  "validating",
  "validated",
  "rejected",
  "committing",
  "committed",
  "failed",
  "interrupted",
] as const;

export const rosterProblem = z.object({
  /** The sheet the row is in (the file's name when two files were uploaded). */
  sheet: z.string().optional(),
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  /** Why, in Chinese (as the error report says it). */
  reason: z.string(),
  /** The kind of problem: a household check's code or a roster_* code, for wording it in English. */
  code: z.string().optional(),
});
export type RosterProblemView = z.infer<typeof rosterProblem>;

export const rosterImportView = z.object({
  id: uuidSchema,
  countyCode: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  fileSize: z.number().int(),
  status: z.enum(IMPORT_STATUSES),
  isOnlyValid: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  committedAt: z.string().nullable(),
  /** Data rows in the file, once read. */
  rowsTotal: z.number().int().nullable(),
  /** Rows read (phase reading), households checked (checking) or written (writing). */
  rowsProcessed: z.number().int(),
  phase: z.enum(["reading", "checking", "writing"]).nullable(),
  /** What rowsProcessed counts up to in this phase, when known (households in the file while checking). */
  progressTotal: z.number().int().nullable(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  problems: z.number().int(),
  warnings: z.number().int(),
  /** Why the whole file was refused or the commit failed (Chinese). */
  message: z.string().nullable(),
  hasErrorReport: z.boolean(),
});
export type RosterImportView = z.infer<typeof rosterImportView>;

export const uploadRosterImport = defineEndpoint({
  method: "POST",
  path: "/api/roster/imports",
  summary:
    "Uploads a roster (.xlsx, or .csv in UTF-8/GBK; the raw file is the request body, or two files — a household sheet and a person sheet — as multipart/form-data) and starts validating it in the background",
  tag: "roster",
  query: z.strictObject({
    /** The file's name; required for a raw upload, optional with multipart (the form's file names are used). */
    fileName: z.string().trim().min(1).max(200).optional(),
    /** The county imported into; defaults to the user's own county. */
    countyCode: regionCodeSchema.optional(),
  }),
  upload: ROSTER_UPLOAD_TYPES,
  response: rosterImportView,
});

export const listRosterImports = defineEndpoint({
  method: "GET",
  path: "/api/roster/imports",
  summary: "Import history of the user's region, newest first",
  tag: "roster",
  query: z.strictObject({ ...pageQuery }),
  response: pageOf(rosterImportView),
});

export const getRosterImport = defineEndpoint({
  method: "GET",
  path: "/api/roster/imports/:id",
  summary:
    "One import: status and progress (poll while validating or committing), counts, the first 1,000 problems",
  tag: "roster",
  params: z.strictObject({ id: uuidSchema }),
  response: rosterImportView.extend({ problemList: z.array(rosterProblem) }),
});

export const commitRosterImport = defineEndpoint({
  method: "POST",
  path: "/api/roster/imports/:id/commit",
  summary:
    "Writes a validated import in one transaction, in the background; a file with errors is refused unless isOnlyValid",
  tag: "roster",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject({ isOnlyValid: z.boolean().default(false) }),
  response: rosterImportView,
});

export const downloadRosterErrorReport = defineEndpoint({
  method: "GET",
  path: "/api/roster/imports/:id/error-report",
  summary: "The uploaded rows with an added 错误说明 column, and the list of problems (.xlsx)",
  tag: "roster",
  params: z.strictObject({ id: uuidSchema }),
  download: XLSX_MEDIA_TYPE,
  response: fileResponse,
});

export const downloadRosterTemplate = defineEndpoint({
  method: "GET",
  path: "/api/roster/template",
  summary: "An empty roster in the national person layout, with notes on filling it in (.xlsx)",
  tag: "roster",
  download: XLSX_MEDIA_TYPE,
  response: fileResponse,
});

const {
  page: _page,
  pageSize: _pageSize,
  sort: _sort,
  order: _order,
  ...householdFilters
} = listHouseholds.query!.shape;

export const exportRoster = defineEndpoint({
  method: "GET",
  path: "/api/roster/export",
  summary:
    "The filtered household list (same filters as GET /api/households) in the national person layout; masked unless the user may reveal personal data; audited",
  tag: "roster",
  query: z.strictObject({ ...householdFilters, format: z.enum(["xlsx", "csv"]).default("xlsx") }),
  download: XLSX_MEDIA_TYPE,
  response: fileResponse,
});
