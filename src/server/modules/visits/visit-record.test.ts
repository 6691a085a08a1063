import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import type { VisitDraft, VisitView } from "../../../shared/api/visits.api.js";
import { householdDraft } from "../../test/household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";

// recordVisit answers a visit without registry changes from what it wrote (no read-back): that
// answer must be exactly what reading the visit gives.

let t: TestApp;
let admin: TestAgent;
const VILLAGE = "341823100001";
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(
    t.app,
    (await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY })).username,
  );
});
afterAll(() => t.close());

describe("the answer to a recorded visit", () => {
  it("is what reading it back gives, and what a retry gets", async () => {
    const created = await admin.request("POST", "/api/households", {
      household: householdDraft({ regionCode: VILLAGE }),
    });
    const detail = (created.json() as { household: HouseholdDetail }).household;
    expect(detail.members.length).toBeGreaterThan(1);
    const visit: VisitDraft = {
      id: randomUUID(),
      householdId: detail.id,
      kind: "phone",
      visitedOn: "2020-02-10",
      metWith: "户主",
      indicators: [{ code: "food", isMet: false, note: "缺粮" }],
      livingConditions: "一般",
      problems: [
        { kind: "food", note: "缺粮" },
        { kind: "other", note: "屋后滑坡" },
      ],
      assistanceGiven: "",
      assistancePlanned: "报乡里",
      // Listed in the reverse of the household's order: the answer orders them as a read does.
      memberStatuses: [
        { memberId: detail.members[1]!.id, status: "released", since: "2020-01-20", until: "2020-02-03" },
        { memberId: detail.members[0]!.id, status: "home_isolation", since: "2020-02-01", until: null },
      ],
      photos: [
        { mediaType: "image/png", dataBase64: PNG.toString("base64") },
        { mediaType: "image/png", dataBase64: PNG.toString("base64") },
      ],
      location: null,
      recordedAt: "2020-02-10T09:30:00.123+08:00",
    };
    const posted = await admin.request("POST", "/api/visits", visit);
    expect(posted.statusCode).toBe(200);
    const answer = posted.json() as VisitView;
    expect(answer.registry.outcome).toBe("none");
    expect(answer.memberStatuses.map((s) => s.memberId)).toEqual([
      detail.members[0]!.id,
      detail.members[1]!.id,
    ]);
    const read = (await admin.request("GET", `/api/visits/${visit.id}`)).json() as VisitView;
    expect(answer).toEqual(read);
    const retried = await admin.request("POST", "/api/visits", visit);
    expect(retried.json()).toEqual(read);
  });
});
