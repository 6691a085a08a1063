import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";
import {
  fileResponse,
  pageOf,
  pageQuery,
  regionCodeSchema,
  textSchema,
  uuidSchema,
  versionSchema,
} from "./common.js";

// Briefings (简报): a region's figures written as the office's bulletin, edited, then issued.

/** The sections a briefing can hold, in the order they are printed. */
export const BRIEFING_SECTIONS = [
  "registry",
  "causes",
  "guarantees",
  "income",
  "caseworkers",
  "epidemic",
  "monitoring",
] as const;
export type BriefingSectionKey = (typeof BRIEFING_SECTIONS)[number];

const isoDate = z.iso.date();

export const briefingSection = z.object({
  key: z.enum(BRIEFING_SECTIONS),
  heading: textSchema(60),
  // Paragraphs separated by blank lines; edited by the administrator.
  text: z.string().trim().min(1).max(5_000),
});

export const briefingSummary = z.object({
  id: uuidSchema,
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.enum(["draft", "issued"]),
  issueYear: z.number().int().nullable(),
  issueNumber: z.number().int().nullable(),
  issuedOn: z.string().nullable(),
  issuingOffice: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type BriefingSummary = z.infer<typeof briefingSummary>;

export const briefingDetail = briefingSummary.extend({
  sections: z.array(briefingSection),
  distribution: z.string().nullable(),
  countedAt: z.string(),
});
export type BriefingDetail = z.infer<typeof briefingDetail>;

export const listBriefings = defineEndpoint({
  method: "GET",
  path: "/api/briefings",
  summary: "Briefings of regions in scope, newest first",
  tag: "briefings",
  query: z.strictObject({ status: z.enum(["draft", "issued"]).optional(), ...pageQuery }),
  response: pageOf(briefingSummary),
});

export const createBriefing = defineEndpoint({
  method: "POST",
  path: "/api/briefings",
  summary: "Writes a draft briefing for a region and period from the region's current figures",
  tag: "briefings",
  body: z
    .strictObject({
      regionCode: regionCodeSchema,
      title: textSchema(100),
      periodStart: isoDate,
      periodEnd: isoDate,
      sections: z.array(z.enum(BRIEFING_SECTIONS)).min(1).max(BRIEFING_SECTIONS.length),
    })
    .refine((b) => b.periodStart <= b.periodEnd, { path: ["periodEnd"], message: "结束日期不能早于开始日期" })
    .refine((b) => new Set(b.sections).size === b.sections.length, {
      path: ["sections"],
      message: "栏目重复",
    }),
  response: briefingDetail,
});

export const getBriefing = defineEndpoint({
  method: "GET",
  path: "/api/briefings/:id",
  summary: "A briefing with its sections",
  tag: "briefings",
  params: z.strictObject({ id: uuidSchema }),
  response: briefingDetail,
});

export const updateBriefing = defineEndpoint({
  method: "PUT",
  path: "/api/briefings/:id",
  summary: "Edits a draft briefing's title and text (an issued one is frozen)",
  tag: "briefings",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject({
    title: textSchema(100),
    sections: z.array(briefingSection).min(1).max(BRIEFING_SECTIONS.length),
    version: versionSchema,
  }),
  response: briefingDetail,
});

export const issueBriefing = defineEndpoint({
  method: "POST",
  path: "/api/briefings/:id/issue",
  summary:
    "Issues a draft: the next number of the region's year (第N期), date, office, distribution; then frozen",
  tag: "briefings",
  params: z.strictObject({ id: uuidSchema }),
  body: z.strictObject({
    issuedOn: isoDate,
    issuingOffice: textSchema(60),
    distribution: textSchema(500),
    version: versionSchema,
  }),
  response: briefingDetail,
});

export const downloadBriefingPdf = defineEndpoint({
  method: "GET",
  path: "/api/briefings/:id/pdf",
  summary: "The briefing as an A4 PDF with a Chinese font embedded",
  tag: "briefings",
  params: z.strictObject({ id: uuidSchema }),
  download: "application/pdf",
  response: fileResponse,
});

export const downloadBriefingDocx = defineEndpoint({
  method: "GET",
  path: "/api/briefings/:id/docx",
  summary: "The briefing as an A4 Word document",
  tag: "briefings",
  params: z.strictObject({ id: uuidSchema }),
  download: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  response: fileResponse,
});
