import type { BriefingSectionKey } from "../../../shared/api/briefings.api.js";
import type { ActivityFigures, RegistryFigures } from "../../../shared/api/dashboard.api.js";
import { GUARANTEE_NAMES } from "../../../shared/dashboard-codes.js";
import { POVERTY_ATTRIBUTES, POVERTY_CAUSES, POVERTY_STATUSES } from "../../../shared/household-codes.js";
import { MONITORING_TYPES, RISK_TYPES } from "../../../shared/monitoring-workflow.js";
import { PROBLEM_KINDS } from "../../../shared/visit-codes.js";

// A briefing's sections written from a region's figures in the style of a county office's
// bulletin: every number from the records, counts as "N户M人", shares with one decimal.

export const SECTION_HEADINGS: Record<BriefingSectionKey, string> = {
  registry: "建档立卡基本情况",
  causes: "致贫原因",
  guarantees: "“两不愁三保障”情况",
  income: "收入情况",
  caseworkers: "结对帮扶情况",
  epidemic: "疫情排查情况",
  monitoring: "防返贫动态监测情况",
};

const hp = (households: number, people: number) => `${households}户${people}人`;
const pct = (part: number, whole: number) => (whole === 0 ? "0%" : `${((part / whole) * 100).toFixed(1)}%`);
const zhDate = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return `${y}年${m}月${d}日`;
};

function registry(f: RegistryFigures, region: string, asOf: string): string {
  if (f.households === 0) return `截至${zhDate(asOf)}，${region}暂无建档立卡贫困户。`;
  const byStatus = (Object.keys(POVERTY_STATUSES) as (keyof typeof POVERTY_STATUSES)[])
    .map((status) => {
      const rows = f.byStatusAttribute.filter((r) => r.status === status);
      return {
        status,
        households: rows.reduce((n, r) => n + r.households, 0),
        people: rows.reduce((n, r) => n + r.people, 0),
      };
    })
    .filter((s) => s.households > 0);
  const byAttribute = (Object.keys(POVERTY_ATTRIBUTES) as (keyof typeof POVERTY_ATTRIBUTES)[])
    .map((attribute) => {
      const rows = f.byStatusAttribute.filter((r) => r.povertyAttribute === attribute);
      return {
        attribute,
        households: rows.reduce((n, r) => n + r.households, 0),
        people: rows.reduce((n, r) => n + r.people, 0),
      };
    })
    .filter((a) => a.households > 0);
  const statusText = byStatus
    .map((s) => `${POVERTY_STATUSES[s.status].zh}${hp(s.households, s.people)}`)
    .join("，");
  const attributeText = byAttribute
    .map((a) => `${POVERTY_ATTRIBUTES[a.attribute].zh}${hp(a.households, a.people)}`)
    .join("、");
  const lifted = f.liftedByYear.map((r) => `${r.year}年${hp(r.households, r.people)}`).join("、");
  return [
    `截至${zhDate(asOf)}，${region}共有建档立卡贫困户${hp(f.households, f.people)}，其中${statusText}。按贫困户属性分，${attributeText}。`,
    lifted ? `已脱贫户按脱贫年度分：${lifted}。` : "",
  ]
    .filter(Boolean)
    .join("\n\n");
}

function causes(f: RegistryFigures): string {
  if (f.households === 0) return "暂无致贫原因统计。";
  const top = f.byMainCause
    .slice(0, 3)
    .map(
      (r) =>
        `${POVERTY_CAUSES[r.cause as keyof typeof POVERTY_CAUSES]?.zh ?? r.cause}致贫${hp(r.households, r.people)}，占${pct(r.households, f.households)}`,
    )
    .join("；");
  const illness = f.byCause.find((r) => r.cause === "illness");
  return [
    `从主要致贫原因看，${top}。`,
    illness
      ? `含因病致贫（主要或次要原因）的共${illness.households}户，占${pct(illness.households, f.households)}。`
      : "",
  ]
    .filter(Boolean)
    .join("");
}

function guarantees(f: RegistryFigures): string {
  const red = (Object.keys(GUARANTEE_NAMES) as (keyof typeof GUARANTEE_NAMES)[])
    .map((g) => ({ g, n: f.guarantees.find((r) => r.guarantee === g && r.light === "red")?.households ?? 0 }))
    .filter((r) => r.n > 0);
  const yellow = f.guarantees.filter((r) => r.light === "yellow").reduce((n, r) => n + r.households, 0);
  const redText =
    red.length === 0
      ? "“两不愁三保障”各项均已达标"
      : `“两不愁三保障”未达标的有：${red.map((r) => `${GUARANTEE_NAMES[r.g].zh}${r.n}户`).join("，")}`;
  return `${redText}；另有${yellow}户次存在风险（黄灯），需持续跟踪。`;
}

function income(f: RegistryFigures): string {
  const band = (key: string) => f.incomeBands.find((b) => b.band === key) ?? { households: 0, people: 0 };
  const below = band("below_4000");
  const watch = band("4000_6000");
  return `从人均纯收入看，低于4000元的${hp(below.households, below.people)}，占${pct(below.households, f.households)}；4000元至6000元（监测线以下）的${hp(watch.households, watch.people)}，占${pct(watch.households, f.households)}。`;
}

