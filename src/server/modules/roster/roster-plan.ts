import { randomUUID } from "node:crypto";
import { checkHousehold, normaliseMemberIds } from "../../../shared/household-checks.js";
import { type HouseholdDraft, householdDraftSchema } from "../../../shared/household-draft.js";
import { maskIdNumber, parseIdNumber } from "../../../shared/id-number.js";
import { headerOf, type RosterColumnKey } from "../../../shared/roster/roster-columns.js";
import { normaliseText, readCode } from "../../../shared/roster/roster-values.js";
import { AppError } from "../../http/app-error.js";
import type { HouseholdSnapshot, StoredMember } from "../households/household-present.js";
import { type PreparedHousehold, prepareHousehold } from "../households/household-save.js";
import { buildHouseholdDraft, type MemberLine } from "./roster-draft.js";
import type { RegionIndex } from "./roster-regions.js";
import type { RosterProblem, RosterRow, SheetLayout } from "./roster-sheet.js";

// The import plan: the file's rows grouped into households by 户编号, matched with the registry
// (households by number within the county, members by ID number), built into drafts, put through
// the registry's checks, and sorted into created / updated / unchanged / rejected. Writing the plan
// is roster-import.ts's job; nothing here touches the database.

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

export interface PlanInput {
  fileName: string;
  layout: SheetLayout;
  rows: readonly RosterRow[];
  regions: RegionIndex;
  /** The county's households named by the file, by household number. */
  existing: ReadonlyMap<string, ExistingHousehold>;
  /** Active members holding the file's ID numbers, by ID number. */
  holders: ReadonlyMap<string, ActiveHolder>;
  /** Whether the importing user may write households in a region. */
  isInScope: (regionCode: string) => boolean;
  today: Date;
}

export type Outcome = "create" | "update" | "unchanged" | "rejected";

export interface PlannedHousehold {
  householdNumber: string;
  rows: number[];
  outcome: Outcome;
  /** What to write, for created and updated households. */
  write?: PreparedHousehold;
  /** Other households of the file that members move between with this one. */
  links: string[];
}

export interface RosterPlan {
  households: PlannedHousehold[];
  problems: RosterProblem[];
  /** Data rows read (blank rows not counted). */
  rows: number;
  /** Soft data-quality findings of the households to be written. */
  warnings: number;
}

/** The reason stored on each version an import writes. */
export function importReason(fileName: string): string {
  return `导入：${fileName}`.slice(0, 200);
}

const MEMBER_FIELD_COLUMNS: Record<string, RosterColumnKey[]> = {
  name: ["name"],
  sex: ["sex", "idNumber"],
  idNumber: ["idNumber"],
  relation: ["relation"],
  ethnicity: ["ethnicity"],
  education: ["education"],
  schoolingStatus: ["schoolingStatus"],
  health: ["health"],
  disabilityGrade: ["disabilityGrade", "health"],
  labourAbility: ["labourAbility"],
  workPlace: ["workPlace"],
  workMonths: ["workMonths"],
  hasSeriousIllnessInsurance: ["hasSeriousIllnessInsurance"],
  hasBasicMedicalInsurance: ["hasBasicMedicalInsurance", "hasSeriousIllnessInsurance"],
  hasBasicPension: ["hasBasicPension"],
  phone: ["phone"],
  status: ["memberStatus", "relation"],
};

const HOUSEHOLD_FIELD_COLUMNS: Record<string, RosterColumnKey[]> = {
  regionCode: ["village"],
  householdNumber: ["householdNumber"],
  address: ["address", "village"],
  phone: ["phone"],
  povertyAttribute: ["povertyAttribute"],
  identificationStandard: ["identificationStandard"],
  mainCause: ["mainCause"],
  secondaryCauses: ["secondaryCauses", "mainCause"],
  status: ["status"],
  liftedYear: ["liftedYear", "status"],
  dangerousHouseGrade: ["dangerousHouseGrade", "isDangerousHouse"],
  isDrinkingWaterSafe: ["isDrinkingWaterSafe"],
  hasWaterDifficulty: ["hasWaterDifficulty"],
  cultivatedLandMu: ["cultivatedLandMu"],
  forestLandMu: ["forestLandMu"],
  houseAreaM2: ["houseAreaM2"],
  members: ["relation"],
};

