import type { HouseholdDraft, IncomeDraft, MemberDraft } from "../../../shared/household-draft.js";
import { perCapitaNetIncome } from "../../../shared/household-income.js";
import { maskPhone } from "../../../shared/id-number.js";
import type { RosterColumnKey } from "../../../shared/roster/roster-columns.js";
import {
  type Read,
  readCauses,
  readCode,
  readNumber,
  readPovertyStatus,
  readWholeNumber,
  readYear,
  readYesNo,
} from "../../../shared/roster/roster-values.js";
import type { HouseholdSnapshot } from "../households/household-present.js";
import { GroupCells, text } from "./roster-cells.js";
import { type MemberLine, memberOf } from "./roster-member-draft.js";
import type { RegionIndex } from "./roster-regions.js";
import type { RosterProblem, RosterRow, RosterTable } from "./roster-sheet.js";

export type { MemberLine } from "./roster-member-draft.js";

// One household's rows turned into a HouseholdDraft, merged with what is stored. The file is the
// source of what it says; what it does not say (an absent column, an empty cell) keeps the stored
// value, or takes a documented default for a new household. An empty cell never erases data.

export interface DraftInput {
  householdNumber: string;
  /** The household's rows: its household-sheet row first, when there is one, then its person rows. */
  rows: readonly RosterRow[];
  lines: readonly MemberLine[];
  existing: HouseholdSnapshot | undefined;
  /** Stored members of this household that the file places in another household. */
  movedOut: ReadonlySet<string>;
  /** The import's sheets (a person sheet, and a household sheet when there is one). */
  tables: readonly RosterTable[];
  regions: RegionIndex;
  today: Date;
}

export interface BuiltDraft {
  /** Complete only when `unknown` is empty; otherwise good for checking the rest, never for writing. */
  draft: HouseholdDraft;
  /**
   * Draft paths holding stand-ins for what could not be read (members.1.relation, status; "members"
   * when a relation is unknown): findings there would only repeat the problem already reported.
   */
  unknown: Set<string>;
  /** The file row of each draft member (null: kept from the database, not in the file). */
  memberRows: (RosterRow | null)[];
  problems: RosterProblem[];
}

const INCOME_PARTS = [
  "wage",
  "business",
  "property",
  "transfer",
  "pension",
  "dibao",
  "tekun",
  "ecoCompensation",
  "otherTransfer",
  "businessCosts",
] as const satisfies readonly (keyof IncomeDraft & RosterColumnKey)[];

const toCents = (yuan: number) => Math.round(yuan * 100);

function regionOf(cells: GroupCells, regions: RegionIndex) {
  const county = cells.shared("county", text);
  if (county !== undefined && !regions.isThisCounty(county)) {
    cells.report(
      cells.rowOf("county").row,
      "county",
      county,
      `不是本次导入的县（${regions.countyName}）`,
      "roster_county_mismatch",
    );
  }
  const townshipName = cells.shared("township", text);
  const villageName = cells.shared("village", text);
  const groupName = cells.shared("group", text);
  if (villageName === undefined) return undefined;
  let township: { code: string; name: string } | undefined;
  if (townshipName !== undefined) {
    const match = regions.township(townshipName);
    if (!match.ok) {
      cells.report(
        cells.rowOf("township").row,
        "township",
        townshipName,
        match.reason,
        "roster_region_unknown",
      );
      return undefined;
    }
    township = match;
  }
  const village = regions.village(villageName, township);
  if (!village.ok) {
    cells.report(cells.rowOf("village").row, "village", villageName, village.reason, "roster_region_unknown");
    return undefined;
  }
  // A natural village not registered as a group stays part of the village's address only.
  const group = groupName !== undefined ? regions.group(groupName, village) : undefined;
  const code = group?.ok ? group.code : village.code;
  return { code, address: `${township?.name ?? ""}${village.name}${groupName ?? ""}` };
}

