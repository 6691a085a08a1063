import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CampaignView } from "../../../shared/api/campaigns.api.js";
import type { ActivityFigures } from "../../../shared/api/dashboard.api.js";
import type { HouseholdDetail } from "../../../shared/api/households.api.js";
import type { VisitDraft } from "../../../shared/api/visits.api.js";
import { chinaToday } from "../../../shared/visit-codes.js";
import { householdDraft, otherJingVillage, poorHouseholdDraft } from "../../test/household-factory.js";
import {
  createTestApp,
  createUserFixture,
  JING_COUNTY,
  signIn,
  type TestAgent,
  type TestApp,
} from "../../test/test-app.js";
import ExcelJS from "../roster/exceljs.js";

// Field work and monitoring on the dashboard and in briefings: a known dataset of four households
// (three in township A, one in township B), visits, a screening campaign past its deadline,
// member statuses, difficulties, monitoring cases, a measure and an alert; exact figures asserted
// at county, township and village level and for a township with nothing.

let t: TestApp;
let admin: TestAgent;
const TOWNSHIP_A = "341823100000";
const VILLAGE_A = "341823100001";
let villageB = "";
let townshipB = "";
let emptyTownship = "";
let campaign: CampaignView;
const h: HouseholdDetail[] = [];
const today = chinaToday(new Date());
const yesterday = chinaToday(new Date(Date.now() - 86_400_000));

type Status = "none" | "home_isolation" | "central_quarantine" | "released";
type Dashboard = {
  region: { code: string; name: string };
  activity: ActivityFigures;
  children: { code: string; activity: ActivityFigures }[];
};

async function dashboard(regionCode?: string): Promise<Dashboard> {
  const response = await admin.request(
    "GET",
    `/api/dashboard${regionCode ? `?regionCode=${regionCode}` : ""}`,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Dashboard;
}

async function register(draft: ReturnType<typeof householdDraft>): Promise<HouseholdDetail> {
  const response = await admin.request("POST", "/api/households", { household: draft });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { household: HouseholdDetail }).household;
}

async function visit(
  detail: HouseholdDetail,
  statuses: Partial<Record<number, Status>>,
  problems: VisitDraft["problems"],
  options: { campaignId?: string | null; hoursAgo: number },
) {
  const body: VisitDraft = {
    id: randomUUID(),
    householdId: detail.id,
    kind: "on_site",
    visitedOn: today,
    metWith: "户主",
    campaignId: options.campaignId ?? null,
    answers: [],
    memberStatuses: Object.entries(statuses).map(([index, status]) => ({
      memberId: detail.members[Number(index)]!.id,
      status: status!,
      since: status === "none" ? null : today,
      until: status === "released" ? today : null,
    })),
    problems,
    recordedAt: new Date(Date.now() - options.hoursAgo * 3_600_000).toISOString(),
  };
  const response = await admin.request("POST", "/api/visits", body);
  expect(response.statusCode, response.body).toBe(200);
}

