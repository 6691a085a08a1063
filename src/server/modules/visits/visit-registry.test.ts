import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import type { VisitView } from "../../../shared/api/visits.api.js";
import { draftOfDetail } from "../../test/household-factory.js";
import type { TestAgent, TestApp } from "../../test/test-app.js";
import { createVisitTestbed, type VisitTestbed, visitOf } from "../../test/visit-fixtures.js";

// Registry changes proposed on a visit: applied as the next household version when the phone had
// the current one, kept for the village cadre when it did not, never written over a newer version.
let t: TestApp;
let admin: TestAgent;
let caseworker: TestAgent;
let cadre: TestAgent;
let bed: VisitTestbed;

beforeAll(async () => {
  bed = await createVisitTestbed();
  ({ t, admin, caseworker, cadre } = bed);
});
afterAll(() => t.close());

const household = (regionCode?: string, isAssigned?: boolean) => bed.household(regionCode, isAssigned);
const count = (table: string, where: string, params: unknown[]) => bed.count(table, where, params);

describe("registry changes proposed on a visit", () => {
  const income2020 = {
    year: 2020,
    wage: 20000,
    business: 0,
    property: 0,
    transfer: 3000,
    pension: 1800,
    dibao: 0,
    tekun: 0,
    ecoCompensation: 200,
    otherTransfer: 1000,
    businessCosts: 0,
  };

  it("become the household's next version when the phone had the current one", async () => {
    const detail = await household();
    const visit = visitOf(detail, {
      changes: {
        baseVersion: 1,
        income: income2020,
        conditions: { hasSanitaryToilet: false, dangerousHouseGrade: "b" },
        members: [{ id: detail.members[3]!.id, health: "serious" }],
      },
    });
    const response = await caseworker.request("POST", "/api/visits", visit);
    expect(response.statusCode).toBe(200);
    expect((response.json() as VisitView).registry).toMatchObject({
      outcome: "applied",
      baseVersion: 1,
      appliedVersion: 2,
    });
    const after = (await admin.request("GET", `/api/households/${detail.id}`)).json() as HouseholdDetail;
    expect(after.version).toBe(2);
    expect(after.dangerousHouseGrade).toBe("b");
    expect(after.members[3]!.health).toBe("serious");
    // (20000 + 3000) ÷ 4
    expect(after.incomes.find((i) => i.year === 2020)?.perCapitaIncome).toBe("5750.00");
    const versions = (await admin.request("GET", `/api/households/${detail.id}/versions`)).json() as {
      rows: { version: number; reason: string }[];
    };
    expect(versions.rows[0]).toMatchObject({ version: 2, reason: "走访（2020-02-10）" });
    // Personal fields the phone only ever saw masked are kept as stored.
    const [head] = await t.db.query<{ idNumber: string }>(
      'select id_number as "idNumber" from member where id = $1',
      [detail.members[0]!.id],
    );
    expect(head?.idNumber).not.toContain("*");
    // A retry applies nothing a second time.
    expect((await caseworker.request("POST", "/api/visits", visit)).statusCode).toBe(200);
    expect(
      ((await admin.request("GET", `/api/households/${detail.id}`)).json() as HouseholdDetail).version,
    ).toBe(2);
  });

  it("refuses changes that break the registry's checks, writing nothing", async () => {
    const detail = await household();
    const visit = visitOf(detail, {
      changes: { baseVersion: 1, income: { ...income2020, transfer: 99 } },
    });
    const response = await caseworker.request("POST", "/api/visits", visit);
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain("body.changes.income");
    expect(await count("visit", "id = $1", [visit.id])).toBe(0);
    const unknown = visitOf(detail, {
      changes: { baseVersion: 1, members: [{ id: randomUUID(), health: "serious" }] },
    });
    expect((await caseworker.request("POST", "/api/visits", unknown)).statusCode).toBe(400);
    const ahead = visitOf(detail, { changes: { baseVersion: 7, conditions: { hasElectricity: false } } });
    expect((await caseworker.request("POST", "/api/visits", ahead)).statusCode).toBe(400);
  });

  it("keep a change against a stale version as a pending change, never overwriting the newer one", async () => {
    const detail = await household();
    // The township edits the household after the phone loaded version 1.
    const edited = await admin.request("PUT", `/api/households/${detail.id}`, {
      household: { ...draftOfDetail(detail), address: "新地址" },
      version: 1,
      reason: "更正地址",
    });
    expect(edited.statusCode).toBe(200);
    const visit = visitOf(detail, {
      changes: { baseVersion: 1, conditions: { hasElectricity: false }, income: income2020 },
    });
    const response = await caseworker.request("POST", "/api/visits", visit);
    expect(response.statusCode).toBe(200);
    const view = response.json() as VisitView;
    expect(view.registry.outcome).toBe("pending");
    expect(view.registry.pendingChangeId).not.toBeNull();
    const after = (await admin.request("GET", `/api/households/${detail.id}`)).json() as HouseholdDetail;
    expect(after).toMatchObject({ version: 2, address: "新地址", hasElectricity: true });

    const queue = (await cadre.request("GET", "/api/pending-changes")).json() as { rows: { id: string }[] };
    expect(queue.rows.map((r) => r.id)).toContain(view.registry.pendingChangeId);
    const change = (
      await cadre.request("GET", `/api/pending-changes/${view.registry.pendingChangeId}`)
    ).json() as {
      fields: { path: string; base: unknown; current: unknown; proposed: unknown }[];
      householdVersion: number;
      baseVersion: number;
    };
    expect(change).toMatchObject({ householdVersion: 2, baseVersion: 1 });
    expect(change.fields).toContainEqual({
      path: "conditions.hasElectricity",
      memberName: null,
      base: true,
      current: true,
      proposed: false,
    });
    expect(change.fields).toContainEqual({
      path: "income.wage",
      memberName: null,
      base: 30000,
      current: 30000,
      proposed: 20000,
    });

    // A caseworker may not settle it; a cadre must compare against the current version.
    const url = `/api/pending-changes/${view.registry.pendingChangeId}/resolve`;
    expect((await caseworker.request("POST", url, { decision: "apply", version: 2 })).statusCode).toBe(403);
    expect((await cadre.request("POST", url, { decision: "apply", version: 1 })).statusCode).toBe(409);
    const applied = await cadre.request("POST", url, { decision: "apply", version: 2, note: "已电话核实" });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({
      status: "applied",
      appliedVersion: 3,
      resolutionNote: "已电话核实",
    });
    const final = (await admin.request("GET", `/api/households/${detail.id}`)).json() as HouseholdDetail;
    expect(final).toMatchObject({ version: 3, address: "新地址", hasElectricity: false });
    expect((await cadre.request("POST", url, { decision: "reject", version: 3 })).statusCode).toBe(409);
  });

  it("lets the cadre reject a pending change, leaving the household as it is", async () => {
    const detail = await household();
    await admin.request("PUT", `/api/households/${detail.id}`, {
      household: { ...draftOfDetail(detail), address: "又一地址" },
      version: 1,
      reason: "更正",
    });
    const visit = visitOf(detail, { changes: { baseVersion: 1, conditions: { fuel: "gas" } } });
    const view = (await caseworker.request("POST", "/api/visits", visit)).json() as VisitView;
    const rejected = await cadre.request(
      "POST",
      `/api/pending-changes/${view.registry.pendingChangeId}/resolve`,
      {
        decision: "reject",
        version: 2,
        note: "户主说没有改用燃气",
      },
    );
    expect(rejected.json()).toMatchObject({ status: "rejected", appliedVersion: null });
    const after = (await admin.request("GET", `/api/households/${detail.id}`)).json() as HouseholdDetail;
    expect(after).toMatchObject({ version: 2, fuel: "firewood" });
  });

  it("when two visits change the same version at once, one is applied and the other waits", async () => {
    const detail = await household();
    const a = visitOf(detail, { changes: { baseVersion: 1, conditions: { fuel: "coal" } } });
    const b = visitOf(detail, { changes: { baseVersion: 1, conditions: { fuel: "electricity" } } });
    const [ra, rb] = await Promise.all([
      caseworker.request("POST", "/api/visits", a),
      cadre.request("POST", "/api/visits", b),
    ]);
    const outcomes = [ra, rb].map((r) => (r.json() as VisitView).registry.outcome).sort();
    expect(outcomes).toEqual(["applied", "pending"]);
    const after = (await admin.request("GET", `/api/households/${detail.id}`)).json() as HouseholdDetail;
    expect(after.version).toBe(2);
    expect(await count("household_version", "household_id = $1", [detail.id])).toBe(2);
  });
});
