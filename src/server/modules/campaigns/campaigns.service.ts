import type { CampaignQuestion, CampaignSummary, CampaignView } from "../../../shared/api/campaigns.api.js";
import { codePrefix, countyCodeOf, isWithinScope, levelOfCode } from "../../../shared/division-code.js";
import {
  chinaToday,
  EPIDEMIC_STATUSES,
  ISOLATION_SEVERITY,
  PROBLEM_KINDS,
} from "../../../shared/visit-codes.js";
import type { Queryable } from "../../db/db.js";
import type { Actor } from "../../http/actor.js";
import { AppError, type ErrorDetail } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import { findRegion } from "../regions/regions.queries.js";
import {
  type CampaignRow,
  countShare,
  findCampaign,
  findCampaigns,
  findCoverage,
  findDifficultyCounts,
  findIsolationCounts,
  findShareHouseholds,
  insertCampaign,
  isCampaignHousehold,
  type ShareFilter,
} from "./campaigns.queries.js";

function presentCampaign(row: CampaignRow, share: { households: number; done: number }): CampaignView {
  const { regionPrefix: _p, ...rest } = row;
  return {
    ...rest,
    householdStatuses: row.householdStatuses as CampaignView["householdStatuses"],
    createdAt: new Date(row.createdAt).toISOString(),
    households: share.households,
    done: share.done,
  };
}

/**
 * Whether the campaign's area and the actor's scope overlap: a county campaign is read by the
 * county's village cadres, a village campaign by the county office. Authorised against whichever
 * of the two lies deeper.
 */
function authorizeCampaign(actor: Actor, campaign: CampaignRow): void {
  const isActorInside = isWithinScope(actor.regionCode, campaign.regionCode);
  authorize(actor, "campaign.read", { regionCode: isActorInside ? actor.regionCode : campaign.regionCode });
}

/** The campaign after checking the actor may read it (404 when it does not exist). */
async function scopedCampaign(ctx: ServiceContext, id: string): Promise<CampaignRow> {
  authorize(ctx.actor, "campaign.read");
  const campaign = await findCampaign(ctx.db, id);
  if (!campaign) throw new AppError("NOT_FOUND");
  authorizeCampaign(ctx.actor, campaign);
  return campaign;
}

/** The deepest of the actor's scope, the campaign's area and the region asked for; null when they do not nest. */
function shareRegion(actor: Actor, campaign: CampaignRow, regionCode: string | undefined): string | null {
  if (regionCode) authorize(actor, "campaign.read", { regionCode });
  const codes = [actor.regionCode, campaign.regionCode, ...(regionCode ? [regionCode] : [])];
  const deepest = codes.reduce((a, b) => (codePrefix(b).length > codePrefix(a).length ? b : a));
  return codes.every((code) => isWithinScope(deepest, code)) ? deepest : null;
}

/** The share of a campaign the actor sees in a region (the actor's access to the campaign already checked). */
export function shareFilterOf(
  actor: Actor,
  campaign: CampaignRow,
  regionCode: string | undefined,
): ShareFilter {
  return shareOf(actor, campaign, shareRegion(actor, campaign, regionCode));
}

function shareOf(actor: Actor, campaign: CampaignRow, regionCode: string | null): ShareFilter {
  return {
    campaignId: campaign.id,
    // A prefix no region code has when the asked-for region lies outside the campaign.
    regionPrefix: regionCode === null ? "-" : codePrefix(regionCode),
    assignedTo: actor.role === "caseworker" ? actor.id : undefined,
  };
}

