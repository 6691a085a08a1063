import type { PhoneHousehold, VisitView } from "../../../shared/api/visits.api.js";
import { codePrefix, countyCodeOf, levelOfCode } from "../../../shared/division-code.js";
import { ageOn } from "../../../shared/household-income.js";
import { chinaToday, DEFAULT_VISIT_INDICATORS, type VisitIndicator } from "../../../shared/visit-codes.js";
import type { Queryable } from "../../db/db.js";
import { AppError } from "../../http/app-error.js";
import type { FileReply, ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import type { HouseholdSnapshot } from "../households/household-present.js";
import {
  findIndicatorSet,
  findOpenCampaigns,
  findPhoneHouseholds,
  findVisit,
  findVisitPhoto,
  findVisits,
  saveIndicatorSet,
} from "./visits.queries.js";

/** A visit as the API shows it (no authorisation: callers check first). */
export async function presentVisit(db: Queryable, id: string): Promise<VisitView> {
  const row = await findVisit(db, id);
  if (!row) throw new AppError("NOT_FOUND");
  return presentRow(row);
}

function presentRow(row: NonNullable<Awaited<ReturnType<typeof findVisit>>>): VisitView {
  return {
    id: row.id,
    householdId: row.householdId,
    householdNumber: row.householdNumber,
    headName: row.headName,
    regionCode: row.regionCode,
    recordedBy: { id: row.recordedById, displayName: row.recordedByName },
    kind: row.kind as VisitView["kind"],
    visitedOn: row.visitedOn,
    metWith: row.metWith,
    indicators: row.indicators,
    livingConditions: row.livingConditions,
    problems: row.problems.map((p) => ({ ...p, kind: p.kind as VisitView["problems"][number]["kind"] })),
    assistanceGiven: row.assistanceGiven,
    assistancePlanned: row.assistancePlanned,
    memberStatuses: row.memberStatuses.map((s) => ({
      ...s,
      status: s.status as VisitView["memberStatuses"][number]["status"],
    })),
    photos: row.photos,
    location: row.location,
    campaignId: row.campaignId,
    answers: row.answers,
    registry: {
      outcome: row.registryOutcome,
      baseVersion: row.baseVersion,
      appliedVersion: row.appliedVersion,
      pendingChangeId: row.pendingChangeId,
    },
    recordedAt: new Date(row.recordedAt).toISOString(),
    receivedAt: new Date(row.receivedAt).toISOString(),
  };
}

async function scopedVisit(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, "visit.read");
  const row = await findVisit(ctx.db, id);
  if (!row) throw new AppError("NOT_FOUND");
  authorize(ctx.actor, "visit.read", { regionCode: row.regionCode, caseworkerIds: row.caseworkerIds });
  return row;
}

/** One visit in the actor's scope. */
export async function getVisit(ctx: ServiceContext, id: string): Promise<VisitView> {
  const row = await scopedVisit(ctx, id);
  return presentRow(row);
}

