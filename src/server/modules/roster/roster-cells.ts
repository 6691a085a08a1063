import { headerOf, type RosterColumnKey } from "../../../shared/roster/roster-columns.js";
import type { RosterProblemCode } from "../../../shared/roster/roster-problems.js";
import type { Read } from "../../../shared/roster/roster-values.js";
import type { RosterProblem, RosterRow, RosterTable } from "./roster-sheet.js";

// A household's rows read column by column: each value parsed once, each problem recorded where
// the clerk will find it (sheet, row, column as the file writes it).

/** Values read from two cells: equal primitives, or equal arrays and objects (causes, health and grade). */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Reads a group's cells column by column, recording each problem where the clerk will find it. */
export class GroupCells {
  readonly problems: RosterProblem[] = [];
  /** Draft fields that could not be read and hold a stand-in value (see BuiltDraft.unknown). */
  readonly unknown = new Set<string>();

  constructor(
    private readonly tables: readonly RosterTable[],
    private readonly rows: readonly RosterRow[],
  ) {}

  /** The column's header as the file writes it (in the first sheet that has it). */
  column(key: RosterColumnKey): string {
    for (const table of this.tables) {
      const header = table.layout.headers[key];
      if (header !== undefined) return header;
    }
    return headerOf(key);
  }

  /** The household's first row: its household-sheet row when there is one. */
  firstRow(): RosterRow {
    return this.rows[0]!;
  }

  report(
    row: RosterRow,
    key: RosterColumnKey,
    value: string,
    reason: string,
    code: RosterProblemCode = "roster_value_unreadable",
  ): void {
    const column = row.table.layout.headers[key] ?? this.column(key);
    this.problems.push({ sheet: row.table.label, row: row.row, column, value, reason, code });
  }

  /** A member-level value of one row; undefined when empty, or unreadable (then reported). */
  own<T>(row: RosterRow, key: RosterColumnKey, read: (text: string) => Read<T>): T | undefined {
    const text = row.text[key];
    if (text === undefined || text === "") return undefined;
    const result = read(text);
    if (result.ok) return result.value;
    this.report(row, key, text, result.reason, result.code);
    return undefined;
  }

  /** A household-level value: every row that fills it must say the same; the first one counts. */
  shared<T>(key: RosterColumnKey, read: (text: string) => Read<T>): T | undefined {
    let first: { value: T; row: RosterRow; text: string } | undefined;
    for (const row of this.rows) {
      const text = row.text[key];
      if (text === undefined || text === "" || text === first?.text) continue;
      const result = read(text);
      if (!result.ok) {
        this.report(row, key, text, result.reason, result.code);
        continue;
      }
      if (!first) first = { value: result.value, row, text };
      else if (!isSameValue(first.value, result.value)) {
        const where =
          first.row.table === row.table
            ? `第${first.row.row}行`
            : `“${first.row.table.label}”第${first.row.row}行`;
        this.report(
          row,
          key,
          text,
          `同一户各行的“${this.column(key)}”应相同：${where}为“${first.text}”，本行为“${text}”`,
          "roster_rows_disagree",
        );
      }
    }
    return first?.value;
  }

  /** The first row that fills a column, for reporting a household-level problem. */
  rowOf(key: RosterColumnKey): { row: RosterRow; text: string } {
    const row = this.rows.find((r) => r.text[key]);
    return row ? { row, text: row.text[key]! } : { row: this.firstRow(), text: "" };
  }
}

/** A cell read as the text it holds. */
export const text = (value: string): Read<string> => ({ ok: true, value });
