import { randomUUID } from "node:crypto";
import { checkHousehold, normaliseMemberIds } from "../../../shared/household-checks.js";
import { type HouseholdDraft, householdDraftSchema } from "../../../shared/household-draft.js";
import { maskIdNumber, parseIdNumber } from "../../../shared/id-number.js";
import { normaliseText } from "../../../shared/roster/roster-values.js";
import { AppError } from "../../http/app-error.js";
import type { HouseholdSnapshot, StoredMember } from "../households/household-present.js";
import { type PreparedHousehold, prepareHousehold } from "../households/household-save.js";
import { buildHouseholdDraft, type MemberLine } from "./roster-draft.js";
import { locate, problemAt, schemaReason } from "./roster-plan-problems.js";
import type { RegionIndex } from "./roster-regions.js";
import type { RosterProblem, RosterRow, RosterTable } from "./roster-sheet.js";

// The import plan, household by household: the rows of one household (its household-sheet row,
// if any, and its person rows), matched with the registry (the household by number within the
// county, members by ID number), built into a draft, put through the registry's checks, and sorted
// into created / updated / unchanged / rejected. roster-import.ts feeds it batches of households
// read back from the spill file and writes what it decides; nothing here touches the database.

/** A household of the county as stored now. */
export interface ExistingHousehold {
  id: string;
  version: number;
  snapshot: HouseholdSnapshot;
}

/** An active member somewhere in the registry holding one of the file's ID numbers. */
export interface ActiveHolder {
  idNumber: string;
  memberId: string;
  householdNumber: string;
  countyCode: string;
}

/** What holds for the whole import. */
export interface PlanContext {
  fileName: string;
  tables: readonly RosterTable[];
  regions: RegionIndex;
  /** Whether the importing user may write households in a region. */
  isInScope: (regionCode: string) => boolean;
  today: Date;
}

/** What the planner needs to know about people beyond one household. */
export interface PeopleIndex {
  /** The first row (spill index) naming this person; this row's own index claims the person when none did. */
  claim(idNumber: string, index: number): number;
  /** A spilled row's number in its sheet (for "same as row N"). */
  rowNumberOf(index: number): number;
  /** The stored member of another household of the file that this row moves in, if it does. */
  moveOf(index: number): StoredMember | undefined;
  /** Why this row's person cannot be placed: an active member of a household the file does not name. */
  clashOf(index: number): string | undefined;
}

/** One household of the file, ready to plan. */
export interface HouseholdGroup {
  householdNumber: string;
  /** Its household-sheet row first, when there is one, then its person rows. */
  rows: RosterRow[];
  /** Its person rows with their spill indexes. */
  people: { row: RosterRow; index: number }[];
  /** Problems found so far (cells, reading). */
  problems: RosterProblem[];
  existing: ExistingHousehold | undefined;
  /** Stored members leaving for another household of the file, and members arriving from one. */
  movedOut: ReadonlySet<string>;
  movedIn: readonly StoredMember[];
  /** Other households of the file that members move between with this one. */
  links: readonly string[];
}

export type Outcome = "create" | "update" | "unchanged" | "rejected";

export interface PlannedHousehold {
  householdNumber: string;
  /** Its first row, where a problem about the household as a whole is shown. */
  firstRow: RosterRow;
  outcome: Outcome;
  /** What to write, for created and updated households. */
  write?: PreparedHousehold;
  links: readonly string[];
  problems: RosterProblem[];
}

/** The reason stored on each version an import writes. */
export function importReason(fileName: string): string {
  return `导入：${fileName}`.slice(0, 200);
}

/** Two stored households equal in every field the registry keeps (member versions aside). */
function isSameHousehold(a: HouseholdSnapshot["household"], b: HouseholdSnapshot["household"]): boolean {
  return isSameStored(a, b);
}

