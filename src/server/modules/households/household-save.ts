import { randomUUID } from "node:crypto";
import { assessGuarantees } from "../../../shared/basic-guarantees.js";
import { countyCodeOf, levelOfCode } from "../../../shared/division-code.js";
import { checkHousehold, type Finding, normaliseMemberIds } from "../../../shared/household-checks.js";
import type { HouseholdDraft } from "../../../shared/household-draft.js";
import { activeMembers, perCapitaNetIncome } from "../../../shared/household-income.js";
import { maskIdNumber, maskPhone, parseIdNumber } from "../../../shared/id-number.js";
import type { Queryable } from "../../db/db.js";
import { AppError } from "../../http/app-error.js";
import type { ServiceContext } from "../../http/route.js";
import { recordAudit } from "../audit/audit.service.js";
import { findRegion } from "../regions/regions.queries.js";
import { copyNewHouseholds, type Layered, type NewHouseholdRows } from "./household-copy.queries.js";
import { type HouseholdSnapshot, maskBankAccount, type StoredMember } from "./household-present.js";
import {
  type FindingRow,
  findActiveMembersElsewhere,
  findVersion,
  type HouseholdRow,
  type IncomeRow,
  insertHouseholds,
  insertVersions,
  isHouseholdNumberTaken,
  type MemberRow,
  replaceFindings,
  updateHouseholdRows,
  upsertIncomes,
  upsertMembers,
  type VersionInsert,
} from "./households.queries.js";

const BODY = "body.household";

function validationError(
  findings: readonly (Pick<Finding, "path" | "message"> & { code?: string })[],
): AppError {
  return new AppError(
    "VALIDATION_FAILED",
    findings.map((f) => ({
      path: `${BODY}.${f.path}`,
      message: f.message,
      ...(f.code ? { code: f.code } : {}),
    })),
  );
}

/**
 * Masked values sent back unchanged by a form mean "keep what is stored": the edit screens never
 * receive full ID numbers, phones or bank accounts.
 */
function restoreMaskedValues(draft: HouseholdDraft, previous: HouseholdSnapshot | undefined): HouseholdDraft {
  if (!previous) return draft;
  const stored = previous.household;
  const keep = (value: string | null, old: string | null, mask: (v: string) => string) =>
    value !== null && old !== null && value === mask(old) ? old : value;
  const byId = new Map(stored.members.map((m) => [m.id, m]));
  return {
    ...draft,
    phone: keep(draft.phone, stored.phone, maskPhone),
    bankAccount: keep(draft.bankAccount, stored.bankAccount, maskBankAccount),
    members: draft.members.map((member) => {
      const old = member.id ? byId.get(member.id) : undefined;
      if (!old) return member;
      return {
        ...member,
        idNumber: keep(member.idNumber, old.idNumber, maskIdNumber) ?? member.idNumber,
        phone: keep(member.phone, old.phone, maskPhone),
        // A form that does not show the person number (人编号) keeps the stored one.
        ...(member.personNumber === undefined && old.personNumber != null
          ? { personNumber: old.personNumber }
          : {}),
      };
    }),
  };
}

/** The checked household ready to store, with its warnings. Throws VALIDATION_FAILED on any hard error. */
export function prepareHousehold(
  draft: HouseholdDraft,
  previous: HouseholdSnapshot | undefined,
  today: Date,
) {
  const normalised = normaliseMemberIds(restoreMaskedValues(draft, previous), today);
  const findings = checkHousehold(normalised, today);
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length > 0) throw validationError(errors);
  if (previous) {
    const submitted = new Set(normalised.members.map((m) => m.id).filter(Boolean));
    const missing = previous.household.members.findIndex((m) => !submitted.has(m.id));
    if (missing >= 0) {
      throw validationError([
        {
          path: "members",
          message: `成员“${previous.household.members[missing]!.name}”不在提交内容中：请把其状态改为已迁出或死亡，而不是删除`,
        },
      ]);
    }
    const known = new Set(previous.household.members.map((m) => m.id));
    const unknown = normalised.members.findIndex((m) => m.id !== undefined && !known.has(m.id));
    if (unknown >= 0) throw validationError([{ path: `members.${unknown}.id`, message: "该成员不属于本户" }]);
  }
  const newMemberIds = new Set<string>();
  const members: StoredMember[] = normalised.members.map((member) => {
    const parsed = parseIdNumber(member.idNumber, today);
    const id = member.id ?? randomUUID();
    if (!member.id) newMemberIds.add(id);
    return { ...member, id, birthDate: parsed.ok ? parsed.birthDate : "1900-01-01" };
  });
  return {
    household: { ...normalised, members },
    warnings: findings.filter((f) => f.severity === "warning"),
    newMemberIds: newMemberIds as ReadonlySet<string>,
  };
}

