import { z } from "zod";
import { defineEndpoint } from "../endpoint.js";
import { regionCodeSchema, regionLevelSchema, textSchema, versionSchema } from "./common.js";

export const regionSummary = z.object({
  code: z.string(),
  name: z.string(),
  level: regionLevelSchema,
  parentCode: z.string().nullable(),
  source: z.enum(["official", "local"]),
  childCount: z.number().int(),
  version: z.number().int(),
});
export type RegionSummary = z.infer<typeof regionSummary>;

export const getRegion = defineEndpoint({
  method: "GET",
  path: "/api/regions/:code",
  summary: "A region with its ancestors (breadcrumb) and its children",
  tag: "regions",
  params: z.strictObject({ code: regionCodeSchema }),
  response: z.object({
    region: regionSummary,
    ancestors: z.array(regionSummary),
    children: z.array(regionSummary),
  }),
});

export const searchRegions = defineEndpoint({
  method: "GET",
  path: "/api/regions",
  summary: "Regions within the user's scope whose name or code matches",
  tag: "regions",
  query: z.strictObject({
    q: z.string().trim().max(50).default(""),
    level: regionLevelSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
  response: z.object({ rows: z.array(regionSummary.extend({ path: z.string() })) }),
});

export const createRegion = defineEndpoint({
  method: "POST",
  path: "/api/regions",
  summary: "Adds a village missing from the official data, or a village group (村民小组)",
  tag: "regions",
  body: z.strictObject({
    parentCode: regionCodeSchema,
    code: regionCodeSchema,
    name: textSchema(100),
  }),
  response: regionSummary,
});

export const renameRegion = defineEndpoint({
  method: "PATCH",
  path: "/api/regions/:code",
  summary: "Renames a region",
  tag: "regions",
  params: z.strictObject({ code: regionCodeSchema }),
  body: z.strictObject({ name: textSchema(100), version: versionSchema }),
  response: regionSummary,
});