/** Visits in scope (a caseworker's: to the households assigned to them), newest first. */
export async function listVisits(
  ctx: ServiceContext,
  query: {
    householdId?: string | undefined;
    regionCode?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  authorize(ctx.actor, "visit.read");
  if (query.regionCode) authorize(ctx.actor, "visit.read", { regionCode: query.regionCode });
  const result = await findVisits(ctx.db, {
    scopePrefix: codePrefix(ctx.actor.regionCode),
    assignedTo: ctx.actor.role === "caseworker" ? ctx.actor.id : undefined,
    householdId: query.householdId,
    regionPrefix: query.regionCode ? codePrefix(query.regionCode) : undefined,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    rows: result.rows.map((row) => ({ ...row, kind: row.kind as VisitView["kind"] })),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One photo of a visit in scope. */
export async function downloadVisitPhoto(
  ctx: ServiceContext,
  id: string,
  position: number,
): Promise<FileReply> {
  await scopedVisit(ctx, id);
  const photo = await findVisitPhoto(ctx.db, id, position);
  if (!photo) throw new AppError("NOT_FOUND");
  const extension = photo.mediaType.split("/")[1] === "jpeg" ? "jpg" : photo.mediaType.split("/")[1];
  return {
    fileName: `visit-${id}-${position + 1}.${extension}`,
    content: Buffer.from(photo.content),
    contentType: photo.mediaType,
  };
}

/** A county's checklist, or the default one. */
export async function indicatorsOfCounty(
  db: Queryable,
  countyCode: string,
): Promise<{ countyCode: string; indicators: VisitIndicator[]; version: number; isDefault: boolean }> {
  const set = await findIndicatorSet(db, countyCode);
  return set
    ? { countyCode, indicators: set.indicators, version: set.version, isDefault: false }
    : { countyCode, indicators: [...DEFAULT_VISIT_INDICATORS], version: 0, isDefault: true };
}

function assertCounty(countyCode: string): void {
  if (levelOfCode(countyCode) !== "county") {
    throw new AppError("VALIDATION_FAILED", [
      { path: "params.countyCode", message: "请给出县级行政区划代码" },
    ]);
  }
}

/** The checklist of a county in scope; anyone working inside a county reads their own county's. */
export async function getVisitIndicators(ctx: ServiceContext, countyCode: string) {
  authorize(ctx.actor, "visit.read");
  assertCounty(countyCode);
  const isOwnCounty = countyCodeOf(ctx.actor.regionCode) === countyCode;
  authorize(ctx.actor, "visit.read", { regionCode: isOwnCounty ? ctx.actor.regionCode : countyCode });
  return indicatorsOfCounty(ctx.db, countyCode);
}

/** Replaces a county's checklist (version-checked); visits recorded earlier keep their labels. */
export async function setVisitIndicators(
  ctx: ServiceContext,
  countyCode: string,
  indicators: readonly VisitIndicator[],
  version: number,
) {
  authorize(ctx.actor, "visit.configure", { regionCode: countyCode });
  assertCounty(countyCode);
  const codes = indicators.map((i) => i.code);
  const duplicate = codes.findIndex((code, i) => codes.indexOf(code) !== i);
  if (duplicate >= 0) {
    throw new AppError("VALIDATION_FAILED", [
      { path: `body.indicators.${duplicate}.code`, message: "指标代码重复" },
    ]);
  }
  await ctx.db.transaction(async (tx) => {
    const isSaved = await saveIndicatorSet(tx, { countyCode, indicators, version, updatedBy: ctx.actor.id });
    if (!isSaved) throw new AppError("STALE_VERSION");
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "visit.indicators_set",
      entityType: "region",
      entityId: countyCode,
      regionCode: countyCode,
      after: { codes, version: version + 1 },
    });
  });
  return indicatorsOfCounty(ctx.db, countyCode);
}

/** Households a phone takes at most (a caseworker has a few dozen; a village a few hundred). */
const PHONE_LIMIT = 500;

/** What a phone keeps for visits without a network: the actor's households, checklist and campaigns. */
export async function listMyHouseholds(ctx: ServiceContext, now = new Date()) {
  authorize(ctx.actor, "visit.record");
  const today = chinaToday(now);
  const scopePrefix = codePrefix(ctx.actor.regionCode);
  const countyCode = countyCodeOf(ctx.actor.regionCode);
  const [rows, campaigns, indicators] = await Promise.all([
    findPhoneHouseholds(ctx.db, {
      scopePrefix,
      assignedTo: ctx.actor.role === "caseworker" ? ctx.actor.id : undefined,
      limit: PHONE_LIMIT + 1,
    }),
    findOpenCampaigns(ctx.db, ctx.actor.regionCode, scopePrefix, today),
    countyCode
      ? indicatorsOfCounty(ctx.db, countyCode)
      : Promise.resolve({ indicators: [...DEFAULT_VISIT_INDICATORS] }),
  ]);
  const households: PhoneHousehold[] = rows.slice(0, PHONE_LIMIT).map((row) => {
    const { household } = row.snapshot as HouseholdSnapshot;
    return {
      id: row.id,
      countyCode: row.countyCode,
      householdNumber: row.householdNumber,
      headName: row.headName,
      regionCode: row.regionCode,
      regionName: row.regionName,
      address: household.address,
      status: row.status,
      version: row.version,
      // Only what a visit asks about: no ID numbers or phones are kept on the phone.
      members: household.members.map((m) => ({
        id: m.id,
        name: m.name,
        relation: m.relation,
        sex: m.sex,
        age: ageOn(m.birthDate, now),
        health: m.health,
        disabilityGrade: m.disabilityGrade,
        labourAbility: m.labourAbility,
        schoolingStatus: m.schoolingStatus,
        workPlace: m.workPlace,
        workMonths: m.workMonths,
        status: m.status,
      })),
      income: household.income,
      conditions: {
        houseAreaM2: household.houseAreaM2,
        dangerousHouseGrade: household.dangerousHouseGrade,
        hasElectricity: household.hasElectricity,
        isDrinkingWaterSafe: household.isDrinkingWaterSafe,
        hasWaterDifficulty: household.hasWaterDifficulty,
        hasRoadToHouse: household.hasRoadToHouse,
        hasSanitaryToilet: household.hasSanitaryToilet,
        fuel: household.fuel,
      },
      lastVisitedOn: row.lastVisitedOn,
      due: row.due.map((d) => ({ ...d, isOverdue: d.deadline < today })),
    };
  });
  return {
    households,
    isTruncated: rows.length > PHONE_LIMIT,
    indicators: indicators.indicators,
    campaigns: campaigns.map((c) => ({ ...c, questions: c.questions as PhoneCampaignQuestion[] })),
    loadedAt: now.toISOString(),
  };
}

type PhoneCampaignQuestion = { code: string; text: string; kind: "yes_no" | "text" };
