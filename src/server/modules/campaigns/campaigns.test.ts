import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CampaignSummary, CampaignView, DifficultyRow } from "../../../shared/api/campaigns.api.js";
import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import type { VisitDraft } from "../../../shared/api/visits.api.js";
import { householdDraft } from "../../test/household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";
import ExcelJS from "../roster/exceljs.js";

// A known dataset: six households of one township, five screened for the campaign, with figures
// worked out by hand below.
let t: TestApp;
let admin: TestAgent;
let workerA: TestAgent;
let workerB: TestAgent;
let cadre: TestAgent;
let ids: { a: string; b: string };
const TOWNSHIP = "341823100000";
const VILLAGE = "341823100001";
const OTHER_VILLAGE = "341823100002";
let h: HouseholdDetail[];
let campaign: CampaignView;
let openCampaign: CampaignView;

async function household(regionCode: string, caseworkerId: string | null): Promise<HouseholdDetail> {
  const created = await admin.request("POST", "/api/households", {
    household: householdDraft({ regionCode }),
  });
  expect(created.statusCode).toBe(200);
  const detail = (created.json() as { household: HouseholdDetail }).household;
  if (caseworkerId) {
    const assigned = await admin.request("PUT", `/api/households/${detail.id}/caseworkers`, {
      userIds: [caseworkerId],
    });
    expect(assigned.statusCode).toBe(200);
  }
  return detail;
}

type Status = "none" | "home_isolation" | "central_quarantine" | "released";

/** A campaign visit with member statuses by member index. */
function visit(
  agent: TestAgent,
  detail: HouseholdDetail,
  visitedOn: string,
  statuses: Partial<Record<number, Status>>,
  problems: VisitDraft["problems"] = [],
  campaignId: string | null = campaign.id,
) {
  const body: VisitDraft = {
    id: randomUUID(),
    householdId: detail.id,
    kind: "phone",
    visitedOn,
    metWith: "户主",
    campaignId,
    answers: campaignId === campaign.id ? [{ code: "has_fever", value: false }] : [],
    memberStatuses: Object.entries(statuses).map(([index, status]) => ({
      memberId: detail.members[Number(index)]!.id,
      status: status!,
      since: status === "none" ? null : "2020-02-01",
      until: status === "released" ? visitedOn : null,
    })),
    problems,
    recordedAt: `${visitedOn}T10:00:00+08:00`,
  };
  return agent.request("POST", "/api/visits", body);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(
    t.app,
    (await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY })).username,
  );
  const a = await createUserFixture(t.db, { role: "caseworker", regionCode: VILLAGE });
  const b = await createUserFixture(t.db, { role: "caseworker", regionCode: VILLAGE });
  ids = { a: a.id, b: b.id };
  workerA = await signIn(t.app, a.username);
  workerB = await signIn(t.app, b.username);
  cadre = await signIn(
    t.app,
    (await createUserFixture(t.db, { role: "village_cadre", regionCode: VILLAGE })).username,
  );
  h = [
    await household(VILLAGE, a.id),
    await household(VILLAGE, a.id),
    await household(VILLAGE, a.id),
    await household(VILLAGE, a.id),
    await household(VILLAGE, b.id),
    await household(OTHER_VILLAGE, null),
  ];
  const started = await admin.request("POST", "/api/campaigns", {
    name: "2020-02 疫情排查",
    regionCode: TOWNSHIP,
    questions: [
      { code: "has_fever", text: "家中是否有人发热", kind: "yes_no" },
      { code: "needs", text: "最需要什么帮助", kind: "text" },
    ],
    startsOn: "2020-02-01",
    deadline: "2020-02-20",
  });
  expect(started.statusCode).toBe(200);
  campaign = started.json() as CampaignView;
  openCampaign = (
    await admin.request("POST", "/api/campaigns", {
      name: "年度再遍访",
      regionCode: TOWNSHIP,
      startsOn: "2020-03-01",
      deadline: "2099-12-31",
    })
  ).json() as CampaignView;

  const recorded = [
    await visit(workerA, h[0]!, "2020-02-10", {
      0: "home_isolation",
      1: "home_isolation",
      2: "none",
      3: "none",
    }),
    await visit(workerA, h[1]!, "2020-02-10", { 0: "central_quarantine", 1: "home_isolation" }, [
      { kind: "medical", note: "慢性病断药" },
      { kind: "food", note: "存粮不足" },
    ]),
    await visit(workerA, h[2]!, "2020-02-11", { 0: "released", 1: "released", 2: "released", 3: "none" }),
    await visit(workerA, h[3]!, "2020-02-11", {}, [{ kind: "supplies", note: "缺口罩" }]),
    await visit(workerB, h[4]!, "2020-02-05", { 0: "home_isolation" }, [
      { kind: "farming", note: "无人春耕" },
    ]),
    // The later visit decides the household's status.
    await visit(workerB, h[4]!, "2020-02-15", { 0: "released" }),
    // Not made for the campaign: counts nowhere in it.
    await visit(
      admin,
      h[5]!,
      "2020-02-12",
      { 0: "home_isolation" },
      [{ kind: "job", note: "无法外出务工" }],
      null,
    ),
  ];
  expect(recorded.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 200]);
});
afterAll(() => t.close());

