import type { Translate } from "../../../i18n/I18nContext.js";

/**
 * A finding's or an error's field path ("members.2.idNumber", "income.wage", "liftedYear") in
 * words: 张三（第3位成员）· 证件号码. Paths the dictionary does not know are shown as they are.
 */
export function describeFieldPath(
  path: string,
  members: readonly { name: string }[],
  t: Translate,
  tryT: (key: string) => string | undefined,
): string {
  const parts = path.split(".");
  if (parts[0] === "members" && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    const index = Number(parts[1]);
    const who = t("households.members.numbered", { index: index + 1, name: members[index]?.name ?? "" });
    return parts[2] ? `${who} · ${tryT(`households.memberFields.${parts[2]}`) ?? parts[2]}` : who;
  }
  if (parts[0] === "income") {
    const income = t("households.detail.tabs.income");
    return parts[1] ? `${income} · ${tryT(`households.incomeFields.${parts[1]}`) ?? parts[1]}` : income;
  }
  return tryT(`households.fields.${parts[0]}`) ?? path;
}