/** A monitoring case written straight into its table (the workflow itself is tested in the monitoring module). */
async function monitoringCase(
  detail: HouseholdDetail,
  c: { stage: string; type: string | null; risks: string[]; dueOn: string | null; identified: boolean },
): Promise<string> {
  const [row] = await t.db.query<{ id: string }>(
    `insert into monitoring_case (county_code, household_id, origin, stage, stage_due_on, monitoring_type,
       risk_types, identified_at, closed_at)
     values ($1, $2, 'alert', $3, $4, $5, $6::text[], case when $7 then now() end,
       case when $3 = 'closed' then now() end)
     returning id`,
    [JING_COUNTY, detail.id, c.stage, c.dueOn, c.type, c.risks, c.identified],
  );
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(
    t.app,
    (await createUserFixture(t.db, { role: "administrator", regionCode: JING_COUNTY })).username,
  );
  ({ village: villageB, township: townshipB } = await otherJingVillage(t.db));
  const [empty] = await t.db.query<{ code: string }>(
    `select code from region where level = 'township' and code like '341823%' and code not in ($1, $2)
     order by code desc limit 1`,
    [TOWNSHIP_A, townshipB],
  );
  emptyTownship = empty!.code;
  // H1, H2, H3 in village A (township A), H4 in village B (township B); four members each.
  h.push(await register(householdDraft({ regionCode: VILLAGE_A })));
  h.push(await register(householdDraft({ regionCode: VILLAGE_A })));
  h.push(await register(householdDraft({ regionCode: VILLAGE_A })));
  h.push(await register(poorHouseholdDraft(villageB)));

  // A county-wide screening that ended yesterday: whoever it did not reach is overdue.
  const started = await admin.request("POST", "/api/campaigns", {
    name: "疫情排查",
    regionCode: JING_COUNTY,
    startsOn: yesterday,
    deadline: yesterday,
  });
  expect(started.statusCode, started.body).toBe(200);
  campaign = started.json() as CampaignView;

  await visit(
    h[0]!,
    { 0: "home_isolation", 1: "released", 2: "none" },
    [
      { kind: "supplies", note: "缺口罩" },
      { kind: "farming", note: "无人春耕" },
    ],
    { campaignId: campaign.id, hoursAgo: 3 },
  );
  // H2: quarantined on the first visit, released on the later one (the later one decides).
  await visit(h[1]!, { 0: "central_quarantine" }, [{ kind: "medical", note: "断药" }], { hoursAgo: 3 });
  await visit(h[1]!, { 0: "released" }, [], { hoursAgo: 1 });
  await visit(h[3]!, { 0: "central_quarantine", 1: "home_isolation" }, [{ kind: "food", note: "存粮不足" }], {
    campaignId: campaign.id,
    hoursAgo: 2,
  });
  const difficulties = (await admin.request("GET", "/api/difficulties?pageSize=50")).json() as {
    rows: { id: string; kind: string }[];
  };
  const supplies = difficulties.rows.find((d) => d.kind === "supplies")!;
  const resolved = await admin.request("POST", `/api/difficulties/${supplies.id}/actions`, {
    actedOn: today,
    note: "送去口罩",
    resolves: true,
  });
  expect(resolved.statusCode, resolved.body).toBe(200);

  // Monitoring: H1 identified (marginal; illness and epidemic) with one measure overdue and one
  // done; H2 waiting for verification past its deadline; H3 an open alert; H4 risk eliminated.
  const h1Case = await monitoringCase(h[0]!, {
    stage: "monitored",
    type: "marginal",
    risks: ["illness", "epidemic"],
    dueOn: null,
    identified: true,
  });
  await monitoringCase(h[1]!, {
    stage: "verification",
    type: null,
    risks: [],
    dueOn: yesterday,
    identified: false,
  });
  await monitoringCase(h[3]!, {
    stage: "closed",
    type: "sudden_hardship",
    risks: ["illness"],
    dueOn: null,
    identified: true,
  });
  await t.db.query(
    `insert into monitoring_measure (case_id, county_code, kind, content, responsible, starts_on, due_on, status)
     values ($1, $2, 'employment', '公益岗位', '村委会', $3, $3, 'in_progress'),
            ($1, $2, 'industry', '养殖补助', '乡农业站', $3, $3, 'done')`,
    [h1Case, JING_COUNTY, yesterday],
  );
  await t.db.query(
    `insert into monitoring_alert (county_code, household_id, rule_code, year, source_key, facts, raised_by)
     values ($1, $2, 'income_below_line', 2026, 'test', '{}', 'sweep')`,
    [JING_COUNTY, h[2]!.id],
  );
});
afterAll(() => t.close());

