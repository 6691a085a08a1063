// Kinds of roster import problems, so that a problem found in Chinese (as the clerk's error report
// keeps it) can be worded in English too, as precisely: each code's English names the column and
// the value, and takes the few figures the Chinese reason carries (a row number, a range, the
// accepted labels) from it. Problems raised by the registry's household checks carry the checks'
// own codes instead (household-findings.ts).

/** A problem as the import page lists it. */
export interface RosterProblemText {
  code?: string | undefined;
  column: string;
  value: string;
  /** The Chinese reason. */
  reason: string;
}

type Wording = (problem: RosterProblemText, figures: Figures) => string;

/** What the Chinese reasons carry beyond the column and the value. */
interface Figures {
  /** The first “…” quoted text after the value's own, in order. */
  quoted: string[];
  /** Every number in the reason, in order. */
  numbers: string[];
  /** The list after 可填：, when there is one. */
  accepted: string | undefined;
}

const q = (text: string) => `“${text}”`;

/** English wording of each roster problem code. */
const WORDINGS = {
  roster_cell_error: ({ column, value }) =>
    `The cell in column ${q(column)} holds the error value ${value || "#N/A"} (a broken formula): enter the actual value.`,
  roster_digits_lost: ({ column, value }) =>
    `Excel stored ${q(column)}${value ? ` (${value})` : ""} as a number (or in scientific notation) and kept only 15 significant digits: format the column as text and enter the number again.`,
  roster_cell_too_long: ({ column }, { numbers }) =>
    `The cell in column ${q(column)} is too long${numbers[0] ? ` (${numbers[0]} characters)` : ""}: at most ${numbers[1] ?? "500"} characters.`,
  roster_value_unreadable: ({ column, value }) =>
    `${q(value)} in column ${q(column)} cannot be read (not a recognised value, number, date or year).`,
  roster_value_not_listed: ({ column, value }, { accepted }) =>
    `${q(value)} is not a recognised value for ${q(column)}${accepted ? `; accepted: ${accepted}` : ""}.`,
  roster_value_not_yes_no: ({ column, value }) =>
    `${q(value)} in column ${q(column)} is neither yes (是) nor no (否).`,
  roster_value_not_number: ({ column, value }) => `${q(value)} in column ${q(column)} is not a number.`,
  roster_value_not_whole_number: ({ column, value }) =>
    `${q(value)} in column ${q(column)} is not a whole number.`,
  roster_value_out_of_range: ({ column, value }, { numbers }) =>
    `${q(value)} in column ${q(column)} is outside the allowed range${numbers.length >= 3 ? ` ${numbers[1]}–${numbers[2]}` : ""}.`,
  roster_value_not_year: ({ column, value }) => `${q(value)} in column ${q(column)} is not a year.`,
  roster_year_out_of_range: ({ column, value }, { numbers }) =>
    `The year ${numbers[0] ?? value} in column ${q(column)} is not between ${numbers[1] ?? "2000"} and ${numbers[2] ?? "2100"}.`,
  roster_value_not_date: ({ column, value }) => `${q(value)} in column ${q(column)} is not a date.`,
  roster_date_not_exist: ({ column, value }) =>
    `The date ${q(value)} in column ${q(column)} does not exist in the calendar.`,
  roster_value_not_sex: ({ column, value }) =>
    `${q(value)} in column ${q(column)} is neither male (男) nor female (女).`,
  roster_value_invalid: ({ column, value, reason }, { numbers }) =>
    /最多/.test(reason)
      ? `${q(value)} in column ${q(column)} is above the allowed maximum${numbers[0] ? ` (${numbers[0]})` : ""}.`
      : /至少/.test(reason)
        ? `${q(value)} in column ${q(column)} is below the allowed minimum${numbers[0] ? ` (${numbers[0]})` : ""}.`
        : `${q(value)} in column ${q(column)} is in the wrong format or out of the allowed range.`,
  roster_id_empty: ({ column }) => `The ID number (${q(column)}) is empty.`,
  roster_id_masked_unmatched: ({ value }) =>
    `The ID number ${q(value)} is masked (with *) and matches no member registered in this household: enter the full number.`,
  roster_id_repeated: ({ value }, { numbers }) =>
    `The ID number ${q(value)} is the same as on row ${numbers[0] ?? "?"}: a person may appear only once in a file.`,
  roster_id_active_elsewhere: ({ value, reason }, { numbers }) =>
    /其他县/.test(reason)
      ? `The person with ID number ${q(value)} is an active member of a household in another county: a person belongs to one household only; move them out there first.`
      : `The person with ID number ${q(value)} is an active member of another household of this county${numbers[0] ? ` (household number ${numbers[0]})` : ""} that the file does not list: a person belongs to one household only.`,
  roster_household_number_empty: ({ column }) => `The household number (${q(column)}) is empty.`,
  roster_household_row_repeated: ({ value }, { numbers }) =>
    `Household ${q(value)} is on row ${numbers.at(-1) ?? "?"} of the household sheet already: one row per household.`,
  roster_household_without_members: ({ value }, { quoted }) =>
    `The household sheet lists household ${q(value)}, but the person sheet${quoted[0] ? ` (${q(quoted[0])})` : ""} has no member of it.`,
  roster_rows_disagree: ({ column, value }, { numbers, quoted }) =>
    `The rows of one household must agree on ${q(column)}: row ${numbers.at(-1) ?? "?"} says ${q(quoted.at(-1) ?? "")}, this row ${q(value)}.`,
  roster_member_field_required: ({ column }) => `A new member needs ${q(column)}: the cell is empty.`,
  roster_household_field_required: ({ column }) => `A new household needs ${q(column)}: the cell is empty.`,
  roster_birth_date_mismatch: ({ value, reason }) => {
    const fromId = /\d{4}-\d{2}-\d{2}/.exec(reason)?.[0];
    return `The birth date ${q(value)} differs from the one in the ID number${fromId ? ` (${fromId})` : ""}.`;
  },
  roster_dangerous_house_grade_missing: ({ column }) =>
    `${q(column)} says yes: a dangerous house needs its grade (C or D), which can go in the 危房等级 column.`,
  roster_member_count_mismatch: ({ column }, { numbers }) =>
    `${q(column)} gives ${numbers[0] ?? "?"} people, but the household has ${numbers[1] ?? "?"} active members listed.`,
  roster_head_name_mismatch: ({ value }, { quoted }) =>
    `The head's name ${q(value)} does not match the member registered as head${quoted[0] ? ` (${q(quoted[0])})` : ""}.`,
  roster_village_required: ({ column }) =>
    `A new household needs its village (${q(column)}): the cell is empty.`,
  roster_county_mismatch: ({ value, reason }) => {
    const county = /（(.+)）/.exec(reason)?.[1];
    return `${q(value)} is not the county being imported into${county ? ` (${county})` : ""}.`;
  },
  roster_region_unknown: ({ column, value, reason }) =>
    /个名为/.test(reason)
      ? `Several places of ${/^(.+?)有\d+个名为/.exec(reason)?.[1] ?? "the county"} are named ${q(value)} (${q(column)}): fill in the township (乡镇) too to tell them apart.`
      : `There is no ${q(column)} named ${q(value)} in ${/^(.+?)没有名为/.exec(reason)?.[1] ?? "the county"}.`,
  roster_out_of_scope: () => "This household is outside your area: you may not import it.",
  roster_linked_rejected: ({ value }, { numbers }) =>
    `Members move between household ${q(value)} and household ${numbers[0] ?? "?"}, which has errors: neither can be imported alone.`,
} satisfies Record<string, Wording>;

export type RosterProblemCode = keyof typeof WORDINGS;

/** Whether a code is one of the roster's own (not a household check's). */
export function isRosterProblemCode(code: string): code is RosterProblemCode {
  return Object.hasOwn(WORDINGS, code);
}

/** The figures of a Chinese reason, with the value's own quotation left out. */
function figuresOf({ reason, value }: RosterProblemText): Figures {
  const withoutValue = value ? reason.replace(`“${value}”`, "") : reason;
  const accepted = /可填：(.+)$/.exec(reason)?.[1];
  const plain = accepted ? withoutValue.slice(0, withoutValue.indexOf("可填：")) : withoutValue;
  return {
    quoted: [...plain.matchAll(/“([^”]*)”/g)].map((m) => m[1]!),
    numbers: [...plain.replace(/“[^”]*”/g, "").matchAll(/\d+/g)].map((m) => m[0]),
    accepted,
  };
}

/** A roster problem worded in English, or undefined when its code is not a roster code. */
export function rosterProblemInEnglish(problem: RosterProblemText): string | undefined {
  const code = problem.code;
  if (!code || !isRosterProblemCode(code)) return undefined;
  return (WORDINGS[code] as Wording)(problem, figuresOf(problem));
}
