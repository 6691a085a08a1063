import type { RegionSummary } from "../../../shared/api/regions.api.js";
import {
  childCodeProblem,
  codePrefix,
  countyCodeOf,
  isWithinScope,
  levelOfCode,
} from "../../../shared/division-code.js";
import type { RegionLevel } from "../../../shared/roles.js";
import { escapeLike } from "../../db/like.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { authorize } from "../../policies/can.js";
import { recordAudit } from "../audit/audit.service.js";
import {
  findChildRegions,
  findRegion,
  findRegionAncestors,
  insertLocalRegion,
  searchRegionsWithin,
  updateRegionName,
} from "./regions.queries.js";

/** A region in scope with its breadcrumb (only the part inside the actor's scope) and children. */
export async function getRegionTree(ctx: ServiceContext, code: string) {
  authorize(ctx.actor, "region.read", { regionCode: code });
  const region = await findRegion(ctx.db, code);
  if (!region) throw new AppError("NOT_FOUND");
  const [ancestors, children] = await Promise.all([
    findRegionAncestors(ctx.db, code),
    findChildRegions(ctx.db, code),
  ]);
  return {
    region,
    ancestors: ancestors.filter((a) => isWithinScope(a.code, ctx.actor.regionCode)),
    children,
  };
}

/** Regions in the actor's scope matching a name fragment or code prefix. */
export async function searchRegions(
  ctx: ServiceContext,
  text: string,
  level: RegionLevel | undefined,
  limit: number,
) {
  authorize(ctx.actor, "region.read");
  const rows = await searchRegionsWithin(
    ctx.db,
    codePrefix(ctx.actor.regionCode),
    escapeLike(text),
    level,
    limit,
  );
  return { rows };
}

/** Adds a village or village group that the official data lacks, under a parent in scope. */
export async function createRegion(
  ctx: ServiceContext,
  input: { parentCode: string; code: string; name: string },
): Promise<RegionSummary> {
  authorize(ctx.actor, "region.create", { regionCode: input.parentCode });
  const parent = await findRegion(ctx.db, input.parentCode);
  if (!parent) throw new AppError("NOT_FOUND");
  const level = levelOfCode(input.code);
  if (parent.level !== "township" && parent.level !== "village") {
    throw new AppError("VALIDATION_FAILED", [
      { path: "body.parentCode", message: "只能在乡镇下添加村，在村下添加村民小组" },
    ]);
  }
  const problem = childCodeProblem(input.parentCode, input.code);
  if (problem || !level) {
    const message =
      problem === "wrong_parent"
        ? "代码的前几位必须与上级区划一致"
        : "代码层级不对：村为 12 位，村民小组为 村代码 + 3 位";
    throw new AppError("VALIDATION_FAILED", [{ path: "body.code", message }]);
  }
  const row = {
    code: input.code,
    parentCode: input.parentCode,
    level,
    name: input.name,
    countyCode: countyCodeOf(input.code) ?? null,
  };
  await ctx.db.transaction(async (tx) => {
    if (await findRegion(tx, input.code))
      throw new AppError("CONFLICT", [{ path: "body.code", message: "该代码已存在" }]);
    await insertLocalRegion(tx, row);
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "region.create",
      entityType: "region",
      entityId: input.code,
      regionCode: input.code,
      after: row,
    });
  });
  return (await findRegion(ctx.db, input.code))!;
}

/** Renames a region in scope; `version` guards against overwriting someone else's change. */
export async function renameRegion(ctx: ServiceContext, code: string, name: string, version: number) {
  authorize(ctx.actor, "region.rename", { regionCode: code });
  return ctx.db.transaction(async (tx) => {
    const before = await findRegion(tx, code);
    if (!before) throw new AppError("NOT_FOUND");
    if (!(await updateRegionName(tx, code, name, version))) throw new AppError("STALE_VERSION");
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "region.rename",
      entityType: "region",
      entityId: code,
      regionCode: code,
      before: { name: before.name },
      after: { name },
    });
    return (await findRegion(tx, code))!;
  });
}