const zeroActivity = (year: number) => ({
  visits: { year, visits: 0, visitedHouseholds: 0 },
  isolation: {
    households: 0,
    people: 0,
    byStatus: [
      { status: "home_isolation", households: 0, people: 0 },
      { status: "central_quarantine", households: 0, people: 0 },
      { status: "released", households: 0, people: 0 },
    ],
  },
  difficulties: { open: 0, resolved: 0, households: 0, byKind: [] },
  monitoring: {
    openAlerts: 0,
    active: 0,
    identified: { households: 0, people: 0 },
    eliminated: { households: 0, people: 0 },
    byStage: [],
    byType: [],
    byRisk: [],
  },
  overdue: { caseSteps: 0, measures: 0, screening: 0 },
});

describe("field work and monitoring on the dashboard", () => {
  it("counts the county's visits, screening, isolation, difficulties, cases and overdue items exactly", async () => {
    const county = await dashboard();
    const year = Number(today.slice(0, 4));
    expect(county.activity).toEqual({
      visits: { year, visits: 4, visitedHouseholds: 3 },
      screening: {
        campaignId: campaign.id,
        name: "疫情排查",
        deadline: yesterday,
        households: 4,
        done: 2,
        due: 0,
        overdue: 2,
      },
      isolation: {
        households: 3,
        people: 5,
        byStatus: [
          { status: "home_isolation", households: 1, people: 2 },
          { status: "central_quarantine", households: 1, people: 1 },
          { status: "released", households: 1, people: 2 },
        ],
      },
      difficulties: {
        open: 3,
        resolved: 1,
        households: 3,
        byKind: [
          { kind: "farming", open: 1, resolved: 0 },
          { kind: "food", open: 1, resolved: 0 },
          { kind: "medical", open: 1, resolved: 0 },
          { kind: "supplies", open: 0, resolved: 1 },
        ],
      },
      monitoring: {
        openAlerts: 1,
        active: 2,
        identified: { households: 1, people: 4 },
        eliminated: { households: 1, people: 4 },
        byStage: [
          { stage: "verification", cases: 1 },
          { stage: "monitored", cases: 1 },
          { stage: "closed", cases: 1 },
        ],
        byType: [{ monitoringType: "marginal", households: 1, people: 4 }],
        byRisk: [
          { riskType: "epidemic", households: 1, people: 4 },
          { riskType: "illness", households: 1, people: 4 },
        ],
      },
      overdue: { caseSteps: 1, measures: 1, screening: 2 },
    });
  });

  it("gives each township and village its own part, and zeros to a township with nothing", async () => {
    const county = await dashboard();
    const year = Number(today.slice(0, 4));
    const a = county.children.find((c) => c.code === TOWNSHIP_A)!.activity;
    expect(a.visits).toEqual({ year, visits: 3, visitedHouseholds: 2 });
    expect(a.screening).toMatchObject({ households: 3, done: 1, due: 0, overdue: 2 });
    expect(a.isolation).toMatchObject({ households: 2, people: 3 });
    expect(a.difficulties).toMatchObject({ open: 2, resolved: 1, households: 2 });
    expect(a.monitoring).toMatchObject({
      openAlerts: 1,
      active: 2,
      identified: { households: 1, people: 4 },
      eliminated: { households: 0, people: 0 },
    });
    expect(a.overdue).toEqual({ caseSteps: 1, measures: 1, screening: 2 });

    const b = county.children.find((c) => c.code === townshipB)!.activity;
    expect(b.visits).toEqual({ year, visits: 1, visitedHouseholds: 1 });
    expect(b.screening).toMatchObject({ households: 1, done: 1, overdue: 0 });
    expect(b.isolation.byStatus).toEqual([
      { status: "home_isolation", households: 0, people: 1 },
      { status: "central_quarantine", households: 1, people: 1 },
      { status: "released", households: 0, people: 0 },
    ]);
    expect(b.monitoring.eliminated).toEqual({ households: 1, people: 4 });

    // A township with nothing: zeros; the county-wide campaign reaches it with no households.
    const empty = county.children.find((c) => c.code === emptyTownship)!.activity;
    expect(empty).toEqual({
      ...zeroActivity(year),
      screening: expect.objectContaining({ households: 0, done: 0, due: 0, overdue: 0 }),
    });
    expect((await dashboard(emptyTownship)).activity).toEqual(empty);

    // The township's own page and its village agree with the county's drill-down.
    const township = await dashboard(TOWNSHIP_A);
    expect(township.activity).toEqual(a);
    const village = township.children.find((c) => c.code === VILLAGE_A)!.activity;
    expect(village).toEqual(a);
    expect((await dashboard(VILLAGE_A)).activity).toEqual(a);

    // Children add up to their region.
    for (const key of ["visits", "visitedHouseholds"] as const) {
      expect(county.children.reduce((n, c) => n + c.activity.visits[key], 0)).toBe(
        county.activity.visits[key],
      );
    }
    expect(county.children.reduce((n, c) => n + c.activity.isolation.people, 0)).toBe(5);
  });

  it("exports the monitoring and isolation tables with their figures", async () => {
    for (const [table, expected] of [
      [
        "isolation",
        [
          ["居家隔离", 1, 2],
          ["集中隔离", 1, 1],
          ["已解除隔离", 1, 2],
          ["合计（因疫情被隔离）", 3, 5],
        ],
      ],
      ["difficulties", [["合计（涉及3户）", 3, 1, 4, "25.0%"]]],
    ] as const) {
      const response = await admin.request("GET", `/api/dashboard/export?table=${table}`);
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const rows = (workbook.worksheets[0]!.getSheetValues() as unknown[][])
        .slice(7)
        .map((row) => row?.slice(1) ?? []);
      for (const row of expected) expect(rows).toContainEqual(row);
    }
    const monitoring = await admin.request("GET", "/api/dashboard/export?table=monitoring");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(monitoring.rawPayload as unknown as ArrayBuffer);
    const rows = (workbook.worksheets[0]!.getSheetValues() as unknown[][]).map((row) => row?.slice(1) ?? []);
    expect(rows).toContainEqual(["监测对象类型", "边缘易致贫户", 1, 4]);
    expect(rows).toContainEqual(["逾期事项", "逾期未完成帮扶措施", 1, ""]);
  });
});

