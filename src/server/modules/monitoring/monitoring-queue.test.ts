import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import type { VisitDraft } from "../../../shared/api/visits.api.js";
import { emptyIncome } from "../../../shared/household-income.js";
import { householdDraft, memberDraft } from "../../test/household-factory.js";
import { KUIFENG_HEADER, kuifengHouseholds, xlsxOf } from "../../test/roster-fixtures.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";
import { testEngine } from "../../test/test-db.js";
import { importRoster } from "../roster/roster-import.js";
import { drainEvaluationQueue } from "./monitoring-queue.js";
import { takeQueuedHouseholds } from "./monitoring-queue.queries.js";

// Households changed where no one evaluates the rules at once (a roster import, a field visit)
// are queued by triggers in the writer's transaction and evaluated by the background drain.

let t: TestApp;
let admin: TestAgent;
const TODAY = new Date("2020-12-31T00:00:00Z");

beforeAll(async () => {
  t = await createTestApp();
  const user = await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY });
  admin = await signIn(t.app, user.username);
  // The first sweep stores the county's default rules for 2019, the year whose income a roster
  // imported in 2020 reports (monitoring line 6,000 yuan).
  const sweep = await admin.request("POST", "/api/monitoring/sweeps", {
    countyCode: JING_COUNTY,
    year: 2019,
  });
  expect(sweep.statusCode, sweep.body).toBe(200);
});
afterAll(() => t.close());

const queued = async () =>
  (
    await t.db.query<{ householdId: string }>(
      `select distinct unnest(household_ids) as "householdId" from monitoring_evaluation_queue`,
    )
  ).map((r) => r.householdId);

async function openAlerts(householdNumber: string) {
  return t.db.query<{ ruleCode: string; facts: Record<string, unknown> }>(
    `select a.rule_code as "ruleCode", a.facts from monitoring_alert a
     join household h on h.id = a.household_id
     where h.household_number = $1 and a.status = 'open' order by a.rule_code`,
    [householdNumber],
  );
}

describe("a roster import", () => {
  it("queues the households it wrote; the drain raises their alerts, once", async () => {
    await drainEvaluationQueue(t.db, undefined, TODAY);
    const file = await xlsxOf([KUIFENG_HEADER, ...kuifengHouseholds().rows]);
    const summary = await importRoster(t.db, file, {
      countyCode: JING_COUNTY,
      fileName: "茂林镇.xlsx",
      isOnlyValid: false,
      isDryRun: false,
      actor: null,
      origin: { ip: null, userAgent: "test" },
      isInScope: () => true,
      today: TODAY,
    });
    expect(summary.status, summary.message ?? "").toBe("committed");
    expect(summary.created).toBe(2);
    // The import evaluated nothing itself: its households wait in the queue.
    expect(await queued()).toHaveLength(2);
    expect(await openAlerts("3418231012000001")).toEqual([]);

    expect(await drainEvaluationQueue(t.db, undefined, TODAY)).toBe(2);
    expect(await queued()).toEqual([]);
    // 5,123.50 yuan per person in 2019 is below the line of 6,000.
    expect(await openAlerts("3418231012000001")).toContainEqual({
      ruleCode: "income_below_line",
      facts: { year: 2019, perCapitaIncome: 5123.5, line: 6000 },
    });
    const before = await openAlerts("3418231012000001");

    // Idempotent: nothing left to do; queued again, the household keeps its one open alert.
    expect(await drainEvaluationQueue(t.db, undefined, TODAY)).toBe(0);
    await t.db.query(
      `insert into monitoring_evaluation_queue (household_ids, households)
       select array[id], 1 from household where household_number = '3418231012000001'`,
    );
    expect(await drainEvaluationQueue(t.db, undefined, TODAY)).toBe(1);
    expect(await openAlerts("3418231012000001")).toEqual(before);
    const [count] = await t.db.query<{ n: number }>(
      `select count(*)::int as n from monitoring_alert a join household h on h.id = a.household_id
       where h.household_number = '3418231012000001' and a.rule_code = 'income_below_line'`,
    );
    expect(count!.n).toBe(1);

    // Batches: rows are taken oldest first, a batch of one household a transaction here.
    await t.db.query(
      `insert into monitoring_evaluation_queue (household_ids, households)
       select ids[i:j], j - i + 1 from (select array_agg(id order by household_number) as ids from household
         where household_number like '341823101200000%') h, (values (1, 1), (1, 2), (2, 2)) as b (i, j)`,
    );
    expect(await drainEvaluationQueue(t.db, 1, TODAY)).toBe(4);
    expect(await queued()).toEqual([]);
    expect(await openAlerts("3418231012000001")).toEqual(before);
  });

  it("leaves the queue as it was when the import is refused", async () => {
    await drainEvaluationQueue(t.db, undefined, TODAY);
    const rows = kuifengHouseholds().rows.map((row) => [...row]);
    // An impossible ID number: the whole import is refused, nothing written, nothing queued.
    rows[0]![7] = "341823197503021230";
    const file = await xlsxOf([KUIFENG_HEADER, ...rows]);
    const summary = await importRoster(t.db, file, {
      countyCode: JING_COUNTY,
      fileName: "茂林镇.xlsx",
      isOnlyValid: false,
      isDryRun: false,
      actor: null,
      origin: { ip: null, userAgent: "test" },
      isInScope: () => true,
      today: TODAY,
    });
    expect(summary.status).toBe("rejected");
    expect(await queued()).toEqual([]);
  });
});

