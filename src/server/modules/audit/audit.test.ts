import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../shared/api/audit.api.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  PENGXI_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";
import { maskForAudit, recordAudit } from "./audit.service.js";
import { canonicalJson } from "./audit-chain.js";
import { verifyAuditTrail } from "./audit-verify.js";

let t: TestApp;
let admin: TestAgent;
const origin = { ip: "10.0.0.1", userAgent: "test" };

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
});
afterAll(() => t.close());

describe("audit trail", () => {
  it("masks ID numbers, phones and bank accounts and leaves secrets out", () => {
    expect(
      maskForAudit({
        idNumber: "34182319800101123X",
        headPhone: "13912345678",
        bankAccount: "6222021234567890",
        passwordHash: "s",
        name: "张三",
      }),
    ).toEqual({
      idNumber: "341823********123X",
      headPhone: "139****5678",
      bankAccount: "****7890",
      name: "张三",
    });
  });

  it("hashes canonical JSON, independent of key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it("records who, what, where and before/after for each write, chained per county", async () => {
    await t.db.transaction((tx) =>
      recordAudit(tx, null, origin, {
        action: "test.write",
        entityType: "thing",
        entityId: "1",
        regionCode: "341823100001",
        before: { n: 1 },
        after: { n: 2 },
      }),
    );
    const rows = await t.db.query<{
      chain: string;
      seq: number;
      ip: string;
      before: unknown;
      after: unknown;
    }>(`select chain_code as chain, seq, ip, before, after from audit_event where action = 'test.write'`);
    expect(rows).toEqual([
      { chain: JING_COUNTY, seq: expect.any(Number), ip: "10.0.0.1", before: { n: 1 }, after: { n: 2 } },
    ]);
    const result = await verifyAuditTrail(t.db);
    expect(result.problems).toEqual([]);
    expect(result.events).toBeGreaterThan(1);
  });

  it("rolls back with the write it belongs to", async () => {
    const before = await t.db.query("select 1 from audit_event");
    await expect(
      t.db.transaction(async (tx) => {
        await recordAudit(tx, null, origin, {
          action: "test.lost",
          entityType: "thing",
          entityId: "2",
          regionCode: JING_COUNTY,
        });
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    expect(await t.db.query("select 1 from audit_event")).toHaveLength(before.length);
    expect((await verifyAuditTrail(t.db)).problems).toEqual([]);
  });

  it("cannot be changed or deleted through SQL", async () => {
    await expect(t.db.query("update audit_event set action = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.db.query("delete from audit_event")).rejects.toThrow(/append-only/);
    await expect(t.db.query("truncate audit_event")).rejects.toThrow(/append-only/);
  });

  it("lists entries within the scope, filtered by record", async () => {
    const created = await admin.request("POST", "/api/users", {
      username: "audit.me",
      displayName: "审计",
      role: "caseworker",
      regionCode: "341823100001",
    });
    const id = (created.json() as { user: { id: string } }).user.id;
    const list = (await admin.request("GET", `/api/audit?entityType=user&entityId=${id}`)).json() as {
      rows: AuditEntry[];
      total: number;
    };
    expect(list.total).toBe(1);
    expect(list.rows[0]).toMatchObject({ action: "user.create", after: { username: "audit.me" } });
    expect(list.rows[0]?.actorUsername).toBeTruthy();
    const pengxi = await createUserFixture(t.db, { role: "administrator", regionCode: PENGXI_COUNTY });
    const outsider = await signIn(t.app, pengxi.username);
    const hidden = (await outsider.request("GET", `/api/audit?entityId=${id}`)).json() as { total: number };
    expect(hidden.total).toBe(0);
  });

  it("detects a tampered entry", async () => {
    // Only a database superuser can get past the trigger; the chain still tells.
    await t.db.exec(`alter table audit_event disable trigger audit_event_no_update;
      update audit_event set after = '{"n": 3}' where action = 'test.write';
      alter table audit_event enable trigger audit_event_no_update;`);
    const result = await verifyAuditTrail(t.db);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ chainCode: JING_COUNTY, problem: "hash_mismatch" }),
    );
  });
});
