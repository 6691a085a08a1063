import { describe, expect, it } from "vitest";
import {
  checksumOffByOne,
  type FindingCase,
  fullWidth,
  household,
  idFor,
  member,
  TODAY,
  withIncome,
  withMember,
  withMembers,
} from "./household.fixture.js";
import {
  checkHousehold,
  ERROR_CODES,
  FINDING_MESSAGES_EN,
  normaliseMemberIds,
  WARNING_CODES,
} from "./household-checks.js";
import type { HouseholdDraft } from "./household-draft.js";

// The hard errors: a household with any of them is not saved. Warnings: household-warnings.test.ts.

const SEVERITY = "error";
const base = household();

// Li Xiuying (the wife) born 1977-08-19, sequence 148: her check character is X.
const WIFE_ID = "34182319770819148X";
// Zhang Dashan (the head) born 1975-03-02, sequence 123, and the 15-digit number of the same person.
const HEAD_ID = "341823197503021233";
const HEAD_ID_15 = "341823750302123";

const headIsDeadWifeTakesOver = (draft: HouseholdDraft) =>
  withMembers(
    draft,
    [0, { status: "deceased" }],
    [1, { relation: "head", workPlace: "in_county", workMonths: 10 }],
  );
const headedByHeadId = withMember(base, 0, { idNumber: HEAD_ID });
const fiveMembers = (fifth: Parameters<typeof member>[0]) => ({
  ...headedByHeadId,
  members: [...headedByHeadId.members, member({ name: "张大海", status: "moved_out", ...fifth })],
});
const cases: FindingCase[] = [
  {
    code: "id_format",
    path: "members.1.idNumber",
    why: "16 digits is no ID number; full-width digits are",
    fires: withMember(base, 1, { idNumber: "3418231977081914" }),
    quiet: withMember(base, 1, { idNumber: fullWidth(WIFE_ID) }),
  },
  {
    code: "id_checksum",
    path: "members.1.idNumber",
    why: "check character off by one; a lower-case x is fine",
    fires: withMember(base, 1, { idNumber: checksumOffByOne(WIFE_ID) }),
    quiet: withMember(base, 1, { idNumber: WIFE_ID.toLowerCase() }),
  },
  {
    code: "id_birth_date",
    path: "members.1.idNumber",
    why: "29 February 1977 does not exist; 29 February 1976 does",
    fires: withMember(base, 1, { birthDate: "1977-02-29" }),
    quiet: withMember(base, 1, { birthDate: "1976-02-29" }),
  },
  {
    code: "id_sex_mismatch",
    path: "members.1.sex",
    why: "a woman's ID for a man; a woman's legacy 15-digit ID for a woman",
    fires: withMember(base, 1, { sex: "male" }),
    quiet: withMember(base, 1, { idNumber: "341823770819148" }),
  },
  {
    code: "id_duplicate",
    path: "members.4.idNumber",
    why: "a moved-out entry with the head's legacy number; a twin brother with his own",
    fires: fiveMembers({ name: "张大山", idNumber: HEAD_ID_15 }),
    quiet: fiveMembers({ birthDate: "1975-03-02" }),
  },
  {
    code: "no_active_member",
    path: "members",
    why: "everybody moved out; only the head still lives there",
    fires: withMembers(
      base,
      ...[0, 1, 2, 3].map((i): [number, { status: "moved_out" }] => [i, { status: "moved_out" }]),
    ),
    quiet: withMembers(
      base,
      ...[1, 2, 3].map((i): [number, { status: "moved_out" }] => [i, { status: "moved_out" }]),
    ),
  },
  {
    code: "head_missing",
    path: "members",
    why: "nobody is head; husband and wife swapped roles",
    fires: withMember(base, 0, { relation: "other" }),
    quiet: withMembers(base, [0, { relation: "spouse" }], [1, { relation: "head" }]),
  },
  {
    code: "head_multiple",
    path: "members",
    why: "the wife is also head; a former head who moved out",
    fires: withMember(base, 1, { relation: "head" }),
    quiet: withMember(base, 1, { relation: "head", status: "moved_out" }),
  },
  {
    code: "head_inactive",
    path: "members.0.status",
    why: "the head died and nobody took over; the wife took over",
    fires: withMember(base, 0, { status: "deceased" }),
    quiet: headIsDeadWifeTakesOver(base),
  },
  {
    code: "phone_format",
    path: "members.1.phone",
    why: "a 6-digit local number; a landline without hyphen",
    fires: withMember(base, 1, { phone: "0563-502123" }),
    quiet: withMember(base, 1, { phone: "05635021234" }),
  },
  {
    code: "phone_format",
    path: "phone",
    why: "a mobile starting 12; a Beijing landline",
    fires: household({ phone: "12955501234" }),
    quiet: household({ phone: "010-12345678" }),
  },
  {
    code: "transfer_sum_mismatch",
    path: "income.transfer",
    why: "two cents apart; one cent apart",
    fires: withIncome(base, { transfer: 3000.02 }),
    quiet: withIncome(base, { transfer: 3000.01 }),
  },
  {
    code: "work_months_range",
    path: "members.0.workMonths",
    why: "13 months; 12 months",
    fires: withMember(base, 0, { workMonths: 13 }),
    quiet: withMember(base, 0, { workMonths: 12 }),
  },
  {
    code: "disability_grade_missing",
    path: "members.3.disabilityGrade",
    why: "disabled without a grade; with grade 3",
    fires: withMember(base, 3, { health: "disabled" }),
    quiet: withMember(base, 3, { health: "disabled", disabilityGrade: "grade3" }),
  },
  {
    code: "disability_grade_unexpected",
    path: "members.3.disabilityGrade",
    why: "chronically ill with a grade; the same on a deceased member",
    fires: withMember(base, 3, { disabilityGrade: "grade4" }),
    quiet: withMember(base, 3, { disabilityGrade: "grade4", status: "deceased" }),
  },
  {
    code: "lifted_year_missing",
    path: "liftedYear",
    why: "lifted without a year; returned to poverty without one",
    fires: household({ liftedYear: null }),
    quiet: household({ status: "returned", liftedYear: null }),
  },
  {
    code: "lifted_year_future",
    path: "liftedYear",
    why: "lifted next year; lifted this year",
    fires: household({ liftedYear: 2021 }),
    quiet: household({ liftedYear: 2020 }),
  },
  {
    code: "lifted_year_unexpected",
    path: "liftedYear",
    why: "not lifted with a year; not lifted without one",
    fires: household({ status: "not_lifted", liftedYear: 2019 }),
    quiet: household({ status: "not_lifted", liftedYear: null }),
  },
  {
    code: "cause_repeated",
    path: "secondaryCauses",
    why: "illness as main and secondary cause; two different secondary causes",
    fires: household({ secondaryCauses: ["lack_skills", "illness"] }),
    quiet: household({ secondaryCauses: ["lack_skills", "disability"] }),
  },
];

