import type { MonitoringRuleCode } from "../../../../shared/monitoring-rules.js";
import type { Translate } from "../../../i18n/I18nContext.js";
import { formatYuan } from "../../households/utils/formatYuan.js";

type Facts = Record<string, unknown>;

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));
const membersOf = (facts: Facts) => (Array.isArray(facts.members) ? (facts.members as Facts[]) : []);

/** The values that fired an alert, one line each, so a cadre can check the alert in one look. */
export function describeFacts(ruleCode: MonitoringRuleCode, facts: Facts, t: Translate): string[] {
  const health = (value: unknown) =>
    t(`monitoring.health.${text(value) || "none"}` as "monitoring.health.none");
  switch (ruleCode) {
    case "income_below_line":
      return [
        t("monitoring.facts.income_below_line", {
          year: text(facts.year),
          income: formatYuan(text(facts.perCapitaIncome)),
          line: formatYuan(text(facts.line)),
        }),
      ];
    case "income_drop":
      return [
        t("monitoring.facts.income_drop", {
          year: text(facts.year),
          income: formatYuan(text(facts.perCapitaIncome)),
          previousYear: text(facts.previousYear),
          previous: formatYuan(text(facts.previousPerCapitaIncome)),
          drop: text(facts.dropPercent),
          percent: text(facts.percent),
        }),
      ];
    case "rigid_spending":
      return [
        t("monitoring.facts.rigid_spending", {
          year: text(facts.year),
          spending: formatYuan(text(facts.spending)),
          medical: formatYuan(text(facts.medical)),
          disasterLoss: formatYuan(text(facts.disasterLoss)),
          other: formatYuan(text(facts.other)),
          incomeYear: text(facts.incomeYear),
          netIncome: formatYuan(text(facts.netIncome)),
          percent: text(facts.percent),
        }),
      ];
    case "new_illness_or_disability":
      return membersOf(facts).map((member) =>
        t("monitoring.facts.new_illness_or_disability", {
          name: text(member.name),
          before: health(member.previousHealth),
          now: `${health(member.health)}${member.disabilityGrade ? ` (${text(member.disabilityGrade)})` : ""}`,
        }),
      );
    case "guarantee_at_risk": {
      const guarantees = (facts.guarantees ?? {}) as Record<string, string>;
      return [
        t("monitoring.facts.guarantee_at_risk", {
          guarantees: Object.entries(guarantees)
            .map(([guarantee, light]) =>
              t("monitoring.facts.guaranteeLight", {
                guarantee: t(`monitoring.guarantees.${guarantee}` as "monitoring.guarantees.water"),
                light: t(`monitoring.lights.${light}` as "monitoring.lights.red"),
              }),
            )
            .join(t("common.clauseSeparator")),
        }),
      ];
    }
    case "no_work":
      return membersOf(facts).map((member) =>
        t("monitoring.facts.no_work", {
          name: text(member.name),
          age: text(member.age),
          workMonths: text(member.workMonths),
          idle: text(member.monthsWithoutWork),
          months: text(facts.months),
        }),
      );
    case "epidemic_isolation":
      return [
        t("monitoring.facts.epidemic_isolation", {
          previous: formatYuan(text(facts.previousPerCapitaIncome)),
          previousYear: text(facts.previousYear),
          income: formatYuan(text(facts.perCapitaIncome)),
          year: text(facts.year),
          loss: text(facts.lossPercent),
          percent: text(facts.incomeLossPercent),
        }),
        ...membersOf(facts).map((member) =>
          t("monitoring.facts.epidemic_member", {
            name: text(member.name),
            status: t(
              `monitoring.epidemicStatuses.${text(member.status) || "home_isolation"}` as "monitoring.epidemicStatuses.home_isolation",
            ),
            since: text(member.since) || "—",
            until: text(member.until) || "—",
          }),
        ),
        ...(Array.isArray(facts.jobLoss) ? (facts.jobLoss as Facts[]) : []).map((problem) =>
          t("monitoring.facts.epidemic_job", {
            visitedOn: text(problem.visitedOn),
            note: text(problem.note),
          }),
        ),
      ];
    case "department_list": {
      const people = Array.isArray(facts.people) ? (facts.people as Facts[]) : [];
      const department = t(
        `monitoring.lists.departments.${text(facts.department)}` as "monitoring.lists.departments.other",
      );
      return people.map((person) =>
        t("monitoring.facts.department_list", {
          department,
          row: text(person.row),
          name: text(person.name),
          tail: text(person.idNumberTail),
          reason: text(person.reason),
        }),
      );
    }
    default:
      return [t("monitoring.facts.unknown")];
  }
}