/** Deep equality of stored values, ignoring `version` keys and keys whose value is undefined. */
function isSameStored(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => isSameStored(item, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const counted = (o: Record<string, unknown>) => {
    let n = 0;
    for (const key in o) if (key !== "version" && o[key] !== undefined) n += 1;
    return n;
  };
  if (counted(x) !== counted(y)) return false;
  for (const key in x) {
    if (key === "version" || x[key] === undefined) continue;
    if (!isSameStored(x[key], y[key])) return false;
  }
  return true;
}

/** Each person row's person: the ID number resolved (masked ones against the stored household), duplicates named. */
function resolvePeople(group: HouseholdGroup, people: PeopleIndex, today: Date): MemberLine[] {
  const stored = group.existing?.snapshot.household.members ?? [];
  const lines: MemberLine[] = [];
  for (const { row, index } of group.people) {
    const column = row.table.layout.headers.idNumber!;
    const at = { sheet: row.table.label, row: row.row, column };
    const raw = row.text.idNumber;
    if (raw === undefined) {
      group.problems.push({ ...at, value: "", reason: "证件号码为空", code: "roster_id_empty" });
      continue;
    }
    if (raw === "") continue;
    let idNumber = normaliseText(raw);
    const parsed = parseIdNumber(raw, today);
    if (parsed.ok) idNumber = parsed.idNumber;
    else if (idNumber.includes("*")) {
      const matches = stored.filter((m) => maskIdNumber(m.idNumber) === idNumber);
      if (matches.length !== 1) {
        group.problems.push({
          ...at,
          value: raw,
          reason: "证件号码已脱敏（带*号），且对不上本户已登记的成员；请填写完整的证件号码",
          code: "roster_id_masked_unmatched",
        });
        continue;
      }
      idNumber = matches[0]!.idNumber;
    }
    const first = people.claim(idNumber, index);
    if (first !== index) {
      group.problems.push({
        ...at,
        value: raw,
        reason: `证件号码与第${people.rowNumberOf(first)}行相同：同一人在文件中只能出现一次`,
        code: "roster_id_repeated",
      });
      continue;
    }
    const own = stored.find((m) => m.idNumber === idNumber);
    const mover = own ? undefined : people.moveOf(index);
    const clash = own || mover ? undefined : people.clashOf(index);
    if (clash) {
      group.problems.push({ ...at, value: raw, reason: clash, code: "roster_id_active_elsewhere" });
      continue;
    }
    lines.push({ row, idNumber, stored: own ?? mover });
  }
  return lines;
}

/** Plans one household: its draft checked, and what writing it would be. */
export function planHousehold(
  group: HouseholdGroup,
  people: PeopleIndex,
  context: PlanContext,
): PlannedHousehold {
  const existing = group.existing;
  const lines = resolvePeople(group, people, context.today);
  const built = buildHouseholdDraft({
    householdNumber: group.householdNumber,
    rows: group.rows,
    lines,
    existing: existing?.snapshot,
    movedOut: group.movedOut,
    tables: context.tables,
    regions: context.regions,
    today: context.today,
  });
  const problems = [...group.problems, ...built.problems];
  const at = (path: readonly (string | number)[], reason: string, code?: string) =>
    problemAt(locate(path, context.tables, group.rows, built.memberRows), reason, code);
  const draft = built.draft;
  // Stand-ins for unreadable cells were reported already; what the checks say about them is noise.
  // Rows whose person could not be placed leave the member list incomplete: its size and head are unknown.
  if (lines.length < group.people.length || group.people.length === 0) built.unknown.add("members");
  const isKnown = (path: readonly (string | number)[]) =>
    !built.unknown.has(path.slice(0, 3).join(".")) &&
    !(path[0] !== "members" && built.unknown.has(String(path[0]))) &&
    !(path.length === 1 && built.unknown.has(String(path[0])));
  const parsed = householdDraftSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as (string | number)[];
      if (isKnown(path)) problems.push(at(path, schemaReason(issue as never), "roster_value_invalid"));
    }
  } else if (built.unknown.size > 0 || problems.length > 0) {
    // Rejected already: the checks complete its report. A clean draft is checked once, by
    // prepareHousehold below, whose errors are located the same way.
    for (const finding of checkHousehold(normaliseMemberIds(draft, context.today), context.today)) {
      if (finding.severity !== "error") continue;
      const path = finding.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      if (isKnown(path)) problems.push(at(path, finding.message, finding.code));
    }
  }
  for (const code of [draft.regionCode, existing?.snapshot.household.regionCode]) {
    if (code && !context.isInScope(code)) {
      problems.push(at(["regionCode"], "该户不在您的管辖范围内", "roster_out_of_scope"));
    }
  }
  const planned: PlannedHousehold = {
    householdNumber: group.householdNumber,
    firstRow: group.rows[0]!,
    outcome: "rejected",
    links: group.links,
    problems,
  };
  if (built.unknown.size > 0 || problems.length > 0) return dedupe(planned);
  const write = prepareWrite(draft, group, context, problems, at);
  if (!write) return dedupe(planned);
  if (existing && isSameHousehold(write.snapshot.household, existing.snapshot.household)) {
    return { ...planned, outcome: "unchanged" };
  }
  return { ...planned, outcome: existing ? "update" : "create", write };
}