/** Starts a campaign over the households of an area (county, township or village) in the actor's scope. */
export async function createCampaign(
  ctx: ServiceContext,
  input: {
    name: string;
    regionCode: string;
    householdStatuses: readonly string[];
    questions: readonly CampaignQuestion[];
    startsOn: string;
    deadline: string;
  },
) {
  authorize(ctx.actor, "campaign.manage", { regionCode: input.regionCode });
  const problems: ErrorDetail[] = [];
  const level = levelOfCode(input.regionCode);
  if (
    (level !== "county" && level !== "township" && level !== "village") ||
    !(await findRegion(ctx.db, input.regionCode))
  ) {
    problems.push({ path: "body.regionCode", message: "排查范围须是本县、乡镇或村" });
  }
  if (input.deadline < input.startsOn)
    problems.push({ path: "body.deadline", message: "截止日期早于开始日期" });
  const codes = input.questions.map((question) => question.code);
  codes.forEach((code, i) => {
    if (codes.indexOf(code) !== i)
      problems.push({ path: `body.questions.${i}.code`, message: "问题代码重复" });
  });
  if (problems.length > 0) throw new AppError("VALIDATION_FAILED", problems);
  const id = await ctx.db.transaction(async (tx) => {
    const created = await insertCampaign(tx, {
      ...input,
      countyCode: countyCodeOf(input.regionCode)!,
      regionPrefix: codePrefix(input.regionCode),
      createdBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "campaign.create",
      entityType: "campaign",
      entityId: created.id,
      regionCode: input.regionCode,
      after: { name: input.name, households: created.households, deadline: input.deadline },
    });
    return created.id;
  });
  return getCampaign(ctx, id);
}

/** One campaign with the actor's share. */
export async function getCampaign(ctx: ServiceContext, id: string): Promise<CampaignView> {
  const campaign = await scopedCampaign(ctx, id);
  const share = shareOf(ctx.actor, campaign, shareRegion(ctx.actor, campaign, undefined));
  return presentCampaign(campaign, await countShare(ctx.db, share));
}

