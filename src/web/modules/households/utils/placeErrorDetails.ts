import type { ApiErrorDetail } from "../../../api/ApiError.js";
import { formPathOfDetail } from "./formPathOfDetail.js";

/** A form field with the server's complaints about it. */
export interface FieldErrors {
  name: (string | number)[];
  errors: string[];
}

/**
 * Sorts a refusal's details into those an input can show (grouped per field) and the rest (such as
 * "no head in the household"), whose paths are given relative to the household: "members".
 */
export function placeErrorDetails(
  details: readonly ApiErrorDetail[],
  wordOf: (detail: ApiErrorDetail) => string = (detail) => detail.message,
): {
  fields: FieldErrors[];
  unplaced: ApiErrorDetail[];
} {
  const fields = new Map<string, FieldErrors>();
  const unplaced: ApiErrorDetail[] = [];
  for (const detail of details) {
    const name = formPathOfDetail(detail.path);
    if (!name) {
      unplaced.push({ path: detail.path.replace(/^body\.(household\.)?/, ""), message: wordOf(detail) });
      continue;
    }
    const key = name.join(".");
    const field = fields.get(key) ?? { name, errors: [] };
    field.errors.push(wordOf(detail));
    fields.set(key, field);
  }
  return { fields: [...fields.values()], unplaced };
}