/** What the household table derives from a household: its members counted, head, income, lights. */
function householdFigures(household: HouseholdSnapshot["household"], today: Date) {
  const active = activeMembers(household.members);
  return {
    memberCount: active.length,
    headName: active.find((m) => m.relation === "head")?.name ?? "",
    perCapitaIncome: perCapitaNetIncome(household.income, active.length),
    guaranteeLights: Object.fromEntries(
      assessGuarantees(household, today).map((g) => [g.guarantee, g.light]),
    ),
  };
}

function householdRow(
  id: string,
  countyCode: string,
  household: HouseholdSnapshot["household"],
  today: Date,
  warningCount: number,
): HouseholdRow {
  const { members: _members, income: _income, ...fields } = household;
  return { ...fields, id, countyCode, ...householdFigures(household, today), warningCount };
}

async function assertIdsNotActiveElsewhere(
  tx: Queryable,
  household: HouseholdSnapshot["household"],
  householdId: string,
) {
  const active = household.members.filter((m) => m.status === "active");
  const clashes = await findActiveMembersElsewhere(
    tx,
    active.map((m) => m.idNumber),
    householdId,
  );
  if (clashes.length === 0) return;
  throw validationError(
    clashes.map((clash) => ({
      path: `members.${household.members.findIndex((m) => m.idNumber === clash.idNumber)}.idNumber`,
      message: `该证件号码已是另一户（户编号 ${clash.householdNumber}）的在户成员；一人只能在一户`,
    })),
  );
}

/** A checked household ready to write, new or as the next version of an existing one. */
export interface PreparedHousehold {
  snapshot: HouseholdSnapshot;
  warnings: readonly Finding[];
  /** The version this write creates (1 for a new household). */
  version: number;
  reason: string;
  /**
   * The members this write creates (their ids were generated, see prepareHousehold). A new
   * household all of whose members are new is bulk-loaded; without this, it is inserted.
   */
  newMemberIds?: ReadonlySet<string>;
}

/** The version row a write adds. */
function versionOf(p: PreparedHousehold, actor: { id: string; username: string } | null) {
  return {
    householdId: p.snapshot.id,
    version: p.version,
    countyCode: p.snapshot.countyCode,
    changedBy: actor?.id ?? null,
    changedByUsername: actor?.username ?? null,
    reason: p.reason,
    snapshot: p.snapshot,
  };
}

function findingsOf({ snapshot, warnings }: PreparedHousehold) {
  return warnings.map((w) => ({
    householdId: snapshot.id,
    countyCode: snapshot.countyCode,
    path: w.path,
    code: w.code,
    message: w.message,
  }));
}

/** What writing one household puts in each table. */
function rowsOf(p: PreparedHousehold, actor: { id: string; username: string } | null, today: Date) {
  const { snapshot, warnings } = p;
  const household = householdRow(
    snapshot.id,
    snapshot.countyCode,
    snapshot.household,
    today,
    warnings.length,
  );
  return {
    household,
    members: snapshot.household.members.map((member, position) => ({
      ...member,
      countyCode: snapshot.countyCode,
      householdId: snapshot.id,
      position,
    })),
    income: {
      ...snapshot.household.income,
      householdId: snapshot.id,
      countyCode: snapshot.countyCode,
      memberCount: household.memberCount,
      perCapitaIncome: household.perCapitaIncome,
    },
    findings: findingsOf(p),
    version: versionOf(p, actor),
  };
}

/** The same rows for COPY, each as what the table adds over what was saved (no merged copies). */
function loadRowsOf(
  loaded: readonly PreparedHousehold[],
  actor: { id: string; username: string } | null,
  today: Date,
): NewHouseholdRows {
  const rows = {
    households: [] as Layered<HouseholdRow>[],
    members: [] as Layered<MemberRow>[],
    incomes: [] as Layered<IncomeRow>[],
    findings: [] as FindingRow[],
    versions: [] as VersionInsert[],
  };
  for (const p of loaded) {
    const { id, countyCode, household } = p.snapshot;
    const figures = householdFigures(household, today);
    rows.households.push({
      added: { id, countyCode, ...figures, warningCount: p.warnings.length },
      saved: household,
    });
    household.members.forEach((member, position) => {
      rows.members.push({ added: { countyCode, householdId: id, position }, saved: member });
    });
    rows.incomes.push({
      added: {
        householdId: id,
        countyCode,
        memberCount: figures.memberCount,
        perCapitaIncome: figures.perCapitaIncome,
      },
      saved: household.income,
    });
    rows.findings.push(...findingsOf(p));
    rows.versions.push(versionOf(p, actor));
  }
  return rows;
}

/** A new household whose members are all new: nothing of it exists yet, so it may be bulk-loaded. */
function isLoadable(p: PreparedHousehold): boolean {
  const fresh = p.newMemberIds;
  return p.version === 1 && fresh !== undefined && p.snapshot.household.members.every((m) => fresh.has(m.id));
}

/**
 * Writes any number of prepared households in a fixed handful of set-based statements: rows,
 * members, the year's income, findings and versions. New households with new members are loaded
 * with COPY where the database handle offers it (the same rows, several times faster: a county's
 * roster import is mostly new households). Throws STALE_VERSION when any existing household was
 * saved by someone else in between (the transaction then rolls back whole).
 */
