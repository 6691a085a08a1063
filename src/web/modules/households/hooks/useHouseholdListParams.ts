import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { HOUSEHOLD_SORTS, type listHouseholds } from "../../../../shared/api/households.api.js";
import type { QueryOf } from "../../../../shared/endpoint.js";
import {
  codesOf,
  POVERTY_ATTRIBUTES,
  POVERTY_CAUSES,
  POVERTY_STATUSES,
} from "../../../../shared/household-codes.js";
import { GUARANTEE_ORDER } from "../utils/guaranteeOrder.js";
import { INCOME_BANDS, type IncomeBand } from "../utils/incomeBands.js";

type ListQuery = QueryOf<typeof listHouseholds>;

/** The list screen's state as it sits in the address bar, so that a link reproduces the view. */
export interface HouseholdListParams {
  q: string;
  regionCode?: string;
  status?: NonNullable<ListQuery["status"]>;
  povertyAttribute?: NonNullable<ListQuery["povertyAttribute"]>;
  cause?: NonNullable<ListQuery["cause"]>;
  incomeBand?: IncomeBand;
  guaranteeAtRisk?: NonNullable<ListQuery["guaranteeAtRisk"]>;
  caseworkerId?: string;
  hasWarnings?: "true" | "false";
  sort: (typeof HOUSEHOLD_SORTS)[number];
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

const PAGE_SIZES = [10, 20, 50, 100];
/** The filters (not the search text, sort or paging) the user can set. */
const FILTER_NAMES = [
  "regionCode",
  "status",
  "povertyAttribute",
  "cause",
  "incomeBand",
  "guaranteeAtRisk",
  "caseworkerId",
  "hasWarnings",
] as const;

/** The changes that clear every filter (search text, sort and paging stay). */
export const NO_FILTERS: Partial<HouseholdListParams> = Object.fromEntries(
  FILTER_NAMES.map((name) => [name, undefined]),
);

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function parse(search: URLSearchParams): HouseholdListParams {
  const page = Number(search.get("page"));
  const pageSize = Number(search.get("pageSize"));
  const regionCode = search.get("regionCode");
  const caseworkerId = search.get("caseworkerId");
  return {
    q: search.get("q")?.slice(0, 50) ?? "",
    regionCode: regionCode && /^\d{12}(\d{3})?$/.test(regionCode) ? regionCode : undefined,
    status: oneOf(codesOf(POVERTY_STATUSES), search.get("status")),
    povertyAttribute: oneOf(codesOf(POVERTY_ATTRIBUTES), search.get("povertyAttribute")),
    cause: oneOf(codesOf(POVERTY_CAUSES), search.get("cause")),
    incomeBand: oneOf(Object.keys(INCOME_BANDS) as IncomeBand[], search.get("incomeBand")),
    guaranteeAtRisk: oneOf(GUARANTEE_ORDER, search.get("guaranteeAtRisk")),
    caseworkerId: caseworkerId && /^[0-9a-f-]{36}$/i.test(caseworkerId) ? caseworkerId : undefined,
    hasWarnings: oneOf(["true", "false"] as const, search.get("hasWarnings")),
    sort: oneOf(HOUSEHOLD_SORTS, search.get("sort")) ?? "householdNumber",
    order: search.get("order") === "desc" ? "desc" : "asc",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
  };
}

/** The API query of the list state: the income band becomes its two bounds. */
export function listQueryOf(params: HouseholdListParams): ListQuery {
  const { incomeBand, ...rest } = params;
  return { ...rest, ...(incomeBand ? INCOME_BANDS[incomeBand] : {}) };
}

/** How many filters are set (for the phone's folded filter button and the empty state). */
export function activeFilterCount(params: HouseholdListParams): number {
  return FILTER_NAMES.filter((name) => params[name] !== undefined).length;
}

/**
 * Reads and writes the list state in the query string. Any change other than paging goes back to
 * page 1; defaults are left out of the address so that links stay short.
 */
export function useHouseholdListParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parse(search), [search]);

  const update = useCallback(
    (changes: Partial<HouseholdListParams>, options: { replace?: boolean } = {}) => {
      setSearch(
        (current) => {
          const next = { ...parse(current), ...changes };
          if (!("page" in changes)) next.page = 1;
          const out = new URLSearchParams();
          for (const [name, value] of Object.entries(next)) {
            if (value === undefined || value === "") continue;
            if (name === "sort" && value === "householdNumber") continue;
            if (name === "order" && value === "asc") continue;
            if (name === "page" && value === 1) continue;
            if (name === "pageSize" && value === 20) continue;
            out.set(name, String(value));
          }
          return out;
        },
        { replace: options.replace ?? false },
      );
    },
    [setSearch],
  );

  return { params, update };
}
