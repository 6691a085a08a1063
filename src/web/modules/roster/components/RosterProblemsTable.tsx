import { Flex, Table, type TableColumnsType, Typography } from "antd";
import { type HTMLAttributes, useMemo, useState } from "react";
import type { RosterProblemView } from "../../../../shared/api/roster.api.js";
import { FINDING_MESSAGES_EN } from "../../../../shared/household-findings.js";
import { rosterProblemInEnglish } from "../../../../shared/roster/roster-problems.js";
import { useI18n } from "../../../i18n/useI18n.js";

type KeyedProblem = RosterProblemView & { key: number };

/** A problem's reason in English, when its code is one the app can word (else undefined). */
function englishReason(problem: RosterProblemView): string | undefined {
  const code = problem.code;
  if (!code) return undefined;
  const roster = rosterProblemInEnglish(problem);
  if (roster !== undefined) return roster;
  if (Object.hasOwn(FINDING_MESSAGES_EN, code)) {
    return FINDING_MESSAGES_EN[code as keyof typeof FINDING_MESSAGES_EN];
  }
  return undefined;
}

interface RosterProblemsTableProps {
  problems: RosterProblemView[];
  isMobile: boolean;
}

/**
 * Every problem the check found: the sheet (or, for two files, the file) and the row and column in
 * it, what was written there, and why it is wrong (in Chinese, as in the error report). Phones get
 * two columns: where, and what.
 */
export function RosterProblemsTable({ problems, isMobile }: RosterProblemsTableProps) {
  const { t, language } = useI18n();
  const reasonOf = (problem: RosterProblemView) =>
    language === "en" ? (englishReason(problem) ?? problem.reason) : problem.reason;
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  // One cell can hold the same problem twice (e.g. a duplicated number): rows are keyed by position.
  const rows = useMemo<KeyedProblem[]>(
    () => problems.map((problem, index) => ({ ...problem, key: index })),
    [problems],
  );
  const hasSheets = problems.some((problem) => problem.sheet);
  const valueText = (value: string) =>
    value === "" ? (
      <Typography.Text type="secondary">{t("roster.problems.emptyValue")}</Typography.Text>
    ) : (
      value
    );

  const columns: TableColumnsType<KeyedProblem> = isMobile
    ? [
        {
          title: t("roster.problems.location"),
          key: "location",
          width: 110,
          render: (_, problem) => (
            <Flex vertical style={{ minWidth: 0, wordBreak: "break-all" }}>
              {problem.sheet ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {problem.sheet}
                </Typography.Text>
              ) : null}
              <span>{t("roster.problems.rowAndColumn", { row: problem.row, column: problem.column })}</span>
            </Flex>
          ),
        },
        {
          title: t("roster.problems.reason"),
          key: "reason",
          render: (_, problem) => (
            <Flex vertical style={{ minWidth: 0, wordBreak: "break-all" }}>
              <span>{reasonOf(problem)}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {valueText(problem.value)}
              </Typography.Text>
            </Flex>
          ),
        },
      ]
    : [
        ...(hasSheets
          ? [
              {
                title: t("roster.problems.sheet"),
                dataIndex: "sheet",
                width: 160,
                render: (sheet: string | undefined) => (
                  <span data-testid="roster-problem-sheet" style={{ wordBreak: "break-all" }}>
                    {sheet ?? ""}
                  </span>
                ),
              },
            ]
          : []),
        { title: t("roster.problems.row"), dataIndex: "row", width: 80, align: "right" as const },
        { title: t("roster.problems.column"), dataIndex: "column", width: 150 },
        {
          title: t("roster.problems.value"),
          dataIndex: "value",
          width: 220,
          render: (value: string) => <span style={{ wordBreak: "break-all" }}>{valueText(value)}</span>,
        },
        {
          title: t("roster.problems.reason"),
          key: "reason",
          render: (_, problem) => <span data-testid="roster-problem-reason">{reasonOf(problem)}</span>,
        },
      ];

  return (
    <Table<KeyedProblem>
      data-testid="roster-problems"
      size="small"
      columns={columns}
      dataSource={rows}
      tableLayout="fixed"
      onRow={() => ({ "data-testid": "roster-problem" }) as HTMLAttributes<HTMLElement>}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: problems.length,
        showSizeChanger: !isMobile,
        pageSizeOptions: [10, 20, 50, 100],
        simple: isMobile,
        hideOnSinglePage: problems.length <= 10,
        showTotal: (total) => t("common.total", { total }),
        onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
      }}
    />
  );
}
