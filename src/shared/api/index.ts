import type { Endpoint } from "../endpoint.js";
import * as audit from "./audit.api.js";
import * as briefings from "./briefings.api.js";
import * as campaigns from "./campaigns.api.js";
import * as dashboard from "./dashboard.api.js";
import * as health from "./health.api.js";
import * as households from "./households.api.js";
import * as monitoring from "./monitoring.api.js";
import * as monitoringCases from "./monitoring-cases.api.js";
import * as regions from "./regions.api.js";
import * as roster from "./roster.api.js";
import * as session from "./session.api.js";
import * as users from "./users.api.js";
import * as visits from "./visits.api.js";

function endpointsOf(module: Record<string, unknown>): Endpoint[] {
  return Object.values(module).filter(
    (value): value is Endpoint =>
      typeof value === "object" &&
      value !== null &&
      "method" in value &&
      "path" in value &&
      "response" in value,
  );
}

/** Every endpoint of the API: the OpenAPI document and the route-coverage test read this list. */
export const allEndpoints: readonly Endpoint[] = [
  health,
  session,
  regions,
  users,
  audit,
  households,
  roster,
  dashboard,
  briefings,
  monitoring,
  monitoringCases,
  visits,
  campaigns,
].flatMap(endpointsOf);