export async function writeHouseholds(
  tx: Queryable,
  actor: { id: string; username: string } | null,
  prepared: readonly PreparedHousehold[],
  today: Date,
): Promise<void> {
  const copyFrom = tx.copyFrom?.bind(tx);
  const loaded = copyFrom ? prepared.filter(isLoadable) : [];
  if (copyFrom && loaded.length > 0) await copyNewHouseholds({ copyFrom }, loadRowsOf(loaded, actor, today));
  const isLoaded = new Set(loaded);
  const rest = (loaded.length === 0 ? prepared : prepared.filter((p) => !isLoaded.has(p))).map((p) => ({
    p,
    rows: rowsOf(p, actor, today),
  }));
  if (rest.length === 0) return;
  const rows = rest.map(({ p, rows }) => ({ ...rows.household, expectedVersion: p.version - 1 }));
  await insertHouseholds(
    tx,
    rows.filter((row) => row.expectedVersion === 0).map(({ expectedVersion: _v, ...row }) => row),
  );
  const existing = rows.filter((row) => row.expectedVersion > 0);
  if ((await updateHouseholdRows(tx, existing)).length !== existing.length)
    throw new AppError("STALE_VERSION");
  await upsertMembers(
    tx,
    rest.flatMap(({ rows }) => rows.members),
  );
  await upsertIncomes(
    tx,
    rest.map(({ rows }) => rows.income),
  );
  await replaceFindings(
    tx,
    rest.map(({ p }) => p.snapshot.id),
    rest.flatMap(({ rows }) => rows.findings),
  );
  await insertVersions(
    tx,
    rest.map(({ rows }) => rows.version),
  );
}

async function assertHouseholdRegion(ctx: ServiceContext, regionCode: string): Promise<string> {
  const level = levelOfCode(regionCode);
  if ((level !== "village" && level !== "group") || !(await findRegion(ctx.db, regionCode))) {
    throw validationError([{ path: "regionCode", message: "户必须登记在已有的村或村民小组下" }]);
  }
  return countyCodeOf(regionCode)!;
}

/** Registers a household: checks, then household, members, income, findings, version and audit in one transaction. */
export async function registerHousehold(
  ctx: ServiceContext,
  draft: HouseholdDraft,
  reason: string,
  today = new Date(),
) {
  const countyCode = await assertHouseholdRegion(ctx, draft.regionCode);
  const { household, warnings, newMemberIds } = prepareHousehold(draft, undefined, today);
  const snapshot: HouseholdSnapshot = { id: randomUUID(), countyCode, household };
  await ctx.db.transaction(async (tx) => {
    if (await isHouseholdNumberTaken(tx, countyCode, household.householdNumber)) {
      throw new AppError("CONFLICT", [{ path: `${BODY}.householdNumber`, message: "本县已有该户编号" }]);
    }
    await assertIdsNotActiveElsewhere(tx, household, snapshot.id);
    await writeHouseholds(tx, ctx.actor, [{ snapshot, warnings, version: 1, reason, newMemberIds }], today);
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "household.create",
      entityType: "household",
      entityId: snapshot.id,
      regionCode: household.regionCode,
      after: { householdNumber: household.householdNumber, members: household.members.length, reason },
    });
  });
  return { id: snapshot.id, warnings };
}

/** Saves a new version of a household if it is still at `version`. */
export async function reviseHousehold(
  ctx: ServiceContext,
  id: string,
  draft: HouseholdDraft,
  version: number,
  reason: string,
  today = new Date(),
) {
  const countyCode = await assertHouseholdRegion(ctx, draft.regionCode);
  const latest = await findVersion(ctx.db, id, "latest");
  if (!latest) throw new AppError("NOT_FOUND");
  const previous = latest.snapshot as HouseholdSnapshot;
  if (previous.countyCode !== countyCode) {
    throw validationError([{ path: "regionCode", message: "户不能跨县迁移；请在迁入县重新建档" }]);
  }
  if (latest.version !== version) throw new AppError("STALE_VERSION");
  const { household, warnings } = prepareHousehold(draft, previous, today);
  const snapshot: HouseholdSnapshot = { id, countyCode, household };
  await ctx.db.transaction(async (tx) => {
    if (household.householdNumber !== previous.household.householdNumber) {
      if (await isHouseholdNumberTaken(tx, countyCode, household.householdNumber)) {
        throw new AppError("CONFLICT", [{ path: `${BODY}.householdNumber`, message: "本县已有该户编号" }]);
      }
    }
    await assertIdsNotActiveElsewhere(tx, household, id);
    await writeHouseholds(tx, ctx.actor, [{ snapshot, warnings, version: version + 1, reason }], today);
    await recordAudit(tx, ctx.actor, ctx.origin, {
      action: "household.update",
      entityType: "household",
      entityId: id,
      regionCode: household.regionCode,
      before: { version, regionCode: previous.household.regionCode },
      after: { version: version + 1, regionCode: household.regionCode, reason },
    });
  });
  return { id, warnings };
}