/** Where in the file a draft path (members.2.idNumber, liftedYear, income.transfer) was read from. */
function locate(
  path: readonly (string | number)[],
  layout: SheetLayout,
  rows: readonly RosterRow[],
  memberRows: readonly (number | null)[],
): { row: number; key: RosterColumnKey } {
  const pick = (keys: readonly RosterColumnKey[] | undefined, fallback: RosterColumnKey) =>
    keys?.find((k) => layout.columns[k] !== undefined) ?? keys?.[0] ?? fallback;
  const first = rows[0]!.row;
  if (path[0] === "members" && typeof path[1] === "number") {
    const key = pick(MEMBER_FIELD_COLUMNS[String(path[2])], "name");
    return { row: memberRows[path[1]] ?? first, key };
  }
  const key =
    path[0] === "income"
      ? pick([String(path[1]) as RosterColumnKey, "perCapitaIncome"], "perCapitaIncome")
      : pick(HOUSEHOLD_FIELD_COLUMNS[String(path[0])], "householdNumber");
  if (path[0] === "members") {
    const head = rows.find((r) => r.text.relation && readCode("relation", r.text.relation).ok);
    return { row: head?.row ?? first, key };
  }
  return { row: rows.find((r) => r.text[key])?.row ?? first, key };
}

function problemAt(
  location: { row: number; key: RosterColumnKey },
  layout: SheetLayout,
  rowsByNumber: ReadonlyMap<number, RosterRow>,
  reason: string,
): RosterProblem {
  return {
    row: location.row,
    column: layout.headers[location.key] ?? headerOf(location.key),
    value: rowsByNumber.get(location.row)?.text[location.key] ?? "",
    reason,
  };
}

/** Zod's complaints about a draft (lengths, ranges), in Chinese. */
function schemaReason(issue: {
  code: string;
  message: string;
  maximum?: unknown;
  minimum?: unknown;
}): string {
  if (issue.code === "too_big") return `超出允许范围（最多 ${String(issue.maximum)}）`;
  if (issue.code === "too_small") return `低于允许范围（至少 ${String(issue.minimum)}）`;
  if (issue.code === "invalid_format") return "格式不正确";
  return `不符合要求（${issue.message}）`;
}

/** Two stored households equal in every field the registry keeps (member versions aside). */
function isSameHousehold(a: HouseholdSnapshot["household"], b: HouseholdSnapshot["household"]): boolean {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key, v]) => key !== "version" && v !== undefined)
          .sort(([x], [y]) => (x < y ? -1 : 1))
          .map(([key, v]) => [key, canonical(v)]),
      );
    }
    return value;
  };
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

interface Group {
  householdNumber: string;
  rows: RosterRow[];
  lines: MemberLine[];
  problems: RosterProblem[];
  movedOut: Set<string>;
  movedIn: StoredMember[];
  links: Set<string>;
}

function groupRows(rows: readonly RosterRow[], layout: SheetLayout, problems: RosterProblem[]) {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const raw = row.text.householdNumber;
    if (raw === undefined) {
      problems.push({
        row: row.row,
        column: layout.headers.householdNumber!,
        value: "",
        reason: "户编号为空",
      });
      continue;
    }
    if (raw === "") continue;
    const householdNumber = normaliseText(raw);
    let group = groups.get(householdNumber);
    if (!group) {
      group = {
        householdNumber,
        rows: [],
        lines: [],
        problems: [],
        movedOut: new Set(),
        movedIn: [],
        links: new Set(),
      };
      groups.set(householdNumber, group);
    }
    group.rows.push(row);
    group.problems.push(...row.problems);
  }
  return groups;
}

