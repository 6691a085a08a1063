import { z } from "zod";
import { isDivisionCode } from "../division-code.js";
import { REGION_LEVELS, ROLES } from "../roles.js";

export const regionCodeSchema = z
  .string()
  .trim()
  .refine(isDivisionCode, { message: "不是有效的行政区划代码 (12 位统计用区划代码，村民小组 15 位)" });
export const roleSchema = z.enum(ROLES);
export const regionLevelSchema = z.enum(REGION_LEVELS);
export const uuidSchema = z.uuid();
export const versionSchema = z.number().int().min(1);

/** Paging used by every list endpoint: 1-based page, at most 200 rows a page. */
export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/** A page of rows with the total count for the pager. */
export function pageOf<T extends z.ZodType>(row: T) {
  return z.object({
    rows: z.array(row),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const okResponse = z.object({ ok: z.literal(true) });

/** Free text typed by a person: trimmed, no control characters, bounded. */
export function textSchema(max: number) {
  return (
    z
      .string()
      .trim()
      .min(1)
      .max(max)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
      .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { message: "含有不可见的控制字符" })
  );
}

/** The response of an endpoint that sends a file (see Endpoint.download). */
export const fileResponse = z.instanceof(Uint8Array);

/** A calendar day, YYYY-MM-DD. */
export const isoDateSchema = z.iso.date();
