import type { BriefingDetail, BriefingSectionKey } from "../../../shared/api/briefings.api.js";
import { codePrefix, countyCodeOf } from "../../../shared/division-code.js";
import { AppError } from "../../http/app-error.js";
import type { FileReply, ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import { getDashboard } from "../dashboard/dashboard.service.js";
import { writeBriefingDocx } from "./briefing-docx.js";
import { writeBriefingPdf } from "./briefing-pdf.js";
import { writeSections } from "./briefing-text.js";
import {
  findBriefing,
  findBriefings,
  insertBriefing,
  issueBriefingDraft,
  lockBriefingNumbers,
  updateBriefingDraft,
} from "./briefings.queries.js";

/** A briefing the actor may see; NOT_FOUND for one that does not exist, OUT_OF_SCOPE outside the region. */
async function briefingInScope(ctx: ServiceContext, id: string, action: "briefing.read" | "briefing.write") {
  authorize(ctx.actor, action);
  const briefing = await findBriefing(ctx.db, id);
  if (!briefing) throw new AppError("NOT_FOUND");
  authorize(ctx.actor, action, { regionCode: briefing.regionCode });
  return briefing;
}

export async function listBriefings(
  ctx: ServiceContext,
  query: { status?: "draft" | "issued" | undefined; page: number; pageSize: number },
) {
  authorize(ctx.actor, "briefing.read");
  const { rows, total } = await findBriefings(ctx.db, {
    scopePrefix: codePrefix(ctx.actor.regionCode),
    status: query.status,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { rows, total, page: query.page, pageSize: query.pageSize };
}

export function getBriefing(ctx: ServiceContext, id: string): Promise<BriefingDetail> {
  return briefingInScope(ctx, id, "briefing.read");
}

/** Writes a draft from the region's figures as they stand now (the dashboard's, to the unit). */
export async function createBriefing(
  ctx: ServiceContext,
  input: {
    regionCode: string;
    title: string;
    periodStart: string;
    periodEnd: string;
    sections: BriefingSectionKey[];
  },
): Promise<BriefingDetail> {
  authorize(ctx.actor, "briefing.write", { regionCode: input.regionCode });
  const dashboard = await getDashboard(ctx, input.regionCode);
  const sections = writeSections(
    input.sections,
    dashboard.figures,
    dashboard.activity,
    dashboard.region.name,
    dashboard.generatedAt,
  );
  const id = await ctx.db.transaction(async (tx) => {
    const created = await insertBriefing(tx, {
      countyCode: countyCodeOf(input.regionCode) ?? input.regionCode.slice(0, 12),
      regionCode: input.regionCode,
      title: input.title,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      sections,
      figures: dashboard.figures,
      countedAt: dashboard.generatedAt,
      createdBy: ctx.actor.id,
    });
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "briefing.create",
      entityType: "briefing",
      entityId: created,
      regionCode: input.regionCode,
      after: { title: input.title, periodStart: input.periodStart, periodEnd: input.periodEnd },
    });
    return created;
  });
  return (await findBriefing(ctx.db, id))!;
}

export async function updateBriefing(
  ctx: ServiceContext,
  id: string,
  change: { title: string; sections: BriefingDetail["sections"]; version: number },
): Promise<BriefingDetail> {
  const before = await briefingInScope(ctx, id, "briefing.write");
  if (before.status === "issued") throw new AppError("BRIEFING_ISSUED");
  await ctx.db.transaction(async (tx) => {
    if (!(await updateBriefingDraft(tx, id, change))) throw new AppError("STALE_VERSION");
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "briefing.update",
      entityType: "briefing",
      entityId: id,
      regionCode: before.regionCode,
      before: { title: before.title, sections: before.sections },
      after: { title: change.title, sections: change.sections },
    });
  });
  return (await findBriefing(ctx.db, id))!;
}

/** Issues a draft: numbered 第N期 of its region's year, dated, with office and distribution; then frozen. */
export async function issueBriefing(
  ctx: ServiceContext,
  id: string,
  issue: { issuedOn: string; issuingOffice: string; distribution: string; version: number },
): Promise<BriefingDetail> {
  const before = await briefingInScope(ctx, id, "briefing.write");
  if (before.status === "issued") throw new AppError("BRIEFING_ISSUED");
  await ctx.db.transaction(async (tx) => {
    await lockBriefingNumbers(tx, before.regionCode);
    if (!(await issueBriefingDraft(tx, id, { ...issue, issuedBy: ctx.actor.id })))
      throw new AppError("STALE_VERSION");
    const issued = await findBriefing(tx, id);
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "briefing.issue",
      entityType: "briefing",
      entityId: id,
      regionCode: before.regionCode,
      after: {
        issueYear: issued?.issueYear,
        issueNumber: issued?.issueNumber,
        issuedOn: issue.issuedOn,
        issuingOffice: issue.issuingOffice,
        distribution: issue.distribution,
      },
    });
  });
  return (await findBriefing(ctx.db, id))!;
}

function fileNameOf(b: BriefingDetail, extension: string): string {
  const number = b.status === "issued" ? `${b.issueYear}年第${b.issueNumber}期` : "草稿";
  return `${b.regionName}简报-${number}-${b.title}.${extension}`.replace(/[\\/:*?"<>|]/g, "_");
}

export async function downloadBriefingPdf(ctx: ServiceContext, id: string): Promise<FileReply> {
  const briefing = await briefingInScope(ctx, id, "briefing.read");
  return { fileName: fileNameOf(briefing, "pdf"), content: await writeBriefingPdf(briefing) };
}

export async function downloadBriefingDocx(ctx: ServiceContext, id: string): Promise<FileReply> {
  const briefing = await briefingInScope(ctx, id, "briefing.read");
  return { fileName: fileNameOf(briefing, "docx"), content: await writeBriefingDocx(briefing) };
}
