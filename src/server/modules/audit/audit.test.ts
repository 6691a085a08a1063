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
import { sealAuditTrail, startAuditSealing } from "./audit-seal.js";
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
    const unsealed = await t.db.query<{ seq: number | null; hash: string | null }>(
      "select seq, hash from audit_event where action = 'test.write'",
    );
    expect(unsealed).toEqual([{ seq: null, hash: null }]);
    expect(await sealAuditTrail(t.db)).toBeGreaterThan(0);
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
    expect(await verifyAuditTrail(t.db)).toMatchObject({ problems: [], sealingError: null });
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

  it("seals concurrent writers of one county into one chain with no gaps, each entry once", async () => {
    const chain = "341823000000";
    await sealAuditTrail(t.db);
    const before = await t.db.query<{ lastSeq: number }>(
      `select last_seq as "lastSeq" from audit_chain where chain_code = $1`,
      [chain],
    );
    const start = before[0]?.lastSeq ?? 0;
    const write = (i: number) =>
      t.db.transaction((tx) =>
        recordAudit(tx, null, origin, {
          action: "test.concurrent",
          entityType: "thing",
          entityId: String(i),
          regionCode: i % 2 === 0 ? "341823100001" : "341823100002",
        }),
      );
    // Writers and sealers at once: sealers take turns, and a batch seals only what has committed.
    const sealings: Promise<number>[] = [];
    await Promise.all(
      Array.from({ length: 60 }, (_, i) => {
        if (i % 20 === 0) sealings.push(sealAuditTrail(t.db, 7));
        return write(i);
      }),
    );
    const sealedMeanwhile = (await Promise.all(sealings)).reduce((a, b) => a + b, 0);
    const sealedAfter = await sealAuditTrail(t.db, 7);
    expect(await sealAuditTrail(t.db)).toBe(0);
    const rows = await t.db.query<{ seq: number; entityId: string }>(
      `select seq, entity_id as "entityId" from audit_event where chain_code = $1 and seq > $2 order by seq`,
      [chain, start],
    );
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => start + i + 1));
    expect(new Set(rows.map((r) => r.entityId)).size).toBe(60);
    expect(sealedMeanwhile + sealedAfter).toBe(60);
    const [head] = await t.db.query<{ lastSeq: number }>(
      `select last_seq as "lastSeq" from audit_chain where chain_code = $1`,
      [chain],
    );
    expect(head?.lastSeq).toBe(start + rows.length);
    expect((await verifyAuditTrail(t.db)).problems).toEqual([]);
  });

  it("lets the database seal an entry once, and nothing else", async () => {
    await t.db.transaction((tx) =>
      recordAudit(tx, null, origin, {
        action: "test.seal",
        entityType: "thing",
        entityId: "3",
        regionCode: JING_COUNTY,
      }),
    );
    // A change other than the seal, even along with it, is refused; so is an entry that arrives sealed.
    await expect(
      t.db.query(
        `update audit_event set seq = 999999, prev_hash = 'p', hash = 'h', action = 'x' where action = 'test.seal'`,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.query(
        `insert into audit_event (chain_code, occurred_at, action, entity_type, entity_id, region_code, seq,
           prev_hash, hash) values ($1, now(), 'test.forged', 'thing', '4', $1, 999999, 'p', 'h')`,
        [JING_COUNTY],
      ),
    ).rejects.toThrow(/arrive unsealed/);
    expect(await sealAuditTrail(t.db)).toBe(1);
    const [sealed] = await t.db.query<{ seq: number; hash: string }>(
      "select seq, hash from audit_event where action = 'test.seal'",
    );
    expect(sealed?.hash).toMatch(/^[0-9a-f]{64}$/);
    await expect(
      t.db.query(
        "update audit_event set seq = 999999, prev_hash = 'p', hash = 'h' where action = 'test.seal'",
      ),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query("delete from audit_event where action = 'test.seal'")).rejects.toThrow(
      /append-only/,
    );
    expect(await sealAuditTrail(t.db)).toBe(0);
    expect(await t.db.query("select seq, hash from audit_event where action = 'test.seal'")).toEqual([
      sealed,
    ]);
    expect((await verifyAuditTrail(t.db)).problems).toEqual([]);
  });

  it("checks every column but the seal's in the update trigger's condition", async () => {
    // The condition lists the columns one by one (cheaper than comparing whole rows as jsonb), so a
    // column added to the table must be added there too, or a seal could carry a change with it.
    const columns = await t.db.query<{ name: string }>(
      `select column_name as name from information_schema.columns
       where table_name = 'audit_event' and column_name not in ('seq', 'prev_hash', 'hash')`,
    );
    const [trigger] = await t.db.query<{ definition: string }>(
      `select pg_get_triggerdef(oid) as definition from pg_trigger
       where tgname = 'audit_event_no_update' and tgrelid = 'audit_event'::regclass`,
    );
    expect(columns.length).toBeGreaterThan(10);
    for (const { name } of columns) {
      expect(trigger?.definition).toMatch(new RegExp(`\\bnew\\.${name}\\b`));
      expect(trigger?.definition).toMatch(new RegExp(`\\bold\\.${name}\\b`));
    }
  });

  it("is sealed in the background by the server", async () => {
    await t.db.transaction((tx) =>
      recordAudit(tx, null, origin, {
        action: "test.background",
        entityType: "thing",
        entityId: "6",
        regionCode: JING_COUNTY,
      }),
    );
    const stop = startAuditSealing(t.db, 20);
    try {
      const deadline = Date.now() + 5_000;
      let rows: { seq: number | null }[] = [];
      while (Date.now() < deadline) {
        rows = await t.db.query("select seq from audit_event where action = 'test.background'");
        if (rows[0]?.seq !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(rows[0]?.seq).toEqual(expect.any(Number));
    } finally {
      stop();
    }
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

  it("detects a removed entry and an entry slipped in after the head", async () => {
    const [middle] = await t.db.query<{ seq: number }>(
      "select seq from audit_event where action = 'test.concurrent' and entity_id = '30'",
    );
    await t.db.exec(`alter table audit_event disable trigger audit_event_no_delete;
      delete from audit_event where action = 'test.concurrent' and entity_id = '30';
      alter table audit_event enable trigger audit_event_no_delete;`);
    expect((await verifyAuditTrail(t.db)).problems).toContainEqual({
      chainCode: JING_COUNTY,
      seq: middle!.seq,
      problem: "missing_event",
    });
    await t.db.exec(`alter table audit_event disable trigger audit_event_unsealed_insert;
      insert into audit_event (chain_code, occurred_at, action, entity_type, entity_id, region_code, seq,
        prev_hash, hash)
      select chain_code, now(), 'test.forged', 'thing', '5', chain_code, last_seq + 1, last_hash, last_hash
      from audit_chain where chain_code = '341823000000';
      alter table audit_event enable trigger audit_event_unsealed_insert;`);
    expect((await verifyAuditTrail(t.db)).problems).toContainEqual(
      expect.objectContaining({ chainCode: JING_COUNTY, problem: "head_mismatch" }),
    );
    // A new entry cannot be sealed into the place the forged one took: the check says why, too.
    await t.db.transaction((tx) =>
      recordAudit(tx, null, origin, {
        action: "test.after_forgery",
        entityType: "thing",
        entityId: "6",
        regionCode: "341823100001",
      }),
    );
    const result = await verifyAuditTrail(t.db);
    expect(result.sealingError).toMatch(/duplicate key|unique/i);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ chainCode: JING_COUNTY, problem: "head_mismatch" }),
    );
  });
});