describe("a field visit", () => {
  it("queues the visited household without evaluating it; the drain raises the epidemic alert", async () => {
    const sweep = await admin.request("POST", "/api/monitoring/sweeps", {
      countyCode: JING_COUNTY,
      year: 2020,
    });
    expect(sweep.statusCode, sweep.body).toBe(200);
    // One person, 10,000 yuan in 2019 and 7,000 in 2020: down 30%, more than the rule's 20%.
    const draft = (year: number, wage: number, member = {}, fields = {}) =>
      householdDraft({
        members: [memberDraft({ name: "李四", relation: "head", ...member })],
        income: { ...emptyIncome(year), year, wage },
        ...fields,
      });
    const created = await admin.request("POST", "/api/households", { household: draft(2019, 10000) });
    expect(created.statusCode, created.body).toBe(200);
    const first = (created.json() as { household: HouseholdDetail }).household;
    const revised = await admin.request("PUT", `/api/households/${first.id}`, {
      household: draft(
        2020,
        7000,
        { id: first.members[0]!.id, idNumber: first.members[0]!.idNumber },
        { householdNumber: first.householdNumber },
      ),
      version: first.version,
      reason: "年度收入",
    });
    expect(revised.statusCode, revised.body).toBe(200);
    const detail = (revised.json() as { household: HouseholdDetail }).household;
    // A save is evaluated at once (and queued too, harmlessly): start from an empty queue.
    await drainEvaluationQueue(t.db, undefined, TODAY);
    expect(await openAlerts(detail.householdNumber)).toEqual([]);

    const visit: VisitDraft = {
      id: randomUUID(),
      householdId: detail.id,
      kind: "on_site",
      visitedOn: "2020-02-10",
      metWith: "户主",
      memberStatuses: [
        { memberId: detail.members[0]!.id, status: "central_quarantine", since: "2020-02-01", until: null },
      ],
      recordedAt: "2020-02-10T09:30:00+08:00",
    };
    const response = await admin.request("POST", "/api/visits", visit);
    expect(response.statusCode, response.body).toBe(200);
    // The visit evaluated nothing itself: the household waits in the queue.
    expect(await queued()).toEqual([detail.id]);
    expect(await openAlerts(detail.householdNumber)).toEqual([]);

    expect(await drainEvaluationQueue(t.db, undefined, TODAY)).toBe(1);
    expect(await queued()).toEqual([]);
    const alerts = await openAlerts(detail.householdNumber);
    expect(alerts.map((a) => a.ruleCode)).toEqual(["epidemic_isolation"]);
    expect(alerts[0]!.facts).toMatchObject({ lossPercent: 30, incomeLossPercent: 20 });
    // Draining again changes nothing.
    expect(await drainEvaluationQueue(t.db, undefined, TODAY)).toBe(0);
    expect(await openAlerts(detail.householdNumber)).toEqual(alerts);
  });
});

// PGlite runs one transaction at a time; PostgreSQL shows what two drains at once do.
describe.skipIf(testEngine !== "postgres")("two drains at once", () => {
  it("take different rows: a row one drain holds is skipped by the other, not waited for", async () => {
    await drainEvaluationQueue(t.db, undefined, TODAY);
    await t.db.query(
      `insert into monitoring_evaluation_queue (household_ids, households)
       select array[id], 1 from household where household_number like '341823101200000%'`,
    );
    let hasTaken!: () => void;
    const taken = new Promise<void>((resolve) => {
      hasTaken = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = t.db.transaction(async (tx) => {
      const ids = await takeQueuedHouseholds(tx, 1);
      hasTaken();
      await released;
      return ids;
    });
    await taken;
    const second = await t.db.transaction((tx) => takeQueuedHouseholds(tx, 1));
    release();
    const firstIds = await first;
    expect(firstIds).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(firstIds);
    expect(await queued()).toEqual([]);
  });
});
