import type { RegionSummary } from "../../../../shared/api/regions.api.js";
import { codePrefix } from "../../../../shared/division-code.js";

/**
 * The next free code under `parent`: its significant digits plus the 3-digit number after the
 * highest existing child (villages: 9 + 3 digits, groups: 12 + 3), or undefined when 999 is used.
 */
export function suggestChildCode(
  parent: RegionSummary,
  children: readonly RegionSummary[],
): string | undefined {
  const prefix = codePrefix(parent.code);
  let highest = 0;
  for (const child of children) {
    if (!child.code.startsWith(prefix)) continue;
    const number = Number.parseInt(child.code.slice(prefix.length, prefix.length + 3), 10);
    if (Number.isFinite(number) && number > highest) highest = number;
  }
  if (highest >= 999) return undefined;
  return `${prefix}${String(highest + 1).padStart(3, "0")}`;
}
