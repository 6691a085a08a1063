import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { HouseholdDetail } from "../../shared/api/households.api.js";
import type { VisitDraft } from "../../shared/api/visits.api.js";
import { householdDraft } from "./household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "./test-app.js";

// What the visit tests share: a county administrator, a caseworker and a village cadre of one
// village, households assigned to the caseworker, and a full visit as a phone sends it.

export const VISIT_VILLAGE = "341823100001";

// The smallest valid images of each accepted type (their first bytes are what the server checks).
export const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);
export const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

export interface VisitTestbed {
  t: TestApp;
  admin: TestAgent;
  caseworker: TestAgent;
  caseworkerId: string;
  cadre: TestAgent;
  /** A household in the village (or `regionCode`), assigned to the caseworker unless told not to. */
  household(regionCode?: string, isAssigned?: boolean): Promise<HouseholdDetail>;
  /** Rows of a table matching a condition. */
  count(table: string, where: string, params: unknown[]): Promise<number>;
}

export async function createVisitTestbed(): Promise<VisitTestbed> {
  const t = await createTestApp();
  const admin = await signIn(
    t.app,
    (await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY })).username,
  );
  const worker = await createUserFixture(t.db, { role: "caseworker", regionCode: VISIT_VILLAGE });
  const caseworker = await signIn(t.app, worker.username);
  const cadre = await signIn(
    t.app,
    (await createUserFixture(t.db, { role: "village_cadre", regionCode: VISIT_VILLAGE })).username,
  );
  return {
    t,
    admin,
    caseworker,
    caseworkerId: worker.id,
    cadre,
    async household(regionCode = VISIT_VILLAGE, isAssigned = true) {
      const created = await admin.request("POST", "/api/households", {
        household: householdDraft({ regionCode }),
      });
      expect(created.statusCode).toBe(200);
      const detail = (created.json() as { household: HouseholdDetail }).household;
      if (isAssigned) {
        const assigned = await admin.request("PUT", `/api/households/${detail.id}/caseworkers`, {
          userIds: [worker.id],
        });
        expect(assigned.statusCode).toBe(200);
      }
      return detail;
    },
    async count(table, where, params) {
      const [row] = await t.db.query<{ n: number }>(
        `select count(*)::int as n from ${table} where ${where}`,
        params,
      );
      return row!.n;
    },
  };
}

/** A full visit to the household as a phone sends it (checklist, problems, statuses, a photo, location). */
export function visitOf(detail: HouseholdDetail, overrides: Partial<VisitDraft> = {}): VisitDraft {
  return {
    id: randomUUID(),
    householdId: detail.id,
    kind: "on_site",
    visitedOn: "2020-02-10",
    metWith: "户主张大山",
    indicators: [
      { code: "food", isMet: true, note: "" },
      { code: "housing", isMet: false, note: "屋顶漏雨" },
    ],
    livingConditions: "粮食够吃到四月",
    problems: [
      { kind: "supplies", note: "缺口罩和消毒液" },
      { kind: "farming", note: "无人春耕" },
    ],
    assistanceGiven: "送去口罩 20 个",
    assistancePlanned: "联系村里代耕",
    memberStatuses: [
      { memberId: detail.members[0]!.id, status: "home_isolation", since: "2020-02-01", until: null },
      { memberId: detail.members[1]!.id, status: "released", since: "2020-01-25", until: "2020-02-08" },
    ],
    photos: [{ mediaType: "image/jpeg", dataBase64: JPEG.toString("base64") }],
    location: { latitude: 30.69, longitude: 118.41, accuracyM: 12 },
    recordedAt: "2020-02-10T09:30:00+08:00",
    ...overrides,
  };
}
