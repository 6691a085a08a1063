import { POVERTY_CAUSES } from "./household-codes.js";
import type { HouseholdDraft, MemberDraft } from "./household-draft.js";
import { type Finding, memberLabel, yuan } from "./household-findings.js";
import { transferPartsTotal } from "./household-income.js";
import { householdWarnings } from "./household-warnings.js";
import { idNumberChecksum, parseIdNumber } from "./id-number.js";

// The registry's rules for a household as entered. Errors stop a save; warnings are the soft
// data-quality findings counties list for clerks (household-warnings.ts). Every finding names
// the field and the value so that a clerk can fix it without guessing.

export {
  ERROR_CODES,
  type ErrorCode,
  FINDING_MESSAGES_EN,
  type Finding,
  type FindingCode,
  WARNING_CODES,
  type WarningCode,
} from "./household-findings.js";

const MOBILE = /^1[3-9]\d{9}$/;
// 0 + a 2- or 3-digit area code (010, 0563), an optional hyphen, a 7- or 8-digit local number.
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** The same clean-up parseIdNumber does, to quote the digits a failed ID number was read as. */
function idDigits(text: string): string {
  return text
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (char) =>
      String.fromCharCode(char.charCodeAt(0) - 0xfee0),
    )
    .replace(/[\s\u3000]/g, "")
    .toUpperCase();
}

/** The draft with every parseable member ID number in its 18-character upper-case form (15-digit ones converted). */
export function normaliseMemberIds(draft: HouseholdDraft, today: Date): HouseholdDraft {
  return {
    ...draft,
    members: draft.members.map((member) => {
      const parsed = parseIdNumber(member.idNumber, today);
      return parsed.ok && parsed.idNumber !== member.idNumber
        ? { ...member, idNumber: parsed.idNumber }
        : member;
    }),
  };
}

function error(path: string, code: Finding["code"], message: string): Finding {
  return { path, code, severity: "error", message };
}

function birthDateMessage(digits: string, today: Date): string {
  const ymd = digits.length === 15 ? `19${digits.slice(6, 12)}` : digits.slice(6, 14);
  const [year, month, day] = [Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8))];
  const shown = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (year < 1900) return `证件号码中的出生日期 ${shown} 早于1900年`;
  if (real && date > today) return `证件号码中的出生日期 ${shown} 晚于今天`;
  return `证件号码中的出生日期 ${shown} 不存在`;
}

/** ID number format, checksum, birth date, sex and duplicates; inactive members' IDs are checked too. */
function idNumberErrors(members: readonly MemberDraft[], today: Date): Finding[] {
  const findings: Finding[] = [];
  const firstIndexById = new Map<string, number>();
  members.forEach((member, i) => {
    const path = `members.${i}.idNumber`;
    const who = memberLabel(member, i);
    const parsed = parseIdNumber(member.idNumber, today);
    if (!parsed.ok) {
      const digits = idDigits(member.idNumber);
      if (parsed.reason === "format") {
        findings.push(
          error(path, "id_format", `${who}的证件号码“${member.idNumber}”不是18位或15位身份证号码`),
        );
      } else if (parsed.reason === "checksum") {
        const expected = idNumberChecksum(digits.slice(0, 17));
        findings.push(
          error(path, "id_checksum", `${who}的证件号码校验位错误：应为 ${expected}，录入的是 ${digits[17]}`),
        );
      } else {
        findings.push(error(path, "id_birth_date", `${who}的${birthDateMessage(digits, today)}`));
      }
      return;
    }
    if (parsed.sex !== member.sex) {
      const idSex = parsed.sex === "male" ? "男" : "女";
      findings.push(
        error(`members.${i}.sex`, "id_sex_mismatch", `${who}的性别与证件号码不符：证件号码显示为${idSex}性`),
      );
    }
    const first = firstIndexById.get(parsed.idNumber);
    if (first === undefined) {
      firstIndexById.set(parsed.idNumber, i);
    } else {
      const other = memberLabel(members[first]!, first);
      findings.push(error(path, "id_duplicate", `${who}的证件号码 ${parsed.idNumber} 与${other}相同`));
    }
  });
  return findings;
}

/** Exactly one active head; a household nobody lives in is reported once, not also as headless. */
function headErrors(members: readonly MemberDraft[]): Finding[] {
  const active = members.filter((m) => m.status === "active");
  if (active.length === 0) return [error("members", "no_active_member", "本户没有在户成员")];
  const heads = active.filter((m) => m.relation === "head");
  if (heads.length > 1) {
    const names = heads.map((m) => m.name).join("、");
    return [
      error(
        "members",
        "head_multiple",
        `本户有${heads.length}位在户成员登记为户主：${names}；户主只能有一位`,
      ),
    ];
  }
  if (heads.length === 1) return [];
  // A head who moved out or died may keep the relation "head" once another member is head; only
  // when nobody else is head does it need saying, and then on that member's status.
  const formerHeads = members.flatMap((m, i) => (m.relation === "head" ? [i] : []));
  if (formerHeads.length === 0) return [error("members", "head_missing", "本户没有在户成员登记为户主")];
  return formerHeads.map((i) => {
    const member = members[i]!;
    const state = member.status === "deceased" ? "已死亡" : "已迁出";
    return error(
      `members.${i}.status`,
      "head_inactive",
      `户主${memberLabel(member, i)}${state}；请将另一位在户成员登记为户主`,
    );
  });
}