/** Campaigns reaching into the actor's scope, newest first. */
export async function listCampaigns(ctx: ServiceContext, page: number, pageSize: number) {
  authorize(ctx.actor, "campaign.read");
  const result = await findCampaigns(ctx.db, {
    scopeCode: ctx.actor.regionCode,
    scopePrefix: codePrefix(ctx.actor.regionCode),
    assignedTo: ctx.actor.role === "caseworker" ? ctx.actor.id : undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    rows: result.rows.map((row) => presentCampaign(row, row)),
    total: result.total,
    page,
    pageSize,
  };
}

/** Done / due / overdue per village and per caseworker, within the actor's share. */
export async function getCoverage(
  ctx: ServiceContext,
  id: string,
  regionCode: string | undefined,
  now = new Date(),
) {
  const campaign = await scopedCampaign(ctx, id);
  const share = shareOf(ctx.actor, campaign, shareRegion(ctx.actor, campaign, regionCode));
  return findCoverage(ctx.db, share, chinaToday(now));
}

/** The actor's share of the campaign's households with what is still to do. */
export async function listShareHouseholds(
  ctx: ServiceContext,
  id: string,
  query: { regionCode?: string | undefined; status?: string | undefined; page: number; pageSize: number },
  now = new Date(),
) {
  const campaign = await scopedCampaign(ctx, id);
  const share = shareOf(ctx.actor, campaign, shareRegion(ctx.actor, campaign, query.regionCode));
  const result = await findShareHouseholds(
    ctx.db,
    { ...share, state: query.status, limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    chinaToday(now),
  );
  return { ...result, page: query.page, pageSize: query.pageSize };
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/** The summary in the reports' words. */
function summaryText(campaign: CampaignRow, regionName: string, s: Omit<CampaignSummary, "text">): string {
  const isolation = ISOLATION_SEVERITY.map(
    (status) =>
      `${EPIDEMIC_STATUSES[status].zh} ${s.isolation[status].households} 户 ${s.isolation[status].people} 人`,
  ).join("，");
  return (
    `${regionName}“${campaign.name}”：应排查 ${s.households} 户，已排查 ${s.done} 户（${percent(s.coverageRate)}）；` +
    `隔离 ${s.isolation.total.households} 户 ${s.isolation.total.people} 人，其中${isolation}；` +
    `有困难 ${s.difficulties.households} 户 ${s.difficulties.total} 件，已解决 ${s.difficulties.resolved} 件，` +
    `未解决 ${s.difficulties.open} 件。`
  );
}

/** The campaign's figures for a region in the actor's share. */
export async function getSummary(ctx: ServiceContext, id: string, regionCode: string | undefined) {
  const campaign = await scopedCampaign(ctx, id);
  return summarize(ctx.db, ctx.actor, campaign, regionCode);
}

/** The campaign after checking the actor may read it, for the export. */
export async function readableCampaign(ctx: ServiceContext, id: string): Promise<CampaignRow> {
  return scopedCampaign(ctx, id);
}

/** The summary of a campaign already authorised (also the export's first sheet). */
export async function summarize(
  db: Queryable,
  actor: Actor,
  campaign: CampaignRow,
  regionCode: string | undefined,
): Promise<CampaignSummary> {
  const region = shareRegion(actor, campaign, regionCode);
  const share = shareOf(actor, campaign, region);
  const [counts, isolation, difficulties, regionRow] = await Promise.all([
    countShare(db, share),
    findIsolationCounts(db, share),
    findDifficultyCounts(db, share),
    findRegion(db, region ?? campaign.regionCode),
  ]);
  const byStatus = (status: string) => {
    const row = isolation.find((r) => r.status === status);
    return { households: row?.households ?? 0, people: row?.people ?? 0 };
  };
  const statuses = ISOLATION_SEVERITY.map(byStatus);
  const byKind = (Object.keys(PROBLEM_KINDS) as (keyof typeof PROBLEM_KINDS)[])
    .map((kind) => {
      const row = difficulties.byKind.find((r) => r.kind === kind);
      return { kind, total: row?.total ?? 0, resolved: row?.resolved ?? 0, open: row?.open ?? 0 };
    })
    .filter((row) => row.total > 0);
  const sum = (key: "total" | "resolved" | "open") => byKind.reduce((total, row) => total + row[key], 0);
  const regionName = regionRow?.name ?? "";
  const summary: Omit<CampaignSummary, "text"> = {
    campaignId: campaign.id,
    regionCode: region ?? campaign.regionCode,
    regionName,
    households: counts.households,
    done: counts.done,
    coverageRate:
      counts.households === 0 ? 0 : Math.round((counts.done / counts.households) * 10_000) / 10_000,
    isolation: {
      total: {
        households: statuses.reduce((total, s) => total + s.households, 0),
        people: statuses.reduce((total, s) => total + s.people, 0),
      },
      home_isolation: byStatus("home_isolation"),
      central_quarantine: byStatus("central_quarantine"),
      released: byStatus("released"),
    },
    difficulties: {
      households: difficulties.households,
      total: sum("total"),
      resolved: sum("resolved"),
      open: sum("open"),
      byKind,
    },
  };
  return { ...summary, text: summaryText(campaign, regionName, summary) };
}

/**
 * Checks a visit made for a campaign: the household is one of the campaign's, the visit is not
 * dated before the campaign began, and the answers are to its questions, of the right kind.
 */
export async function checkCampaignVisit(
  db: Queryable,
  visit: {
    campaignId: string;
    householdId: string;
    visitedOn: string;
    answers: readonly { code: string; value: boolean | string }[];
  },
): Promise<void> {
  const campaign = await findCampaign(db, visit.campaignId);
  if (!campaign || !(await isCampaignHousehold(db, visit.campaignId, visit.householdId))) {
    throw new AppError("VALIDATION_FAILED", [
      { path: "body.campaignId", message: "该户不在这次排查的范围内" },
    ]);
  }
  const problems: ErrorDetail[] = [];
  if (visit.visitedOn < campaign.startsOn) {
    problems.push({ path: "body.visitedOn", message: `排查从 ${campaign.startsOn} 开始，走访日期早于此` });
  }
  const questions = new Map(campaign.questions.map((q) => [q.code, q]));
  const seen = new Set<string>();
  visit.answers.forEach((answer, i) => {
    const question = questions.get(answer.code);
    if (!question) problems.push({ path: `body.answers.${i}.code`, message: "不是这次排查的问题" });
    else if ((question.kind === "yes_no") !== (typeof answer.value === "boolean")) {
      problems.push({
        path: `body.answers.${i}.value`,
        message: question.kind === "yes_no" ? "请回答是或否" : "请填写文字",
      });
    }
    if (seen.has(answer.code))
      problems.push({ path: `body.answers.${i}.code`, message: "同一问题回答了两次" });
    seen.add(answer.code);
  });
  if (problems.length > 0) throw new AppError("VALIDATION_FAILED", problems);
}

export type { CampaignRow };
