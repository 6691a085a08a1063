import { readCode } from "../../../shared/roster/roster-values.js";
import type { Queryable } from "../../db/db.js";
import type { StoredMember } from "../households/household-present.js";
import { findActiveHoldersElsewhere, findHouseholdsByNumbers } from "./roster.queries.js";
import type { HouseholdEntry, RosterBook } from "./roster-book.js";

// People of the file who live in another household now: those who move between two households the
// file names (planned together, the move written as a move), and those it cannot place (a person
// active in a household of this or another county that the file does not list).

/** People who move between households the file names, and people it cannot place (see PeopleIndex). */
export interface Moves {
  moves: Map<number, StoredMember>;
  clashes: Map<number, string>;
  movedOut: Map<string, Set<string>>;
  movedIn: Map<string, StoredMember[]>;
  links: Map<string, Set<string>>;
}

export const noMoves = (): Moves => ({
  moves: new Map(),
  clashes: new Map(),
  movedOut: new Map(),
  movedIn: new Map(),
  links: new Map(),
});

/** The moves and clashes of the people of `entries` (their first rows) against the registry. */
export async function findMoves(
  q: Queryable,
  book: RosterBook,
  countyCode: string,
  entries: readonly HouseholdEntry[],
): Promise<Moves> {
  const ids: string[] = [];
  const numbers: string[] = [];
  const wanted = new Set(entries);
  for (const [idNumber, index] of book.firstById) {
    const entry = book.householdOfRow(index)!;
    if (!wanted.has(entry)) continue;
    ids.push(idNumber);
    numbers.push(entry.number);
  }
  const found = noMoves();
  const holders = await findActiveHoldersElsewhere(q, countyCode, ids, numbers);
  if (holders.size === 0) return found;
  const { moves, clashes, movedOut, movedIn, links } = found;
  const candidates = [...holders.values()].map((holder) => {
    const index = book.firstById.get(holder.idNumber)!;
    return { holder, index, target: book.householdOfRow(index)!.number };
  });
  const involved = new Set(candidates.map((c) => c.target));
  for (const { holder } of candidates) {
    if (holder.countyCode === countyCode && book.household(holder.householdNumber)) {
      involved.add(holder.householdNumber);
    }
  }
  const stored = await findHouseholdsByNumbers(q, countyCode, [...involved]);
  const rows = await book.rowsAt(candidates.map((c) => c.index));
  candidates.forEach(({ holder, index, target }, i) => {
    // A person already of the target household (moved out of it once) is not moving in.
    if (stored.get(target)?.snapshot.household.members.some((m) => m.idNumber === holder.idNumber)) return;
    const statusText = rows[i]!.text.memberStatus;
    const status = statusText ? readCode("memberStatus", statusText) : undefined;
    if (status?.ok && status.value !== "active") return;
    const mover =
      holder.countyCode === countyCode && book.household(holder.householdNumber)
        ? stored.get(holder.householdNumber)?.snapshot.household.members.find((m) => m.id === holder.memberId)
        : undefined;
    if (!mover) {
      clashes.set(
        index,
        holder.countyCode === countyCode
          ? `该证件号码已是本县另一户（户编号 ${holder.householdNumber}）的在户成员，而本文件没有列出该户；一人只能在一户`
          : "该证件号码已是其他县某户的在户成员；一人只能在一户，请先在原县办理迁出",
      );
      return;
    }
    const source = holder.householdNumber;
    moves.set(index, mover);
    if (!movedOut.has(source)) movedOut.set(source, new Set());
    movedOut.get(source)!.add(mover.id);
    if (!movedIn.has(target)) movedIn.set(target, []);
    movedIn.get(target)!.push(mover);
    for (const [a, b] of [
      [target, source],
      [source, target],
    ] as const) {
      if (!links.has(a)) links.set(a, new Set());
      links.get(a)!.add(b);
    }
  });
  return found;
}
