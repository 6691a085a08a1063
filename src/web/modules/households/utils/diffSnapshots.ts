import type { FieldScope } from "../hooks/useFieldText.js";

/** One difference between two saved versions of a household. */
export interface SnapshotChange {
  key: string;
  scope: FieldScope;
  /** The field that differs; for an added or removed member, "member". */
  field: string;
  /** For member changes: the member's name (as in the later version) and position in it. */
  memberName?: string;
  memberIndex?: number;
  before: unknown;
  after: unknown;
}

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function membersOf(household: Fields): Fields[] {
  return Array.isArray(household.members) ? household.members.filter(isFields) : [];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function fieldChanges(scope: FieldScope, before: Fields, after: Fields, skip: readonly string[]) {
  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])].filter(
    (f) => !skip.includes(f),
  );
  return fields
    .filter((field) => !same(before[field], after[field]))
    .map((field) => ({ scope, field, before: before[field], after: after[field] }));
}

/**
 * The field-by-field differences between two version snapshots ({ household: { …, members, income } }).
 * Members are matched by id, so a reordered list is no change; added and removed members are one row each.
 */
export function diffSnapshots(beforeSnapshot: Fields, afterSnapshot: Fields): SnapshotChange[] {
  const before = isFields(beforeSnapshot.household) ? beforeSnapshot.household : {};
  const after = isFields(afterSnapshot.household) ? afterSnapshot.household : {};
  const changes: SnapshotChange[] = fieldChanges("household", before, after, ["members", "income"]).map(
    (change) => ({ ...change, key: `household.${change.field}` }),
  );
  const incomeBefore = isFields(before.income) ? before.income : {};
  const incomeAfter = isFields(after.income) ? after.income : {};
  for (const change of fieldChanges("income", incomeBefore, incomeAfter, [])) {
    changes.push({ ...change, key: `income.${change.field}` });
  }

  const membersBefore = membersOf(before);
  const membersAfter = membersOf(after);
  const byId = new Map(membersBefore.map((member) => [String(member.id), member]));
  membersAfter.forEach((member, index) => {
    const id = String(member.id);
    const memberName = String(member.name ?? "");
    const old = byId.get(id);
    if (!old) {
      changes.push({
        key: `member.${id}`,
        scope: "member",
        field: "member",
        memberName,
        memberIndex: index,
        before: null,
        after: member,
      });
      return;
    }
    for (const change of fieldChanges("member", old, member, ["id", "version", "age"])) {
      changes.push({ ...change, key: `member.${id}.${change.field}`, memberName, memberIndex: index });
    }
  });
  const idsAfter = new Set(membersAfter.map((member) => String(member.id)));
  for (const member of membersBefore) {
    if (idsAfter.has(String(member.id))) continue;
    changes.push({
      key: `member.${String(member.id)}`,
      scope: "member",
      field: "member",
      memberName: String(member.name ?? ""),
      before: member,
      after: null,
    });
  }
  return changes;
}
