import { Flex, Table, type TableColumnsType, Typography } from "antd";
import { type HTMLAttributes, useMemo, useState } from "react";
import type { RosterProblemView } from "../../../../shared/api/roster.api.js";
import { useT } from "../../../i18n/useT.js";

type KeyedProblem = RosterProblemView & { key: number };

interface RosterProblemsTableProps {
  problems: RosterProblemView[];
  isMobile: boolean;
}

/**
 * Every problem the check found: the row and column in the file, what was written there, and why it
 * is wrong (in Chinese, as in the error report). Phones get two columns: where, and what.
 */
export function RosterProblemsTable({ problems, isMobile }: RosterProblemsTableProps) {
  const t = useT();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  // One cell can hold the same problem twice (e.g. a duplicated number): rows are keyed by position.
  const rows = useMemo<KeyedProblem[]>(
    () => problems.map((problem, index) => ({ ...problem, key: index })),
    [problems],
  );
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
          render: (_, problem) =>
            t("roster.problems.rowAndColumn", { row: problem.row, column: problem.column }),
        },
        {
          title: t("roster.problems.reason"),
          key: "reason",
          render: (_, problem) => (
            <Flex vertical style={{ minWidth: 0, wordBreak: "break-all" }}>
              <span>{problem.reason}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {valueText(problem.value)}
              </Typography.Text>
            </Flex>
          ),
        },
      ]
    : [
        { title: t("roster.problems.row"), dataIndex: "row", width: 80, align: "right" },
        { title: t("roster.problems.column"), dataIndex: "column", width: 150 },
        {
          title: t("roster.problems.value"),
          dataIndex: "value",
          width: 220,
          render: (value: string) => <span style={{ wordBreak: "break-all" }}>{valueText(value)}</span>,
        },
        { title: t("roster.problems.reason"), dataIndex: "reason" },
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