/** Each row's person: the ID number resolved (masked ones against the stored household), duplicates named. */
function resolvePeople(groups: Map<string, Group>, input: PlanInput) {
  const column = input.layout.headers.idNumber!;
  const firstRowById = new Map<string, number>();
  for (const group of groups.values()) {
    const stored = input.existing.get(group.householdNumber)?.snapshot.household.members ?? [];
    for (const row of group.rows) {
      const raw = row.text.idNumber;
      if (raw === undefined) {
        group.problems.push({ row: row.row, column, value: "", reason: "证件号码为空" });
        continue;
      }
      if (raw === "") continue;
      let idNumber = normaliseText(raw);
      const parsed = parseIdNumber(raw, input.today);
      if (parsed.ok) idNumber = parsed.idNumber;
      else if (idNumber.includes("*")) {
        const matches = stored.filter((m) => maskIdNumber(m.idNumber) === idNumber);
        if (matches.length !== 1) {
          group.problems.push({
            row: row.row,
            column,
            value: raw,
            reason: "证件号码已脱敏（带*号），且对不上本户已登记的成员；请填写完整的证件号码",
          });
          continue;
        }
        idNumber = matches[0]!.idNumber;
      }
      const earlier = firstRowById.get(idNumber);
      if (earlier !== undefined) {
        group.problems.push({
          row: row.row,
          column,
          value: raw,
          reason: `证件号码与第${earlier}行相同：同一人在文件中只能出现一次`,
        });
        continue;
      }
      firstRowById.set(idNumber, row.row);
      group.lines.push({ row, idNumber, stored: stored.find((m) => m.idNumber === idNumber) });
    }
  }
}

/** Members the file places in another household: moves between households it names, clashes otherwise. */
function resolveMoves(groups: Map<string, Group>, input: PlanInput) {
  for (const group of groups.values()) {
    for (const line of group.lines) {
      if (line.stored) continue;
      const holder = input.holders.get(line.idNumber);
      if (!holder || holder.householdNumber === group.householdNumber) continue;
      const status = line.row.text.memberStatus
        ? readCode("memberStatus", line.row.text.memberStatus)
        : undefined;
      if (status?.ok && status.value !== "active") continue;
      const source = input.existing.get(holder.householdNumber);
      const sourceGroup = groups.get(holder.householdNumber);
      const mover = source?.snapshot.household.members.find((m) => m.id === holder.memberId);
      if (holder.countyCode === input.regions.countyCode && sourceGroup && mover) {
        line.stored = mover;
        sourceGroup.movedOut.add(mover.id);
        group.movedIn.push(mover);
        group.links.add(sourceGroup.householdNumber);
        sourceGroup.links.add(group.householdNumber);
        continue;
      }
      group.problems.push({
        row: line.row.row,
        column: input.layout.headers.idNumber!,
        value: line.row.text.idNumber!,
        reason:
          holder.countyCode === input.regions.countyCode
            ? `该证件号码已是本县另一户（户编号 ${holder.householdNumber}）的在户成员，而本文件没有列出该户；一人只能在一户`
            : "该证件号码已是其他县某户的在户成员；一人只能在一户，请先在原县办理迁出",
      });
    }
  }
}