function incomeOf(cells: GroupCells, existing: IncomeDraft | undefined, activeCount: number, today: Date) {
  const year = cells.shared("incomeYear", readYear) ?? existing?.year ?? today.getUTCFullYear() - 1;
  const base: IncomeDraft = existing
    ? { ...existing, year }
    : {
        year,
        wage: 0,
        business: 0,
        property: 0,
        transfer: 0,
        pension: 0,
        dibao: 0,
        tekun: 0,
        ecoCompensation: 0,
        otherTransfer: 0,
        businessCosts: 0,
      };
  const parts = Object.fromEntries(
    INCOME_PARTS.map((part) => [part, cells.shared(part, readNumber)] as const).filter(
      ([, v]) => v !== undefined,
    ),
  ) as Partial<Record<(typeof INCOME_PARTS)[number], number>>;
  if (Object.keys(parts).length > 0) {
    const income = { ...base, ...parts };
    const transferParts = ["pension", "dibao", "tekun", "ecoCompensation", "otherTransfer"] as const;
    if (parts.transfer === undefined) {
      income.transfer = transferParts.reduce((sum, p) => sum + toCents(income[p]), 0) / 100;
    } else if (transferParts.every((p) => parts[p] === undefined)) {
      const known = ["pension", "dibao", "tekun", "ecoCompensation"] as const;
      income.otherTransfer =
        (toCents(parts.transfer) - known.reduce((s, p) => s + toCents(income[p]), 0)) / 100;
    }
    return income;
  }
  const perCapita = cells.shared("perCapitaIncome", readNumber);
  if (perCapita === undefined) return base;
  if (existing && perCapitaNetIncome(base, activeCount) === perCapita) return base;
  const totalCents = toCents(perCapita) * activeCount;
  const total = totalCents / 100;
  return {
    ...base,
    wage: 0,
    business: 0,
    property: 0,
    pension: 0,
    dibao: 0,
    tekun: 0,
    ecoCompensation: 0,
    transfer: Math.max(total, 0),
    otherTransfer: Math.max(total, 0),
    businessCosts: Math.max(-total, 0),
  };
}

function dangerousHouseOf(cells: GroupCells, stored: HouseholdDraft["dangerousHouseGrade"] | undefined) {
  const grade = cells.shared("dangerousHouseGrade", (t) => readCode("houseGrade", t));
  if (grade !== undefined) return grade;
  const cell = cells.shared(
    "isDangerousHouse",
    (t): Read<HouseholdDraft["dangerousHouseGrade"] | boolean> => {
      const code = readCode("houseGrade", t);
      if (code.ok) return code;
      const yes = readYesNo(t);
      return yes.ok ? yes : code;
    },
  );
  if (cell === undefined || typeof cell === "string") return cell ?? stored ?? "none";
  const isDangerous = (g: string | undefined) => g === "c" || g === "d";
  if (cell === isDangerous(stored)) return stored!;
  if (!cell) return "none";
  const at = cells.rowOf("isDangerousHouse");
  cells.report(
    at.row,
    "isDangerousHouse",
    at.text,
    "危房户为“是”时须写明危房等级（C级或D级），可填在“危房等级”列",
    "roster_dangerous_house_grade_missing",
  );
  return undefined;
}

type HouseholdFields = Omit<HouseholdDraft, "members" | "income" | "regionCode">;

function householdFieldsOf(
  cells: GroupCells,
  householdNumber: string,
  stored: HouseholdSnapshot["household"] | undefined,
  address: string | undefined,
): HouseholdFields {
  const required = <T>(key: RosterColumnKey, value: T | undefined, standIn: T): T => {
    if (value !== undefined) return value;
    cells.unknown.add(key);
    if (!cells.problems.some((p) => p.column === cells.column(key))) {
      cells.report(
        cells.firstRow(),
        key,
        "",
        `新建户须填写“${cells.column(key)}”`,
        "roster_household_field_required",
      );
    }
    return standIn;
  };
  const statusCell = cells.shared("status", readPovertyStatus);
  const status = required("status", statusCell?.status ?? stored?.status, "not_lifted");
  const liftedYear =
    cells.shared("liftedYear", readYear) ??
    statusCell?.liftedYear ??
    (status !== "not_lifted" ? (stored?.liftedYear ?? null) : null);
  const povertyAttribute = required(
    "povertyAttribute",
    cells.shared("povertyAttribute", (t) => readCode("povertyAttribute", t)) ?? stored?.povertyAttribute,
    "general",
  );
  const mainCause = required(
    "mainCause",
    cells.shared("mainCause", (t) => readCode("cause", t)) ?? stored?.mainCause,
    "other",
  );
  const dangerousHouseGrade = dangerousHouseOf(cells, stored?.dangerousHouseGrade);
  const phoneCell = cells.shared("phone", text);
  const phone =
    phoneCell === undefined || (stored?.phone && phoneCell === maskPhone(stored.phone))
      ? (stored?.phone ?? null)
      : phoneCell;
  const area = (key: "cultivatedLandMu" | "forestLandMu" | "houseAreaM2") =>
    cells.shared(key, readNumber) ?? stored?.[key] ?? 0;
  if (!dangerousHouseGrade) cells.unknown.add("dangerousHouseGrade");
  return {
    householdNumber,
    address: cells.shared("address", text) ?? stored?.address ?? address ?? "",
    phone,
    bankAccount: stored?.bankAccount ?? null,
    povertyAttribute,
    identificationStandard:
      cells.shared("identificationStandard", (t) => readCode("identificationStandard", t)) ??
      stored?.identificationStandard ??
      "national",
    mainCause,
    secondaryCauses: cells.shared("secondaryCauses", readCauses) ?? stored?.secondaryCauses ?? [],
    status,
    liftedYear,
    cultivatedLandMu: area("cultivatedLandMu"),
    forestLandMu: area("forestLandMu"),
    houseAreaM2: area("houseAreaM2"),
    dangerousHouseGrade: dangerousHouseGrade ?? "none",
    hasElectricity: stored?.hasElectricity ?? true,
    isDrinkingWaterSafe:
      cells.shared("isDrinkingWaterSafe", readYesNo) ?? stored?.isDrinkingWaterSafe ?? true,
    hasWaterDifficulty: cells.shared("hasWaterDifficulty", readYesNo) ?? stored?.hasWaterDifficulty ?? false,
    hasRoadToHouse: stored?.hasRoadToHouse ?? true,
    hasSanitaryToilet: stored?.hasSanitaryToilet ?? false,
    fuel: stored?.fuel ?? "firewood",
    isCooperativeMember: stored?.isCooperativeMember ?? false,
  };
}

