import { expect } from "vitest";
import { householdDraft } from "./household-factory.js";
import { JING_COUNTY } from "./test-app.js";

// The request of every endpoint for the authorisation test: what an administrator of Pengxi sends
// against records of Jing County (made by the test before it runs), and, for lists, how an empty
// answer looks.

export const JING_TOWNSHIP = "341823100000";
export const JING_VILLAGE = "341823100001";

/** The records of Jing County the requests name (filled in by the test's setup). */
export interface JingRecords {
  userId: string;
  household: { id: string; memberId: string; draft: ReturnType<typeof householdDraft> };
  importId: string;
  briefingId: string;
  alertId: string;
  listId: string;
  case: { id: string; measureId: string };
  visit: { id: string; pendingChangeId: string; difficultyId: string; campaignId: string };
}

export type Case = { url: () => string; body?: () => unknown; expectEmpty?: (json: unknown) => void };
export function authorizationCases(jing: JingRecords): Record<string, Case> {
  return {
    "GET /api/regions/:code": { url: () => `/api/regions/${JING_COUNTY}` },
    "GET /api/regions": {
      url: () => `/api/regions?q=${encodeURIComponent("泾")}`,
      expectEmpty: (json) => expect((json as { rows: unknown[] }).rows).toEqual([]),
    },
    "POST /api/regions": {
      url: () => "/api/regions",
      body: () => ({ parentCode: JING_TOWNSHIP, code: "341823100901", name: "越权村" }),
    },
    "PATCH /api/regions/:code": {
      url: () => `/api/regions/${JING_VILLAGE}`,
      body: () => ({ name: "越权", version: 1 }),
    },
    "GET /api/dashboard": { url: () => `/api/dashboard?regionCode=${JING_COUNTY}` },
    "GET /api/dashboard/export": {
      url: () => `/api/dashboard/export?regionCode=${JING_COUNTY}&table=children`,
    },
    "GET /api/briefings": {
      url: () => "/api/briefings",
      expectEmpty: (json) => expect((json as { rows: unknown[] }).rows).toEqual([]),
    },
    "POST /api/briefings": {
      url: () => "/api/briefings",
      body: () => ({
        regionCode: JING_COUNTY,
        title: "越权简报",
        periodStart: "2020-03-01",
        periodEnd: "2020-03-31",
        sections: ["registry"],
      }),
    },
    "GET /api/briefings/:id": { url: () => `/api/briefings/${jing.briefingId}` },
    "PUT /api/briefings/:id": {
      url: () => `/api/briefings/${jing.briefingId}`,
      body: () => ({ title: "越权", sections: [{ key: "registry", heading: "改", text: "改" }], version: 1 }),
    },
    "POST /api/briefings/:id/issue": {
      url: () => `/api/briefings/${jing.briefingId}/issue`,
      body: () => ({ issuedOn: "2020-04-01", issuingOffice: "越权", distribution: "越权", version: 1 }),
    },
    "GET /api/briefings/:id/pdf": { url: () => `/api/briefings/${jing.briefingId}/pdf` },
    "GET /api/briefings/:id/docx": { url: () => `/api/briefings/${jing.briefingId}/docx` },
    "GET /api/users": { url: () => `/api/users?regionCode=${JING_COUNTY}` },
    "GET /api/users/:id": { url: () => `/api/users/${jing.userId}` },
    "POST /api/users": {
      url: () => "/api/users",
      body: () => ({
        username: "intruder",
        displayName: "越权",
        role: "caseworker",
        regionCode: JING_VILLAGE,
      }),
    },
    "PATCH /api/users/:id": {
      url: () => `/api/users/${jing.userId}`,
      body: () => ({ displayName: "越权", version: 1 }),
    },
    "PUT /api/users/:id/disabled": {
      url: () => `/api/users/${jing.userId}/disabled`,
      body: () => ({ isDisabled: true, version: 1 }),
    },
    "POST /api/users/:id/password-reset": { url: () => `/api/users/${jing.userId}/password-reset` },
    "GET /api/households": {
      url: () => `/api/households?q=${encodeURIComponent(jing.household.draft.householdNumber)}`,
      expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
    },
    "GET /api/households/:id": { url: () => `/api/households/${jing.household.id}` },
    "POST /api/households": {
      url: () => "/api/households",
      body: () => ({ household: householdDraft() }),
    },
    "PUT /api/households/:id": {
      url: () => `/api/households/${jing.household.id}`,
      body: () => ({ household: { ...jing.household.draft, address: "越权" }, version: 1, reason: "越权" }),
    },
    "GET /api/households/:id/versions": { url: () => `/api/households/${jing.household.id}/versions` },
    "GET /api/households/:id/versions/:version": {
      url: () => `/api/households/${jing.household.id}/versions/1`,
    },
    "POST /api/households/:id/reveal": {
      url: () => `/api/households/${jing.household.id}/reveal`,
      body: () => ({ field: "idNumber", memberId: jing.household.memberId }),
    },
    "GET /api/households/:id/caseworkers": { url: () => `/api/households/${jing.household.id}/caseworkers` },
    "PUT /api/households/:id/caseworkers": {
      url: () => `/api/households/${jing.household.id}/caseworkers`,
      body: () => ({ userIds: [] }),
    },
    "POST /api/households/:id/members/:memberId/move": {
      url: () => `/api/households/${jing.household.id}/members/${jing.household.memberId}/move`,
      body: () => ({
        version: 1,
        target: { newHouseholdNumber: "999999" },
        relation: "head",
        newHeadMemberId: jing.household.memberId,
        reason: "越权",
      }),
    },
    "GET /api/caseworkers": {
      url: () => `/api/caseworkers?ids=${jing.userId}`,
      expectEmpty: (json) => expect((json as { rows: unknown[] }).rows).toEqual([]),
    },
    "POST /api/caseworkers/:id/handover": {
      url: () => `/api/caseworkers/${jing.userId}/handover`,
      body: () => ({ toUserId: jing.userId, reason: "越权" }),
    },
    "POST /api/roster/imports": {
      url: () => `/api/roster/imports?fileName=x.csv&countyCode=${JING_COUNTY}`,
      body: () => ({}),
    },
    "GET /api/roster/imports": {
      url: () => "/api/roster/imports",
      expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
    },
    "GET /api/roster/imports/:id": { url: () => `/api/roster/imports/${jing.importId}` },
    "POST /api/roster/imports/:id/commit": {
      url: () => `/api/roster/imports/${jing.importId}/commit`,
      body: () => ({ isOnlyValid: true }),
    },
    "GET /api/roster/imports/:id/error-report": {
      url: () => `/api/roster/imports/${jing.importId}/error-report`,
    },
    "GET /api/roster/export": { url: () => `/api/roster/export?regionCode=${JING_VILLAGE}` },
    "POST /api/visits": {
      url: () => "/api/visits",
      body: () => ({
        id: "7d3c1b52-3c55-4f0e-9a51-0d6a0f5d2c11",
        householdId: jing.household.id,
        kind: "phone",
        visitedOn: "2020-02-10",
        metWith: "越权",
        recordedAt: "2020-02-10T10:00:00+08:00",
      }),
    },
    "GET /api/visits": {
      url: () => `/api/visits?householdId=${jing.household.id}`,
      expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
    },
    "GET /api/my-households": {
      url: () => "/api/my-households",
      expectEmpty: (json) => expect((json as { households: unknown[] }).households).toEqual([]),
    },
    "GET /api/visits/:id": { url: () => `/api/visits/${jing.visit.id}` },
    "GET /api/visits/:id/photos/:position": { url: () => `/api/visits/${jing.visit.id}/photos/0` },
    "GET /api/visit-indicators/:countyCode": { url: () => `/api/visit-indicators/${JING_COUNTY}` },
    "PUT /api/visit-indicators/:countyCode": {
      url: () => `/api/visit-indicators/${JING_COUNTY}`,
      body: () => ({ indicators: [{ code: "x", zh: "越权", en: "x" }], version: 0 }),
    },
    "GET /api/pending-changes": {
      url: () => "/api/pending-changes",
      expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
    },
    "GET /api/pending-changes/:id": { url: () => `/api/pending-changes/${jing.visit.pendingChangeId}` },
    "POST /api/pending-changes/:id/resolve": {
      url: () => `/api/pending-changes/${jing.visit.pendingChangeId}/resolve`,
      body: () => ({ decision: "apply", version: 1 }),
    },
    "GET /api/monitoring/rules": { url: () => `/api/monitoring/rules?countyCode=${JING_COUNTY}&year=2020` },
    "PUT /api/monitoring/rules/:ruleCode": {
      url: () => "/api/monitoring/rules/income_below_line",
      body: () => ({
        countyCode: JING_COUNTY,
        year: 2020,
        isEnabled: false,
        thresholds: { line: 1000 },
        effectiveFrom: "2020-01-01",
        effectiveTo: null,
        version: 0,
      }),
    },
    "POST /api/monitoring/sweeps": {
      url: () => "/api/monitoring/sweeps",
      body: () => ({ countyCode: JING_COUNTY }),
    },
    "GET /api/monitoring/alerts": {
      url: () => `/api/monitoring/alerts?householdId=${jing.household.id}`,
      expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
    },
    "POST /api/monitoring/alerts/:id/dismiss": {
      url: () => `/api/monitoring/alerts/${jing.alertId}/dismiss`,
      body: () => ({ reason: "越权" }),
    },
    "POST /api/monitoring/lists": {
      url: () => `/api/monitoring/lists?fileName=a.csv&department=other&countyCode=${JING_COUNTY}`,
      body: () => ({}),
    },
    "GET /api/monitoring/lists": {
      url: () => "/api/monitoring/lists",
      expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
    },
    "GET /api/monitoring/lists/:id": { url: () => `/api/monitoring/lists/${jing.listId}` },
    "POST /api/monitoring/cases": {
      url: () => "/api/monitoring/cases",
      body: () => ({
        origin: "application",
        householdId: jing.household.id,
        applicantName: "越权",
        statement: "越权",
        appliedOn: "2020-06-01",
      }),
    },
    "GET /api/monitoring/cases": {
      url: () => `/api/monitoring/cases?householdId=${jing.household.id}`,
      expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
    },
    "GET /api/monitoring/cases/:id": { url: () => `/api/monitoring/cases/${jing.case.id}` },
    "POST /api/monitoring/cases/:id/steps": {
      url: () => `/api/monitoring/cases/${jing.case.id}/steps`,
      body: () => ({
        action: "identify",
        monitoringType: "marginal",
        riskTypes: ["illness"],
        version: 1,
        comment: "越权",
      }),
    },
    "POST /api/monitoring/cases/:id/measures": {
      url: () => `/api/monitoring/cases/${jing.case.id}/measures`,
      body: () => ({
        kind: "employment",
        content: "越权",
        responsible: "越权",
        startsOn: "2020-06-01",
        dueOn: "2020-07-01",
        status: "done",
      }),
    },
    "PUT /api/monitoring/cases/:id/measures/:measureId": {
      url: () => `/api/monitoring/cases/${jing.case.id}/measures/${jing.case.measureId}`,
      body: () => ({
        ...{
          kind: "employment",
          content: "越权",
          responsible: "越权",
          startsOn: "2020-06-01",
          dueOn: "2020-07-01",
          status: "done",
        },
        version: 1,
      }),
    },
    "GET /api/monitoring/overview": { url: () => `/api/monitoring/overview?regionCode=${JING_COUNTY}` },
    "GET /api/monitoring/settings": { url: () => `/api/monitoring/settings?countyCode=${JING_COUNTY}` },
    "PUT /api/monitoring/settings": {
      url: () => "/api/monitoring/settings",
      body: () => ({
        countyCode: JING_COUNTY,
        deadlines: {
          verification: 1,
          village_review: 1,
          township_review: 1,
          county_decision: 1,
          elimination_village_review: 1,
          elimination_township_review: 1,
          elimination_county_decision: 1,
        },
        watchMonths: 1,
        version: 0,
      }),
    },
    "GET /api/monitoring/households/:id/spending": {
      url: () => `/api/monitoring/households/${jing.household.id}/spending`,
    },
    "PUT /api/monitoring/households/:id/spending/:year": {
      url: () => `/api/monitoring/households/${jing.household.id}/spending/2020`,
      body: () => ({ medical: 1, disasterLoss: 0, other: 0, version: 0 }),
    },
    "POST /api/campaigns": {
      url: () => "/api/campaigns",
      body: () => ({
        name: "越权",
        regionCode: JING_VILLAGE,
        startsOn: "2020-02-01",
        deadline: "2020-02-20",
      }),
    },
    "GET /api/campaigns": {
      url: () => "/api/campaigns",
      expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
    },
    "GET /api/campaigns/:id": { url: () => `/api/campaigns/${jing.visit.campaignId}` },
    "GET /api/campaigns/:id/coverage": { url: () => `/api/campaigns/${jing.visit.campaignId}/coverage` },
    "GET /api/campaigns/:id/households": { url: () => `/api/campaigns/${jing.visit.campaignId}/households` },
    "GET /api/campaigns/:id/summary": { url: () => `/api/campaigns/${jing.visit.campaignId}/summary` },
    "GET /api/campaigns/:id/export": { url: () => `/api/campaigns/${jing.visit.campaignId}/export` },
    "GET /api/difficulties": {
      url: () => `/api/difficulties?campaignId=${jing.visit.campaignId}`,
      expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
    },
    "POST /api/difficulties/:id/actions": {
      url: () => `/api/difficulties/${jing.visit.difficultyId}/actions`,
      body: () => ({ actedOn: "2020-02-12", note: "越权", resolves: true }),
    },
    "GET /api/audit": {
      url: () => `/api/audit?entityType=user&entityId=${jing.userId}`,
      expectEmpty: (json) => expect((json as { total: number }).total).toBe(0),
    },
  };
}
