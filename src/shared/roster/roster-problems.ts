// Kinds of roster import problems, so that a problem found in Chinese (as the clerk's error report
// keeps it) can be worded in English too. Problems raised by the registry's household checks carry
// the checks' own codes instead (household-findings.ts).

/** English wording of each roster problem code. */
export const ROSTER_PROBLEM_MESSAGES_EN = {
  roster_cell_error: "The cell holds an error value (a broken formula): enter the actual value.",
  roster_digits_lost:
    "Excel stored this number as a number (or in scientific notation) and lost its last digits: format the column as text and enter it again.",
  roster_cell_too_long: "The cell is too long (at most 500 characters).",
  roster_value_unreadable: "The value cannot be read here (not a recognised value, number, date or year).",
  roster_value_invalid: "The value is out of the allowed range or in the wrong format.",
  roster_id_empty: "The ID number is empty.",
  roster_id_masked_unmatched:
    "The ID number is masked (with *) and matches no member registered in this household: enter the full number.",
  roster_id_repeated: "The same ID number is on an earlier row: a person may appear only once in a file.",
  roster_id_active_elsewhere:
    "This person is an active member of another household the file does not name: a person belongs to one household only.",
  roster_household_number_empty: "The household number is empty.",
  roster_household_row_repeated:
    "The household is on an earlier row of the household sheet: one row per household.",
  roster_household_without_members:
    "The household sheet lists this household, but the person sheet has no member of it.",
  roster_rows_disagree: "The rows of one household give different values for a household field.",
  roster_member_field_required: "A new member needs this field.",
  roster_household_field_required: "A new household needs this field.",
  roster_birth_date_mismatch: "The birth date differs from the one in the ID number.",
  roster_dangerous_house_grade_missing: "A dangerous house needs its grade (C or D).",
  roster_member_count_mismatch: "The number of people does not match the active members listed.",
  roster_head_name_mismatch: "The head's name does not match the member registered as head.",
  roster_village_required: "A new household needs its village (行政村).",
  roster_county_mismatch: "This is not the county being imported into.",
  roster_region_unknown: "No such township, village or group in the county.",
  roster_out_of_scope: "This household is outside your area.",
  roster_linked_rejected:
    "Members move between this household and another one that has errors: neither can be imported alone.",
} as const;

export type RosterProblemCode = keyof typeof ROSTER_PROBLEM_MESSAGES_EN;