/** Checks that need the whole household: 人数 and 户主姓名 against the members. */
function consistencyProblems(cells: GroupCells, members: readonly MemberDraft[]) {
  const active = members.filter((m) => m.status === "active");
  const count = cells.shared("memberCount", (t) => readWholeNumber(t, 1, 99));
  if (count !== undefined && count !== active.length) {
    const at = cells.rowOf("memberCount");
    cells.report(
      at.row,
      "memberCount",
      at.text,
      `人数为${count}，但本户在户成员有${active.length}人`,
      "roster_member_count_mismatch",
    );
  }
  const headName = cells.shared("headName", text);
  const head = active.find((m) => m.relation === "head");
  if (headName !== undefined && head && head.name !== headName) {
    const at = cells.rowOf("headName");
    cells.report(
      at.row,
      "headName",
      at.text,
      `户主姓名与登记为户主的成员“${head.name}”不一致`,
      "roster_head_name_mismatch",
    );
  }
}

/** Builds one household's draft from its rows and the stored household, reporting every problem found. */
export function buildHouseholdDraft(input: DraftInput): BuiltDraft {
  const cells = new GroupCells(input.tables, input.rows);
  const stored = input.existing?.household;
  const region = regionOf(cells, input.regions);
  const regionCode = region?.code ?? stored?.regionCode;
  if (regionCode === undefined) {
    cells.unknown.add("regionCode");
    if (!cells.problems.some((p) => p.column === cells.column("village"))) {
      cells.report(cells.firstRow(), "village", "", "新建户须填写“行政村”", "roster_village_required");
    }
  }
  const fields = householdFieldsOf(cells, input.householdNumber, stored, region?.address);
  const fromFile = input.lines.map((line) => memberOf(cells, line, fields.phone, input.today));
  const unknown = new Set([...cells.unknown].map((key) => (key === "village" ? "regionCode" : key)));
  if (unknown.has("status")) unknown.add("liftedYear");
  // Stored members keep their order; members new to the household follow in file order.
  const members: MemberDraft[] = [];
  const memberRows: (RosterRow | null)[] = [];
  const add = (member: MemberDraft, row: RosterRow | null, unknownFields: readonly string[] = []) => {
    for (const field of unknownFields) unknown.add(`members.${members.length}.${field}`);
    if (unknownFields.includes("relation")) unknown.add("members");
    members.push(member);
    memberRows.push(row);
  };
  for (const storedMember of stored?.members ?? []) {
    if (input.movedOut.has(storedMember.id)) continue;
    const i = input.lines.findIndex((l) => l.stored?.id === storedMember.id);
    if (i >= 0) add(fromFile[i]!.member, input.lines[i]!.row, fromFile[i]!.unknown);
    else {
      const { birthDate: _b, version: _v, ...member } = storedMember;
      add(member, null);
    }
  }
  input.lines.forEach((line, i) => {
    if (line.stored && stored?.members.some((m) => m.id === line.stored!.id)) return;
    add(fromFile[i]!.member, line.row, fromFile[i]!.unknown);
  });
  // A household with no person rows (a household-sheet row alone) is reported as such, once.
  if (input.lines.length > 0) consistencyProblems(cells, members);
  const activeCount = members.filter((m) => m.status === "active").length;
  const income = incomeOf(cells, stored?.income, activeCount, input.today);
  return {
    draft: { ...fields, regionCode: regionCode ?? "", members, income },
    unknown,
    memberRows,
    problems: cells.problems,
  };
}