describe("briefing sections written from field work and monitoring", () => {
  it("writes the epidemic and monitoring sections in the office's sentences", async () => {
    const county = await dashboard();
    const created = await admin.request("POST", "/api/briefings", {
      regionCode: JING_COUNTY,
      title: "疫情防控和监测工作简报",
      periodStart: yesterday,
      periodEnd: today,
      sections: ["epidemic", "monitoring", "caseworkers"],
    });
    expect(created.statusCode, created.body).toBe(200);
    const sections = (created.json() as { sections: { key: string; text: string }[] }).sections;
    const text = Object.fromEntries(sections.map((s) => [s.key, s.text]));
    const region = county.region.name;
    expect(text.epidemic).toBe(
      [
        "“疫情排查”应排查4户，已排查2户，完成率50.0%（2/4），逾期未排查2户，请相关乡镇抓紧完成。",
        `累计排查发现${region}贫困户中有3户5人因疫情被隔离（1户2人居家隔离、1户1人集中隔离、解除隔离1户2人）。`,
        "走访中发现存在困难的3户，共4件（春耕生产1件、缺粮缺食1件、就医1件、生活物资1件），已帮助解决1件，正在协调解决3件。",
      ].join("\n\n"),
    );
    expect(text.monitoring).toBe(
      `${region}累计识别防返贫监测对象2户8人，其中已消除风险1户4人，尚未消除风险1户4人（边缘易致贫户1户4人）。` +
        "从风险类型看，主要为因疫情1户、因病1户。" +
        "目前待核实处理的监测预警1条，在办监测案件2件，其中逾期未办结环节1个、逾期未完成帮扶措施1项，请各乡镇按时限办结。",
    );
    expect(text.caseworkers).toContain(
      `${today.slice(0, 4)}年以来，帮扶责任人共开展走访4次，走访3户，走访覆盖率75.0%（3/4）。`,
    );
  });
});