describe("screening campaigns", () => {
  it("fixes the area's households when started, and only a county administrator starts one", async () => {
    expect(campaign).toMatchObject({ households: 6, done: 0, regionName: "泾川镇", deadline: "2020-02-20" });
    const now = (await admin.request("GET", `/api/campaigns/${campaign.id}`)).json();
    expect(now).toMatchObject({ households: 6, done: 5 });
    expect(campaign.questions).toHaveLength(2);
    const refused = await cadre.request("POST", "/api/campaigns", {
      name: "越权",
      regionCode: VILLAGE,
      startsOn: "2020-02-01",
      deadline: "2020-02-20",
    });
    expect(refused.statusCode).toBe(403);
    const backwards = await admin.request("POST", "/api/campaigns", {
      name: "倒序",
      regionCode: VILLAGE,
      startsOn: "2020-02-20",
      deadline: "2020-02-01",
    });
    expect(backwards.statusCode).toBe(400);
    // Each caseworker sees their own share.
    const mine = (await workerA.request("GET", "/api/campaigns")).json() as { rows: CampaignView[] };
    expect(mine.rows.find((c) => c.id === campaign.id)).toMatchObject({ households: 4, done: 4 });
    const share = (await workerB.request("GET", `/api/campaigns/${openCampaign.id}/households`)).json() as {
      rows: { householdId: string; status: string }[];
      total: number;
    };
    expect(share).toMatchObject({ total: 1, rows: [{ householdId: h[4]!.id, status: "due" }] });
  });

  it("counts coverage per village and per caseworker: done, due, overdue", async () => {
    const coverage = (await admin.request("GET", `/api/campaigns/${campaign.id}/coverage`)).json();
    expect(coverage).toEqual({
      totals: { households: 6, done: 5, due: 0, overdue: 1 },
      byVillage: [
        { regionCode: VILLAGE, regionName: expect.any(String), households: 5, done: 5, due: 0, overdue: 0 },
        {
          regionCode: OTHER_VILLAGE,
          regionName: expect.any(String),
          households: 1,
          done: 0,
          due: 0,
          overdue: 1,
        },
      ],
      byCaseworker: expect.arrayContaining([
        { caseworkerId: ids.a, displayName: expect.any(String), households: 4, done: 4, due: 0, overdue: 0 },
        { caseworkerId: ids.b, displayName: expect.any(String), households: 1, done: 1, due: 0, overdue: 0 },
        { caseworkerId: null, displayName: "", households: 1, done: 0, due: 0, overdue: 1 },
      ]),
    });
    const open = (await admin.request("GET", `/api/campaigns/${openCampaign.id}/coverage`)).json() as {
      totals: unknown;
    };
    expect(open.totals).toEqual({ households: 6, done: 0, due: 6, overdue: 0 });
    // The cadre's scope is their village.
    const village = (await cadre.request("GET", `/api/campaigns/${campaign.id}/coverage`)).json() as {
      totals: unknown;
    };
    expect(village.totals).toEqual({ households: 5, done: 5, due: 0, overdue: 0 });
    // A caseworker's share: their households only.
    const mine = (await workerB.request("GET", `/api/campaigns/${campaign.id}/coverage`)).json() as {
      totals: unknown;
      byCaseworker: unknown[];
    };
    expect(mine.totals).toEqual({ households: 1, done: 1, due: 0, overdue: 0 });
    expect(mine.byCaseworker).toHaveLength(1);
  });

  it("sums up in the reports' terms, exactly", async () => {
    const summary = (
      await admin.request("GET", `/api/campaigns/${campaign.id}/summary`)
    ).json() as CampaignSummary;
    expect(summary).toMatchObject({
      regionCode: TOWNSHIP,
      households: 6,
      done: 5,
      coverageRate: 0.8333,
      isolation: {
        total: { households: 4, people: 8 },
        home_isolation: { households: 1, people: 3 },
        central_quarantine: { households: 1, people: 1 },
        released: { households: 2, people: 4 },
      },
      difficulties: {
        households: 3,
        total: 4,
        resolved: 0,
        open: 4,
        byKind: [
          { kind: "medical", total: 1, resolved: 0, open: 1 },
          { kind: "food", total: 1, resolved: 0, open: 1 },
          { kind: "supplies", total: 1, resolved: 0, open: 1 },
          { kind: "farming", total: 1, resolved: 0, open: 1 },
        ],
      },
    });
    expect(summary.text).toContain("应排查 6 户，已排查 5 户（83.3%）");
    expect(summary.text).toContain(
      "隔离 4 户 8 人，其中集中隔离 1 户 1 人，居家隔离 1 户 3 人，已解除隔离 2 户 4 人",
    );
    const village = (
      await admin.request("GET", `/api/campaigns/${campaign.id}/summary?regionCode=${OTHER_VILLAGE}`)
    ).json();
    expect(village).toMatchObject({
      households: 1,
      done: 0,
      coverageRate: 0,
      isolation: { total: { households: 0, people: 0 } },
    });
    const mine = (
      await workerA.request("GET", `/api/campaigns/${campaign.id}/summary`)
    ).json() as CampaignSummary;
    expect(mine).toMatchObject({
      households: 4,
      done: 4,
      coverageRate: 1,
      isolation: { total: { households: 3, people: 7 }, released: { households: 1, people: 3 } },
      difficulties: { households: 2, total: 3 },
    });
  });

  it("follows each difficulty to resolution: who, what, when", async () => {
    const list = (await cadre.request("GET", `/api/difficulties?campaignId=${campaign.id}`)).json() as {
      rows: DifficultyRow[];
      total: number;
    };
    expect(list.total).toBe(4);
    const medical = list.rows.find((row) => row.kind === "medical")!;
    const url = `/api/difficulties/${medical.id}/actions`;
    expect((await cadre.request("POST", url, { actedOn: "2099-01-01", note: "未来" })).statusCode).toBe(400);
    const first = await cadre.request("POST", url, { actedOn: "2020-02-11", note: "联系村医送药上门" });
    expect(first.json()).toMatchObject({
      status: "open",
      actions: [{ note: "联系村医送药上门", actedOn: "2020-02-11" }],
    });
    const done = await workerA.request("POST", url, {
      actedOn: "2020-02-12",
      note: "药已送到，够用一个月",
      resolves: true,
    });
    expect(done.statusCode).toBe(200);
    const resolved = done.json() as DifficultyRow;
    expect(resolved.status).toBe("resolved");
    expect(resolved.actions.map((a) => [a.actedOn, a.note, a.resolves])).toEqual([
      ["2020-02-11", "联系村医送药上门", false],
      ["2020-02-12", "药已送到，够用一个月", true],
    ]);
    expect((await cadre.request("POST", url, { actedOn: "2020-02-13", note: "再次" })).statusCode).toBe(409);
    // Caseworker B cannot act on A's household's difficulty.
    const food = list.rows.find((row) => row.kind === "food")!;
    expect(
      (
        await workerB.request("POST", `/api/difficulties/${food.id}/actions`, {
          actedOn: "2020-02-12",
          note: "x",
        })
      ).statusCode,
    ).toBe(403);
    const summary = (
      await admin.request("GET", `/api/campaigns/${campaign.id}/summary`)
    ).json() as CampaignSummary;
    expect(summary.difficulties).toMatchObject({ total: 4, resolved: 1, open: 3 });
    expect(summary.difficulties.byKind[0]).toEqual({ kind: "medical", total: 1, resolved: 1, open: 0 });
    const open = (
      await cadre.request("GET", `/api/difficulties?campaignId=${campaign.id}&status=open`)
    ).json() as {
      total: number;
    };
    expect(open.total).toBe(3);
  });

  it("checks visits made for a campaign", async () => {
    const late = await household(VILLAGE, ids.a);
    expect((await visit(workerA, late, "2020-02-12", {})).statusCode).toBe(400);
    expect((await visit(workerA, h[0]!, "2020-01-20", {})).statusCode).toBe(400);
    const wrongAnswer = await workerA.request("POST", "/api/visits", {
      id: randomUUID(),
      householdId: h[0]!.id,
      kind: "phone",
      visitedOn: "2020-02-12",
      metWith: "户主",
      campaignId: campaign.id,
      answers: [{ code: "has_fever", value: "不知道" }],
      recordedAt: "2020-02-12T10:00:00+08:00",
    });
    expect(wrongAnswer.statusCode).toBe(400);
    expect(JSON.stringify(wrongAnswer.json())).toContain("body.answers.0.value");
  });

  it("exports the summary, coverage and difficulty list to Excel", async () => {
    const response = await admin.request("GET", `/api/campaigns/${campaign.id}/export`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["汇总", "按村", "按帮扶责任人", "困难清单"]);
    const cells = (name: string) =>
      (workbook.getWorksheet(name)!.getSheetValues() as unknown[][])
        .filter(Boolean)
        .map((row) => row.slice(1));
    const summary = cells("汇总");
    expect(summary).toContainEqual(["应排查户数", 6]);
    expect(summary).toContainEqual(["已排查户数", 5]);
    expect(summary).toContainEqual(["居家隔离", 1, 3]);
    expect(summary).toContainEqual(["合计", 4, 8]);
    expect(summary).toContainEqual(["合计", 4, 1, 3]);
    expect(
      cells("按村")
        .slice(1)
        .map((row) => row.slice(1)),
    ).toEqual([
      [5, 5, 0, 0],
      [1, 0, 0, 1],
    ]);
    const difficulties = cells("困难清单");
    expect(difficulties).toHaveLength(5);
    expect(difficulties.find((row) => row[3] === "就医")?.[8]).toContain("药已送到，够用一个月（已解决）");
  });
});
