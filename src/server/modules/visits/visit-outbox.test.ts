import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import type { VisitDraft } from "../../../shared/api/visits.api.js";
import {
  isUnsent,
  type OutboxRecord,
  type OutboxStore,
  outboxRecordOf,
  syncOutbox,
} from "../../../shared/visit-outbox.js";
import { householdDraft } from "../../test/household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";

// The phone's outbox against a server behind a faulty network: connections dropped before the
// request arrives, answers lost after the visit was stored, requests so slow the phone gives up
// (and that still arrive afterwards, racing the retry), and 500/502 answers. Every record must
// arrive exactly once.

const N = 40;
const TIMEOUT_MS = 300;
const SEED = 20200210;

let t: TestApp;
let proxy: Server;
let proxyUrl: string;
let agent: TestAgent;
let households: HouseholdDetail[];
const inFlight = new Set<Promise<unknown>>();
const faults = { dropped: 0, lostAnswer: 0, late: 0, error5xx: 0, passed: 0 };

/** A small seeded generator (mulberry32), so that a failing run can be repeated. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function bodyOf(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  agent = await signIn(t.app, admin.username);
  households = [];
  for (let i = 0; i < 3; i += 1) {
    const created = await agent.request("POST", "/api/households", { household: householdDraft() });
    households.push((created.json() as { household: HouseholdDetail }).household);
  }
  const upstream = await t.app.listen({ port: 0, host: "127.0.0.1" });
  const random = seeded(SEED);
  proxy = createServer((request, response) => {
    const handled = (async () => {
      const body = await bodyOf(request);
      const roll = random();
      const forward = () =>
        fetch(`${upstream}${request.url}`, {
          method: request.method,
          headers: {
            "content-type": String(request.headers["content-type"] ?? "application/json"),
            cookie: String(request.headers.cookie ?? ""),
            "x-csrf-token": String(request.headers["x-csrf-token"] ?? ""),
          },
          body,
        });
      if (roll < 0.15) {
        faults.dropped += 1;
        request.socket.destroy();
      } else if (roll < 0.3) {
        faults.error5xx += 1;
        response.writeHead(roll < 0.25 ? 500 : 502, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { code: "INTERNAL", message: "故障注入" } }));
      } else if (roll < 0.45) {
        // Stored on the server, but the phone never hears so.
        faults.lostAnswer += 1;
        await (await forward()).arrayBuffer();
        request.socket.destroy();
      } else if (roll < 0.6) {
        // The phone gives up waiting; the request reaches the server afterwards all the same.
        faults.late += 1;
        await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS + 50 + random() * 200));
        await (await forward()).arrayBuffer();
        request.socket.destroy();
      } else {
        faults.passed += 1;
        const answer = await forward();
        response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "" });
        response.end(Buffer.from(await answer.arrayBuffer()));
      }
    })().catch(() => request.socket.destroy());
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => proxy.close(resolve));
  await t.close();
});

function memoryStore(): OutboxStore & { records: Map<string, OutboxRecord> } {
  const records = new Map<string, OutboxRecord>();
  return {
    records,
    list: async () => [...records.values()].map((r) => structuredClone(r)),
    put: async (record) => {
      records.set(record.id, structuredClone(record));
    },
    remove: async (id) => {
      records.delete(id);
    },
  };
}

function visit(i: number): VisitDraft {
  const household = households[i % households.length]!;
  return {
    id: randomUUID(),
    householdId: household.id,
    kind: "phone",
    visitedOn: "2020-02-10",
    metWith: `户主（第 ${i + 1} 条）`,
    problems: [{ kind: "supplies", note: `记录 ${i + 1}` }],
    memberStatuses: [
      { memberId: household.members[0]!.id, status: "home_isolation", since: "2020-02-01", until: null },
    ],
    recordedAt: "2020-02-10T10:00:00+08:00",
  };
}

describe("the outbox over a faulty network", () => {
  it(`delivers each of ${N} records exactly once`, async () => {
    const store = memoryStore();
    const sent = Array.from({ length: N }, (_, i) => visit(i));
    for (const body of sent) await store.put(outboxRecordOf(body, "测试户", "me"));
    // Another user's record left on the same phone is not sent in this user's session.
    const theirs = visit(N);
    await store.put(outboxRecordOf(theirs, "他人的户", "someone-else"));
    const transport = async (body: VisitDraft, signal: AbortSignal) => {
      const response = await fetch(`${proxyUrl}/api/visits`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          cookie: agent.cookie,
          "x-csrf-token": agent.csrfToken,
        },
        body: JSON.stringify(body),
        signal,
      });
      const text = await response.text();
      const code = /"code":"(\w+)"/.exec(text)?.[1];
      return { status: response.status, errorCode: response.ok ? undefined : code };
    };
    let rounds = 0;
    const mineUnsent = () => [...store.records.values()].filter((r) => r.userId === "me" && isUnsent(r));
    while (mineUnsent().length > 0 && rounds < 100) {
      rounds += 1;
      const result = await syncOutbox(store, transport, {
        userId: "me",
        timeoutMs: TIMEOUT_MS,
        backoffMs: () => 0,
      });
      expect(result.failed).toBe(0);
      expect(result.isSignedOut).toBe(false);
    }
    // Late requests still on their way reach the server before it is counted.
    await Promise.all([...inFlight]);

    expect(mineUnsent()).toEqual([]);
    expect(store.records.get(theirs.id)?.state).toBe("waiting");
    expect(faults.dropped + faults.lostAnswer + faults.late + faults.error5xx).toBeGreaterThan(N / 2);
    const ids = sent.map((body) => body.id);
    const stored = await t.db.query<{ id: string; problems: number; statuses: number }>(
      `select v.id, (select count(*)::int from visit_problem p where p.visit_id = v.id) as problems,
         (select count(*)::int from visit_member_status s where s.visit_id = v.id) as statuses
       from visit v where v.household_id = any($1::uuid[])`,
      [households.map((h) => h.id)],
    );
    expect(stored.map((row) => row.id).sort()).toEqual([...ids].sort());
    expect(stored.every((row) => row.problems === 1 && row.statuses === 1)).toBe(true);
    const [audit] = await t.db.query<{ n: number }>(
      "select count(*)::int as n from audit_event where action = 'visit.record' and entity_id = any($1::text[])",
      [ids],
    );
    expect(audit?.n).toBe(N);
    console.info(`outbox under faults: ${N} records in ${rounds} rounds; faults ${JSON.stringify(faults)}`);
  });
});