function caseworkers(f: RegistryFigures, a: ActivityFigures): string {
  const { assigned, total } = f.caseworkerCoverage;
  const missing = total - assigned;
  const { year, visits, visitedHouseholds } = a.visits;
  return [
    `已落实帮扶责任人的${assigned}户，覆盖率${pct(assigned, total)}（${assigned}/${total}）${missing > 0 ? `，尚有${missing}户未落实帮扶责任人，请各乡镇抓紧落实` : "，实现结对帮扶全覆盖"}。`,
    `${year}年以来，帮扶责任人共开展走访${visits}次，走访${visitedHouseholds}户，走访覆盖率${pct(visitedHouseholds, total)}（${visitedHouseholds}/${total}）。`,
  ].join("");
}

const isolationName: Record<ActivityFigures["isolation"]["byStatus"][number]["status"], string> = {
  home_isolation: "居家隔离",
  central_quarantine: "集中隔离",
  released: "解除隔离",
};

function epidemic(a: ActivityFigures, region: string): string {
  const paragraphs: string[] = [];
  const s = a.screening;
  if (s) {
    const overdue = s.overdue > 0 ? `，逾期未排查${s.overdue}户，请相关乡镇抓紧完成` : "";
    paragraphs.push(
      `“${s.name}”应排查${s.households}户，已排查${s.done}户，完成率${pct(s.done, s.households)}（${s.done}/${s.households}）${overdue}。`,
    );
  }
  const iso = a.isolation;
  if (iso.households === 0) {
    paragraphs.push(`累计排查未发现${region}贫困户中有因疫情被隔离人员。`);
  } else {
    const parts = iso.byStatus
      .filter((r) => r.households > 0)
      .map((r) =>
        r.status === "released"
          ? `${isolationName[r.status]}${hp(r.households, r.people)}`
          : `${hp(r.households, r.people)}${isolationName[r.status]}`,
      )
      .join("、");
    paragraphs.push(
      `累计排查发现${region}贫困户中有${hp(iso.households, iso.people)}因疫情被隔离（${parts}）。`,
    );
  }
  const d = a.difficulties;
  const total = d.open + d.resolved;
  if (total === 0) {
    paragraphs.push("走访中未发现生活生产困难。");
  } else {
    const kinds = d.byKind
      .map(
        (r) => `${PROBLEM_KINDS[r.kind as keyof typeof PROBLEM_KINDS]?.zh ?? r.kind}${r.open + r.resolved}件`,
      )
      .join("、");
    paragraphs.push(
      `走访中发现存在困难的${d.households}户，共${total}件（${kinds}），已帮助解决${d.resolved}件${d.open > 0 ? `，正在协调解决${d.open}件` : "，已全部解决"}。`,
    );
  }
  return paragraphs.join("\n\n");
}

function monitoring(a: ActivityFigures, region: string): string {
  const m = a.monitoring;
  const everHouseholds = m.identified.households + m.eliminated.households;
  const everPeople = m.identified.people + m.eliminated.people;
  const paragraphs: string[] = [];
  if (everHouseholds === 0) {
    paragraphs.push(`${region}暂未识别防返贫监测对象。`);
  } else {
    const types = m.byType
      .map(
        (r) =>
          `${MONITORING_TYPES[r.monitoringType as keyof typeof MONITORING_TYPES]?.zh ?? r.monitoringType}${hp(r.households, r.people)}`,
      )
      .join("、");
    paragraphs.push(
      `${region}累计识别防返贫监测对象${hp(everHouseholds, everPeople)}，其中已消除风险${hp(m.eliminated.households, m.eliminated.people)}，尚未消除风险${hp(m.identified.households, m.identified.people)}${types ? `（${types}）` : ""}。`,
    );
    const risks = [...m.byRisk]
      .sort((x, y) => y.households - x.households)
      .slice(0, 3)
      .map((r) => `${RISK_TYPES[r.riskType as keyof typeof RISK_TYPES]?.zh ?? r.riskType}${r.households}户`)
      .join("、");
    if (risks) paragraphs.push(`从风险类型看，主要为${risks}。`);
  }
  const o = a.overdue;
  const overdue = [
    o.caseSteps > 0 ? `逾期未办结环节${o.caseSteps}个` : "",
    o.measures > 0 ? `逾期未完成帮扶措施${o.measures}项` : "",
  ].filter(Boolean);
  paragraphs.push(
    `目前待核实处理的监测预警${m.openAlerts}条，在办监测案件${m.active}件${overdue.length > 0 ? `，其中${overdue.join("、")}，请各乡镇按时限办结` : "，均在办理时限内"}。`,
  );
  return paragraphs.join("");
}

/** The sections asked for, in print order, written from the figures. */
export function writeSections(
  keys: readonly BriefingSectionKey[],
  figures: RegistryFigures,
  activity: ActivityFigures,
  regionName: string,
  asOf: string,
): { key: BriefingSectionKey; heading: string; text: string }[] {
  const writers: Record<BriefingSectionKey, () => string> = {
    registry: () => registry(figures, regionName, asOf),
    causes: () => causes(figures),
    guarantees: () => guarantees(figures),
    income: () => income(figures),
    caseworkers: () => caseworkers(figures, activity),
    epidemic: () => epidemic(activity, regionName),
    monitoring: () => monitoring(activity, regionName),
  };
  return (Object.keys(SECTION_HEADINGS) as BriefingSectionKey[])
    .filter((key) => keys.includes(key))
    .map((key) => ({ key, heading: SECTION_HEADINGS[key], text: writers[key]() }));
}