/** The same problem found twice (by two checks) is listed once. */
function dedupe(planned: PlannedHousehold): PlannedHousehold {
  const unique = new Map(
    planned.problems.map((p) => [`${p.sheet}\u0000${p.row}\u0000${p.column}\u0000${p.reason}`, p]),
  );
  return { ...planned, problems: [...unique.values()] };
}

function prepareWrite(
  draft: HouseholdDraft,
  group: HouseholdGroup,
  context: PlanContext,
  problems: RosterProblem[],
  at: (path: readonly (string | number)[], reason: string, code?: string) => RosterProblem,
): PreparedHousehold | undefined {
  const existing = group.existing;
  // prepareHousehold refuses drops and strangers against `previous`: movers are expected both ways.
  const previous: HouseholdSnapshot | undefined = existing && {
    ...existing.snapshot,
    household: {
      ...existing.snapshot.household,
      members: [
        ...existing.snapshot.household.members.filter((m) => !group.movedOut.has(m.id)),
        ...group.movedIn,
      ],
    },
  };
  try {
    const prepared = prepareHousehold(draft, previous, context.today);
    return {
      snapshot: {
        id: existing?.id ?? randomUUID(),
        countyCode: context.regions.countyCode,
        household: prepared.household,
      },
      warnings: prepared.warnings,
      version: existing ? existing.version + 1 : 1,
      reason: importReason(context.fileName),
      newMemberIds: prepared.newMemberIds,
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details: { path: string; message: string; code?: string }[] = error.details ?? [
      { path: "householdNumber", message: error.message },
    ];
    for (const detail of details) {
      const path = detail.path.replace(/^body\.household\./, "").split(".");
      problems.push(
        at(
          path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          detail.message,
          detail.code,
        ),
      );
    }
    return undefined;
  }
}

/**
 * Households linked by moving members stand or fall together: one rejected rejects the others.
 * `planned` holds the linked households; `rejectedBefore` the numbers of households rejected
 * earlier (planned while the file was read), which may be linked to them too.
 */
export function rejectLinked(
  planned: PlannedHousehold[],
  rejectedBefore: ReadonlySet<string> = new Set(),
): void {
  const byNumber = new Map(planned.map((p) => [p.householdNumber, p]));
  const isRejected = (n: string) => byNumber.get(n)?.outcome === "rejected" || rejectedBefore.has(n);
  let changed = true;
  while (changed) {
    changed = false;
    for (const household of planned) {
      if (household.outcome === "rejected") continue;
      const failed = household.links.find(isRejected);
      if (!failed) continue;
      household.outcome = "rejected";
      delete household.write;
      const row = household.firstRow;
      household.problems.push({
        sheet: row.table.label,
        row: row.row,
        column: row.table.layout.headers.householdNumber!,
        value: household.householdNumber,
        reason: `本户与户编号 ${failed} 之间有成员迁移，该户有错误不能导入，本户也不能单独导入`,
        code: "roster_linked_rejected",
      });
      changed = true;
    }
  }
}