describe("checkHousehold errors", () => {
  it("finds nothing in a plausible four-person household", () => {
    expect(checkHousehold(base, TODAY)).toEqual([]);
  });

  it("has a firing and a quiet case for every error code", () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(ERROR_CODES));
  });

  it.each(cases)("$code fires: $why", ({ code, path, fires }) => {
    const found = checkHousehold(fires, TODAY);
    expect(found).toContainEqual(expect.objectContaining({ code, path, severity: SEVERITY }));
    expect(found.find((f) => f.code === code)!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each(cases)("$code stays quiet: $why", ({ quiet }) => {
    expect(checkHousehold(quiet, TODAY)).toEqual([]);
  });

  it("still validates the ID numbers of moved-out and deceased members", () => {
    const moved = withMember(base, 3, {
      idNumber: checksumOffByOne(idFor("1948-01-10", "female")),
      status: "deceased",
    });
    expect(checkHousehold(moved, TODAY)).toEqual([
      expect.objectContaining({ path: "members.3.idNumber", code: "id_checksum", severity: "error" }),
    ]);
  });

  it("skips the other checks of inactive members", () => {
    const gone = withMember(base, 2, {
      status: "moved_out",
      schoolingStatus: "dropped_out",
      labourAbility: "lost",
      workPlace: "in_county",
      workMonths: 20,
      phone: "12345",
      health: "disabled",
      hasBasicMedicalInsurance: false,
    });
    expect(checkHousehold(gone, TODAY)).toEqual([]);
  });

  it("names values in its messages", () => {
    const [checksum] = checkHousehold(withMember(base, 1, { idNumber: checksumOffByOne(WIFE_ID) }), TODAY);
    expect(checksum!.message).toBe("李秀英（第2位成员）的证件号码校验位错误：应为 X，录入的是 0");
    const [transfer] = checkHousehold(withIncome(base, { transfer: 3100 }), TODAY);
    expect(transfer!.message).toContain("3100.00");
    expect(transfer!.message).toContain("3000.00");
    const [heads] = checkHousehold(withMember(base, 1, { relation: "head" }), TODAY);
    expect(heads!.message).toContain("张大山、李秀英");
  });

  it("reports a secondary cause listed twice, apart from one repeating the main cause", () => {
    const [finding] = checkHousehold(
      household({ secondaryCauses: ["illness", "lack_skills", "lack_skills"] }),
      TODAY,
    );
    expect(finding).toMatchObject({ code: "cause_repeated", path: "secondaryCauses" });
    expect(finding!.message).toBe("主要致贫原因“因病”又列为次要致贫原因；次要致贫原因重复填写：缺技术");
  });

  it("adds transfer parts in cents, so float sums do not count as a mismatch", () => {
    const parts = withIncome(base, {
      pension: 1799.9,
      ecoCompensation: 200.1,
      otherTransfer: 1000,
      transfer: 3000,
    });
    expect(checkHousehold(parts, TODAY)).toEqual([]);
  });
});

describe("ID number edge cases", () => {
  const idFindings = (idNumber: string) =>
    checkHousehold(withMember(base, 1, { idNumber }), TODAY).filter((f) => f.path.startsWith("members.1."));

  it("accepts a lower-case x, a legacy 15-digit number and full-width digits", () => {
    expect(idFindings(WIFE_ID.toLowerCase())).toEqual([]);
    expect(idFindings("341823770819148")).toEqual([]);
    expect(idFindings(fullWidth(WIFE_ID))).toEqual([]);
    expect(idFindings(` ${WIFE_ID.slice(0, 6)} ${WIFE_ID.slice(6)}`)).toEqual([]);
  });

  it("accepts 29 February in a leap year and rejects it otherwise", () => {
    expect(idFindings(idFor("2000-02-29", "female"))).toEqual([]);
    const [finding] = idFindings(idFor("1900-02-29", "female"));
    expect(finding).toMatchObject({
      code: "id_birth_date",
      message: expect.stringContaining("1900-02-29 不存在"),
    });
  });

  it("rejects a birth date after today", () => {
    const [finding] = idFindings(idFor("2020-07-01", "female"));
    expect(finding).toMatchObject({
      code: "id_birth_date",
      message: expect.stringContaining("2020-07-01 晚于今天"),
    });
    expect(idFindings(idFor("2020-06-30", "female")).map((f) => f.code)).not.toContain("id_birth_date");
  });

  it("names the right check character when it is off by one", () => {
    const id = idFor("1977-08-19", "female");
    const [finding] = idFindings(checksumOffByOne(id));
    expect(finding).toMatchObject({
      code: "id_checksum",
      message: expect.stringContaining(`应为 ${id[17]}`),
    });
  });
});

describe("normaliseMemberIds", () => {
  it("stores every parseable ID in its 18-character upper-case form and leaves the rest", () => {
    const draft = withMembers(
      base,
      [0, { idNumber: HEAD_ID_15 }],
      [1, { idNumber: fullWidth(WIFE_ID.toLowerCase()) }],
      [2, { idNumber: "not an id" }],
    );
    const normalised = normaliseMemberIds(draft, TODAY);
    expect(normalised.members.map((m) => m.idNumber)).toEqual([
      HEAD_ID,
      WIFE_ID,
      "not an id",
      base.members[3]!.idNumber,
    ]);
    expect(draft.members[0]!.idNumber).toBe(HEAD_ID_15);
    expect(normalised.members[3]).toBe(draft.members[3]);
  });
});

describe("FINDING_MESSAGES_EN", () => {
  it("has an English sentence for every code, and no code is both error and warning", () => {
    for (const code of [...ERROR_CODES, ...WARNING_CODES])
      expect(FINDING_MESSAGES_EN[code]).toMatch(/^[A-Z].+\.$/);
    expect(ERROR_CODES.filter((code) => (WARNING_CODES as readonly string[]).includes(code))).toEqual([]);
  });
});