/** The draft of one group checked, and what writing it would be. */
function planGroup(group: Group, input: PlanInput): PlannedHousehold {
  const existing = input.existing.get(group.householdNumber);
  const built = buildHouseholdDraft({
    householdNumber: group.householdNumber,
    rows: group.rows,
    lines: group.lines,
    existing: existing?.snapshot,
    movedOut: group.movedOut,
    layout: input.layout,
    regions: input.regions,
    today: input.today,
  });
  const problems = [...group.problems, ...built.problems];
  const rowsByNumber = new Map(group.rows.map((r) => [r.row, r]));
  const at = (path: readonly (string | number)[], reason: string) =>
    problemAt(locate(path, input.layout, group.rows, built.memberRows), input.layout, rowsByNumber, reason);
  const draft = built.draft;
  // Stand-ins for unreadable cells were reported already; what the checks say about them is noise.
  // Rows whose person could not be placed leave the member list incomplete: its size and head are unknown.
  if (group.lines.length < group.rows.length) built.unknown.add("members");
  const isKnown = (path: readonly (string | number)[]) =>
    !built.unknown.has(path.slice(0, 3).join(".")) &&
    !(path[0] !== "members" && built.unknown.has(String(path[0]))) &&
    !(path.length === 1 && built.unknown.has(String(path[0])));
  const parsed = householdDraftSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as (string | number)[];
      if (isKnown(path)) problems.push(at(path, schemaReason(issue as never)));
    }
  } else {
    for (const finding of checkHousehold(normaliseMemberIds(draft, input.today), input.today)) {
      if (finding.severity !== "error") continue;
      const path = finding.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      if (isKnown(path)) problems.push(at(path, finding.message));
    }
  }
  for (const code of [draft.regionCode, existing?.snapshot.household.regionCode]) {
    if (code && !input.isInScope(code)) problems.push(at(["regionCode"], "该户不在您的管辖范围内"));
  }
  const planned: PlannedHousehold = {
    householdNumber: group.householdNumber,
    rows: group.rows.map((r) => r.row),
    outcome: "rejected",
    links: [...group.links],
  };
  group.problems = problems;
  if (built.unknown.size > 0 || problems.length > 0) return planned;
  const write = prepareWrite(draft, group, existing, input, at);
  if (!write) return planned;
  if (existing && isSameHousehold(write.snapshot.household, existing.snapshot.household)) {
    return { ...planned, outcome: "unchanged" };
  }
  return { ...planned, outcome: existing ? "update" : "create", write };
}

function prepareWrite(
  draft: HouseholdDraft,
  group: Group,
  existing: ExistingHousehold | undefined,
  input: PlanInput,
  at: (path: readonly (string | number)[], reason: string) => RosterProblem,
): PreparedHousehold | undefined {
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
    const prepared = prepareHousehold(draft, previous, input.today);
    return {
      snapshot: {
        id: existing?.id ?? randomUUID(),
        countyCode: input.regions.countyCode,
        household: prepared.household,
      },
      warnings: prepared.warnings,
      version: existing ? existing.version + 1 : 1,
      reason: importReason(input.fileName),
    };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    for (const detail of error.details ?? [{ path: "householdNumber", message: error.message }]) {
      const path = detail.path.replace(/^body\.household\./, "").split(".");
      group.problems.push(
        at(
          path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
          detail.message,
        ),
      );
    }
    return undefined;
  }
}

/** Households linked by moving members stand or fall together: one rejected rejects the others. */
function rejectLinked(planned: PlannedHousehold[], groups: Map<string, Group>, layout: SheetLayout) {
  const byNumber = new Map(planned.map((p) => [p.householdNumber, p]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const household of planned) {
      if (household.outcome === "rejected") continue;
      const failed = household.links.find((n) => byNumber.get(n)?.outcome === "rejected");
      if (!failed) continue;
      household.outcome = "rejected";
      delete household.write;
      groups.get(household.householdNumber)!.problems.push({
        row: household.rows[0]!,
        column: layout.headers.householdNumber!,
        value: household.householdNumber,
        reason: `本户与户编号 ${failed} 之间有成员迁移，该户有错误不能导入，本户也不能单独导入`,
      });
      changed = true;
    }
  }
}

/** Plans an import: every household's outcome and every problem, row by row. */
export function planRoster(input: PlanInput): RosterPlan {
  const problems: RosterProblem[] = [];
  const groups = groupRows(input.rows, input.layout, problems);
  resolvePeople(groups, input);
  resolveMoves(groups, input);
  const households = [...groups.values()].map((group) => planGroup(group, input));
  rejectLinked(households, groups, input.layout);
  for (const group of groups.values()) problems.push(...group.problems);
  const unique = new Map(problems.map((p) => [`${p.row}\u0000${p.column}\u0000${p.reason}`, p]));
  return {
    households,
    problems: [...unique.values()].sort((a, b) => a.row - b.row),
    rows: input.rows.length,
    warnings: households.reduce((sum, h) => sum + (h.write?.warnings.length ?? 0), 0),
  };
}
