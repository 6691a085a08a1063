import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VisitDraft, VisitView } from "../../../shared/api/visits.api.js";
import { createUserFixture, JING_COUNTY, signIn, type TestAgent, type TestApp } from "../../test/test-app.js";
import {
  createVisitTestbed,
  JPEG,
  PNG,
  VISIT_VILLAGE,
  type VisitTestbed,
  visitOf,
} from "../../test/visit-fixtures.js";

let t: TestApp;
let admin: TestAgent;
let caseworker: TestAgent;
let cadre: TestAgent;
let bed: VisitTestbed;
const VILLAGE = VISIT_VILLAGE;
const OTHER_VILLAGE = "341823100002";

beforeAll(async () => {
  bed = await createVisitTestbed();
  ({ t, admin, caseworker, cadre } = bed);
});
afterAll(() => t.close());

const household = (regionCode?: string, isAssigned?: boolean) => bed.household(regionCode, isAssigned);
const count = (table: string, where: string, params: unknown[]) => bed.count(table, where, params);

describe("recording a visit", () => {
  it("stores everything the phone sent and shows it back", async () => {
    const detail = await household();
    const visit = visitOf(detail);
    const response = await caseworker.request("POST", "/api/visits", visit);
    expect(response.statusCode).toBe(200);
    const view = response.json() as VisitView;
    expect(view).toMatchObject({
      id: visit.id,
      householdId: detail.id,
      kind: "on_site",
      visitedOn: "2020-02-10",
      registry: { outcome: "none", appliedVersion: null, pendingChangeId: null },
      location: { latitude: 30.69, longitude: 118.41, accuracyM: 12 },
    });
    expect(view.indicators).toEqual([
      { code: "food", label: "不愁吃", isMet: true, note: "" },
      { code: "housing", label: "住房安全有保障", isMet: false, note: "屋顶漏雨" },
    ]);
    expect(view.problems.map((p) => [p.kind, p.status])).toEqual([
      ["supplies", "open"],
      ["farming", "open"],
    ]);
    expect(view.memberStatuses).toHaveLength(2);
    expect(view.memberStatuses.find((s) => s.status === "released")).toMatchObject({
      since: "2020-01-25",
      until: "2020-02-08",
    });
    expect(view.photos).toEqual([{ position: 0, mediaType: "image/jpeg", byteSize: JPEG.length }]);
    const photo = await caseworker.request("GET", `/api/visits/${visit.id}/photos/0`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/jpeg");
    expect(Buffer.from(photo.rawPayload).equals(JPEG)).toBe(true);
    const list = (await caseworker.request("GET", `/api/visits?householdId=${detail.id}`)).json() as {
      rows: { id: string; problemCount: number }[];
      total: number;
    };
    expect(list).toMatchObject({ total: 1, rows: [{ id: visit.id, problemCount: 2 }] });
    // The audit trail records the visit without its health facts.
    const [entry] = await t.db.query<{ after: Record<string, unknown> }>(
      "select after from audit_event where action = 'visit.record' and entity_id = $1",
      [visit.id],
    );
    expect(entry?.after).toMatchObject({ problems: 2, registryOutcome: "none" });
    expect(JSON.stringify(entry?.after)).not.toContain("isolation");
  });

  it("answers a retry with the stored record and never stores it twice, even when the copies race", async () => {
    const detail = await household();
    const visit = visitOf(detail);
    const first = await caseworker.request("POST", "/api/visits", visit);
    const again = await caseworker.request("POST", "/api/visits", visit);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());

    const racing = visitOf(detail);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => caseworker.request("POST", "/api/visits", racing)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => (a.json() as VisitView).id))).toEqual(new Set([racing.id]));
    for (const id of [visit.id, racing.id]) {
      expect(await count("visit", "id = $1", [id])).toBe(1);
      expect(await count("visit_problem", "visit_id = $1", [id])).toBe(2);
      expect(await count("visit_member_status", "visit_id = $1", [id])).toBe(2);
      expect(await count("visit_photo", "visit_id = $1", [id])).toBe(1);
      expect(await count("audit_event", "action = 'visit.record' and entity_id = $1", [id])).toBe(1);
    }
  });

  it("keeps each of many visits arriving together apart: its own user, record and audit entry", async () => {
    // Requests that arrive together share the session read, the household read and the write.
    const agents = [caseworker, cadre, admin, caseworker, cadre, admin];
    const drafts = await Promise.all(agents.map(async () => visitOf(await household())));
    const answers = await Promise.all(
      drafts.map((draft, i) => agents[i]!.request("POST", "/api/visits", draft)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    const users = await Promise.all(
      agents.map(
        async (agent) =>
          ((await agent.request("GET", "/api/session")).json() as { user: { id: string } }).user.id,
      ),
    );
    answers.forEach((answer, i) => {
      const view = answer.json() as VisitView;
      expect(view.id).toBe(drafts[i]!.id);
      expect(view.householdId).toBe(drafts[i]!.householdId);
      expect(view.recordedBy.id).toBe(users[i]);
    });
    for (const [i, draft] of drafts.entries()) {
      const [row] = await t.db.query<{ recordedBy: string; householdId: string }>(
        'select recorded_by as "recordedBy", household_id as "householdId" from visit where id = $1',
        [draft.id],
      );
      expect(row).toEqual({ recordedBy: users[i], householdId: draft.householdId });
      expect(await count("visit_problem", "visit_id = $1", [draft.id])).toBe(2);
      expect(await count("visit_member_status", "visit_id = $1", [draft.id])).toBe(2);
      expect(await count("audit_event", "action = 'visit.record' and entity_id = $1", [draft.id])).toBe(1);
    }
  });

  it("fails only the visit whose write fails when it arrives together with others", async () => {
    const good = await household();
    const broken = await household();
    // A member the latest version lists but the registry no longer holds: the visit passes its
    // checks, and its write breaks on the member's key.
    const phantom = randomUUID();
    await t.db.query(
      `update household_version set snapshot = jsonb_set(snapshot, '{household,members}',
         snapshot->'household'->'members' || jsonb_build_array(jsonb_build_object('id', $2::text, 'name', '无此人')))
       where household_id = $1 and version = (select version from household where id = $1)`,
      [broken.id, phantom],
    );
    const goodVisits = [visitOf(good), visitOf(good)];
    const brokenVisit = visitOf(broken, {
      memberStatuses: [{ memberId: phantom, status: "home_isolation", since: "2020-02-01", until: null }],
    });
    const answers = await Promise.all(
      [goodVisits[0]!, brokenVisit, goodVisits[1]!].map((draft) =>
        caseworker.request("POST", "/api/visits", draft),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 500, 200]);
    for (const draft of goodVisits) expect(await count("visit", "id = $1", [draft.id])).toBe(1);
    expect(await count("visit", "id = $1", [brokenVisit.id])).toBe(0);
    expect(await count("visit_problem", "visit_id = $1", [brokenVisit.id])).toBe(0);
    expect(await count("audit_event", "action = 'visit.record' and entity_id = $1", [brokenVisit.id])).toBe(
      0,
    );
    // The phone's retry of the two good ones changes nothing.
    const retried = await Promise.all(
      goodVisits.map((draft) => caseworker.request("POST", "/api/visits", draft)),
    );
    expect(retried.map((a) => a.statusCode)).toEqual([200, 200]);
    for (const draft of goodVisits) expect(await count("visit", "id = $1", [draft.id])).toBe(1);
    await t.db.query(
      `update household_version set snapshot = jsonb_set(snapshot, '{household,members}',
         (snapshot->'household'->'members') - (jsonb_array_length(snapshot->'household'->'members') - 1))
       where household_id = $1 and version = (select version from household where id = $1)`,
      [broken.id],
    );
  });

  it("refuses an id that was used for a different record", async () => {
    const detail = await household();
    const visit = visitOf(detail);
    expect((await caseworker.request("POST", "/api/visits", visit)).statusCode).toBe(200);
    const altered = await caseworker.request("POST", "/api/visits", { ...visit, metWith: "别人" });
    expect(altered.statusCode).toBe(409);
    const other = await household();
    const elsewhere = await caseworker.request("POST", "/api/visits", { ...visitOf(other), id: visit.id });
    expect(elsewhere.statusCode).toBe(409);
    const [stored] = await t.db.query<{ metWith: string }>(
      'select met_with as "metWith" from visit where id = $1',
      [visit.id],
    );
    expect(stored?.metWith).toBe("户主张大山");
  });

  it("refuses bad input with a clear error and writes nothing", async () => {
    const detail = await household();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const cases: [Partial<VisitDraft>, number, string][] = [
      [{ visitedOn: future }, 400, "body.visitedOn"],
      [{ recordedAt: new Date(Date.now() + 86_400_000).toISOString() }, 400, "body.recordedAt"],
      [
        {
          memberStatuses: [
            { memberId: detail.members[0]!.id, status: "home_isolation", since: future, until: null },
          ],
        },
        400,
        "body.memberStatuses.0.since",
      ],
      [
        { memberStatuses: [{ memberId: randomUUID(), status: "none", since: null, until: null }] },
        400,
        "body.memberStatuses.0.memberId",
      ],
      [
        {
          photos: [
            { mediaType: "image/jpeg", dataBase64: Buffer.from("%PDF-1.4 not a photo").toString("base64") },
          ],
        },
        400,
        "body.photos.0.dataBase64",
      ],
      [
        { photos: [{ mediaType: "image/jpeg", dataBase64: PNG.toString("base64") }] },
        400,
        "body.photos.0.mediaType",
      ],
      [{ photos: [{ mediaType: "image/png", dataBase64: "not base64!" }] }, 400, "body.photos.0.dataBase64"],
      [
        {
          photos: [
            {
              mediaType: "image/jpeg",
              dataBase64: Buffer.concat([JPEG, Buffer.alloc(500 * 1024)]).toString("base64"),
            },
          ],
        },
        400,
        "body.photos.0.dataBase64",
      ],
      [{ indicators: [{ code: "eight_haves_road", isMet: true, note: "" }] }, 400, "body.indicators.0.code"],
      [{ problems: [{ kind: "other", note: "" }] }, 400, "body.problems.0.note"],
      [{ kind: "telegram" as "phone" }, 400, "body.kind"],
      [{ metWith: "x".repeat(101) }, 400, "body.metWith"],
      [
        { problems: Array.from({ length: 21 }, () => ({ kind: "food" as const, note: "" })) },
        400,
        "body.problems",
      ],
    ];
    for (const [overrides, status, path] of cases) {
      const visit = visitOf(detail, overrides);
      const response = await caseworker.request("POST", "/api/visits", visit);
      expect(response.statusCode, path).toBe(status);
      const details = (response.json() as { error: { details?: { path: string }[] } }).error.details ?? [];
      expect(
        details.map((d) => d.path),
        path,
      ).toContain(path);
      expect(await count("visit", "id = $1", [visit.id])).toBe(0);
    }
    // Unknown fields and a body beyond the limit.
    const extra = await caseworker.request("POST", "/api/visits", { ...visitOf(detail), secret: 1 });
    expect(extra.statusCode).toBe(400);
    const huge = visitOf(detail, {
      photos: Array.from({ length: 3 }, () => ({
        mediaType: "image/jpeg" as const,
        dataBase64: "A".repeat(600_000),
      })),
      livingConditions: "长".repeat(1000),
    });
    const tooLarge = await caseworker.request("POST", "/api/visits", {
      ...huge,
      padding: "x".repeat(1_000_000),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(await count("visit", "household_id = $1", [detail.id])).toBe(0);
  });

  it("refuses households outside a caseworker's assignment and outside a cadre's village", async () => {
    const notMine = await household(VILLAGE, false);
    const refused = await caseworker.request("POST", "/api/visits", visitOf(notMine));
    expect(refused.statusCode).toBe(403);
    const elsewhere = await household(OTHER_VILLAGE, false);
    expect((await cadre.request("POST", "/api/visits", visitOf(elsewhere))).statusCode).toBe(403);
    expect((await cadre.request("POST", "/api/visits", visitOf(notMine))).statusCode).toBe(200);
    const leader = await signIn(
      t.app,
      (await createUserFixture(t.db, { role: "leader", regionCode: JING_COUNTY })).username,
    );
    expect((await leader.request("POST", "/api/visits", visitOf(notMine))).statusCode).toBe(403);
    expect(await count("visit", "household_id = $1", [elsewhere.id])).toBe(0);
    // The caseworker does not see visits to households that are not theirs.
    const list = (await caseworker.request("GET", `/api/visits?householdId=${notMine.id}`)).json() as {
      total: number;
    };
    expect(list.total).toBe(0);
  });

  it("asks the county's own checklist once it has one", async () => {
    const detail = await household();
    const current = (await caseworker.request("GET", `/api/visit-indicators/${JING_COUNTY}`)).json() as {
      isDefault: boolean;
      version: number;
    };
    expect(current).toMatchObject({ isDefault: true, version: 0 });
    const eightHaves = [
      { code: "income", zh: "有稳定收入", en: "Stable income" },
      { code: "house", zh: "有安全住房", en: "Safe housing" },
      { code: "water", zh: "有安全饮水", en: "Safe water" },
    ];
    expect(
      (
        await caseworker.request("PUT", `/api/visit-indicators/${JING_COUNTY}`, {
          indicators: eightHaves,
          version: 0,
        })
      ).statusCode,
    ).toBe(403);
    const set = await admin.request("PUT", `/api/visit-indicators/${JING_COUNTY}`, {
      indicators: eightHaves,
      version: 0,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ isDefault: false, version: 1 });
    const stale = await admin.request("PUT", `/api/visit-indicators/${JING_COUNTY}`, {
      indicators: eightHaves,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    const refused = await caseworker.request("POST", "/api/visits", visitOf(detail));
    expect(refused.statusCode).toBe(400);
    const visit = visitOf(detail, { indicators: [{ code: "income", isMet: true, note: "" }] });
    const accepted = await caseworker.request("POST", "/api/visits", visit);
    expect(accepted.statusCode).toBe(200);
    expect((accepted.json() as VisitView).indicators[0]!.label).toBe("有稳定收入");
    // Back to the basic guarantees for the other tests.
    await t.db.query("delete from visit_indicator_set where county_code = $1", [JING_COUNTY]);
  });
});

describe("the phone's households", () => {
  it("are the caseworker's assigned ones, with what a visit needs and no personal numbers", async () => {
    const mine = await household();
    const notMine = await household(VILLAGE, false);
    const response = await caseworker.request("GET", "/api/my-households");
    expect(response.statusCode).toBe(200);
    const body = response.json() as {
      households: {
        id: string;
        version: number;
        members: Record<string, unknown>[];
        lastVisitedOn: string | null;
      }[];
      indicators: { code: string }[];
      isTruncated: boolean;
    };
    const ids = body.households.map((h) => h.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(notMine.id);
    expect(body.isTruncated).toBe(false);
    expect(body.indicators.map((i) => i.code)).toEqual([
      "food",
      "clothing",
      "education",
      "medical",
      "housing",
      "water",
    ]);
    const phone = body.households.find((h) => h.id === mine.id)!;
    expect(phone).toMatchObject({ version: 1, lastVisitedOn: null });
    expect(phone.members[0]).toMatchObject({ name: "张大山", relation: "head" });
    expect(JSON.stringify(body)).not.toMatch(/idNumber|"phone"|bankAccount|13955501234|6228480012345678/);
    const [full] = await t.db.query<{ idNumber: string }>(
      'select id_number as "idNumber" from member where id = $1',
      [mine.members[0]!.id],
    );
    expect(JSON.stringify(body)).not.toContain(full!.idNumber);
    const leader = await signIn(
      t.app,
      (await createUserFixture(t.db, { role: "leader", regionCode: JING_COUNTY })).username,
    );
    expect((await leader.request("GET", "/api/my-households")).statusCode).toBe(403);
  });
});