function phoneError(path: string, phone: string | null, owner: string): Finding[] {
  // An empty phone is no phone: forms send "" for a field left blank.
  if (phone === null || phone === "" || MOBILE.test(phone) || LANDLINE.test(phone)) return [];
  return [error(path, "phone_format", `${owner}的联系电话“${phone}”既不是11位手机号码，也不是固定电话号码`)];
}

/** Work months, disability grade and phone of members who live in the household. */
function activeMemberErrors(members: readonly MemberDraft[]): Finding[] {
  const findings: Finding[] = [];
  members.forEach((member, i) => {
    if (member.status !== "active") return;
    const who = memberLabel(member, i);
    findings.push(...phoneError(`members.${i}.phone`, member.phone, who));
    if (member.workMonths < 0 || member.workMonths > 12) {
      findings.push(
        error(
          `members.${i}.workMonths`,
          "work_months_range",
          `${who}的务工时间 ${member.workMonths} 个月不在0–12之间`,
        ),
      );
    }
    if (member.health === "disabled" && member.disabilityGrade === null) {
      findings.push(
        error(`members.${i}.disabilityGrade`, "disability_grade_missing", `${who}为残疾，须填写残疾等级`),
      );
    } else if (member.health !== "disabled" && member.disabilityGrade !== null) {
      findings.push(
        error(
          `members.${i}.disabilityGrade`,
          "disability_grade_unexpected",
          `${who}的健康状况不是残疾，却填写了残疾等级`,
        ),
      );
    }
  });
  return findings;
}

function transferErrors(draft: HouseholdDraft): Finding[] {
  const parts = transferPartsTotal(draft.income);
  const apartCents = Math.abs(Math.round(draft.income.transfer * 100) - Math.round(parts * 100));
  if (apartCents <= 1) return [];
  return [
    error(
      "income.transfer",
      "transfer_sum_mismatch",
      `转移性收入 ${yuan(draft.income.transfer)} 元与其分项（养老金、低保金、特困供养金、生态补偿金、其他转移性收入）合计 ${yuan(parts)} 元不符`,
    ),
  ];
}

function liftedYearErrors(draft: HouseholdDraft, today: Date): Finding[] {
  const year = draft.liftedYear;
  if (draft.status === "lifted") {
    if (year === null) return [error("liftedYear", "lifted_year_missing", "已脱贫户须填写脱贫年度")];
    if (year > today.getUTCFullYear()) {
      return [
        error("liftedYear", "lifted_year_future", `脱贫年度 ${year} 晚于今年（${today.getUTCFullYear()}）`),
      ];
    }
  }
  if (draft.status === "not_lifted" && year !== null) {
    return [error("liftedYear", "lifted_year_unexpected", `未脱贫户不应有脱贫年度（填写的是 ${year}）`)];
  }
  return [];
}

function causeErrors(draft: HouseholdDraft): Finding[] {
  const seen = new Set([draft.mainCause]);
  const repeated = new Set<HouseholdDraft["mainCause"]>();
  for (const cause of draft.secondaryCauses) {
    if (seen.has(cause)) repeated.add(cause);
    seen.add(cause);
  }
  if (repeated.size === 0) return [];
  const parts: string[] = [];
  if (repeated.has(draft.mainCause)) {
    parts.push(`主要致贫原因“${POVERTY_CAUSES[draft.mainCause].zh}”又列为次要致贫原因`);
  }
  const twice = [...repeated].filter((cause) => cause !== draft.mainCause);
  if (twice.length > 0) {
    parts.push(`次要致贫原因重复填写：${twice.map((cause) => POVERTY_CAUSES[cause].zh).join("、")}`);
  }
  return [error("secondaryCauses", "cause_repeated", parts.join("；"))];
}

/** Every error and data-quality warning of a household draft at `today`; any error means it must not be saved. */
export function checkHousehold(draft: HouseholdDraft, today: Date): Finding[] {
  return [
    ...idNumberErrors(draft.members, today),
    ...headErrors(draft.members),
    ...phoneError("phone", draft.phone, "本户"),
    ...activeMemberErrors(draft.members),
    ...transferErrors(draft),
    ...liftedYearErrors(draft, today),
    ...causeErrors(draft),
    ...householdWarnings(draft, today),
  ];
}
