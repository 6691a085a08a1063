import { Flex, Table, type TableColumnsType, Tag, Typography } from "antd";
import type { HTMLAttributes, ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import type { HouseholdListRow } from "../../../../shared/api/households.api.js";
import { POVERTY_ATTRIBUTES, POVERTY_CAUSES } from "../../../../shared/household-codes.js";
import { useT } from "../../../i18n/useT.js";
import { useCodeLabels } from "../hooks/useCodeLabels.js";
import type { HouseholdListParams } from "../hooks/useHouseholdListParams.js";
import { formatYuan } from "../utils/formatYuan.js";
import { GuaranteeLightTags } from "./GuaranteeLightTags.js";
import { HouseholdStatusTag } from "./HouseholdStatusTag.js";

interface HouseholdsTableProps {
  rows: HouseholdListRow[];
  total: number;
  /** False when the server stopped counting at `total` (more households match). */
  totalIsExact: boolean;
  params: HouseholdListParams;
  isLoading: boolean;
  isMobile: boolean;
  empty: ReactNode;
  onChange: (changes: Partial<HouseholdListParams>) => void;
}

type SortKey = HouseholdListParams["sort"];

/** One page of households; a row opens the household. Phones get the three columns that matter most. */
export function HouseholdsTable({
  rows,
  total,
  totalIsExact,
  params,
  isLoading,
  isMobile,
  empty,
  onChange,
}: HouseholdsTableProps) {
  const t = useT();
  const navigate = useNavigate();
  const { label } = useCodeLabels();
  const sortOrderOf = (key: SortKey) =>
    params.sort === key ? (params.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null;
  const desktopOnly = isMobile ? { hidden: true } : {};

  const columns: TableColumnsType<HouseholdListRow> = [
    {
      title: t("households.columns.household"),
      key: "householdNumber",
      sorter: true,
      sortOrder: sortOrderOf("householdNumber"),
      width: isMobile ? undefined : 200,
      render: (_, row) => (
        <Flex vertical style={{ minWidth: 0, wordBreak: "keep-all" }}>
          <Link
            to={`/households/${row.id}`}
            data-testid="household-link"
            onClick={(e) => e.stopPropagation()}
          >
            {row.headName || t("households.noHead")}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.householdNumber}
          </Typography.Text>
          {row.headIdNumber ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="household-head-id">
              {row.headIdNumber}
            </Typography.Text>
          ) : null}
          {isMobile ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.regionName}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { title: t("households.columns.region"), dataIndex: "regionName", width: 130, ...desktopOnly },
    {
      title: t("households.columns.members"),
      dataIndex: "memberCount",
      key: "memberCount",
      sorter: true,
      sortOrder: sortOrderOf("memberCount"),
      width: 80,
      align: "right",
      ...desktopOnly,
    },
    {
      title: isMobile ? t("households.columns.statusAndIncome") : t("households.columns.status"),
      key: "status",
      width: isMobile ? 150 : 170,
      align: isMobile ? "right" : "left",
      render: (_, row) => (
        <Flex vertical gap={4} align={isMobile ? "flex-end" : "flex-start"}>
          {isMobile ? <Typography.Text strong>{formatYuan(row.perCapitaIncome)}</Typography.Text> : null}
          <HouseholdStatusTag status={row.status} liftedYear={row.liftedYear} />
          {isMobile ? <GuaranteeLightTags lights={row.guaranteeLights} isEndAligned /> : null}
          {isMobile && row.warningCount > 0 ? (
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              {t("households.warningCount", { count: row.warningCount })}
            </Tag>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t("households.columns.attribute"),
      key: "attribute",
      width: 150,
      ...desktopOnly,
      render: (_, row) => (
        <Flex vertical>
          <span>{label(POVERTY_ATTRIBUTES, row.povertyAttribute)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label(POVERTY_CAUSES, row.mainCause)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("households.columns.perCapitaIncome"),
      dataIndex: "perCapitaIncome",
      key: "perCapitaIncome",
      sorter: true,
      sortOrder: sortOrderOf("perCapitaIncome"),
      width: 130,
      align: "right",
      ...desktopOnly,
      render: (value: string | null) => formatYuan(value),
    },
    {
      title: t("households.columns.guarantees"),
      key: "guarantees",
      width: 240,
      ...desktopOnly,
      render: (_, row) => <GuaranteeLightTags lights={row.guaranteeLights} />,
    },
    {
      title: t("households.columns.warnings"),
      dataIndex: "warningCount",
      width: 110,
      ...desktopOnly,
      render: (count: number) =>
        count > 0 ? <Tag color="orange">{t("households.warningCount", { count })}</Tag> : "—",
    },
    {
      title: t("households.columns.caseworkers"),
      key: "caseworkers",
      width: 140,
      ...desktopOnly,
      render: (_, row) =>
        row.caseworkers.length > 0 ? (
          row.caseworkers.map((caseworker) => caseworker.displayName).join(t("common.listSeparator"))
        ) : (
          <Typography.Text type="warning">{t("households.noCaseworker")}</Typography.Text>
        ),
    },
  ];

  return (
    <Table<HouseholdListRow>
      data-testid="households-table"
      rowKey="id"
      size={isMobile ? "small" : "middle"}
      columns={columns}
      dataSource={rows}
      loading={isLoading}
      scroll={{ x: isMobile ? undefined : 1150 }}
      showSorterTooltip={false}
      onRow={(row) =>
        ({
          "data-testid": "household-row",
          style: { cursor: "pointer" },
          onClick: () => navigate(`/households/${row.id}`),
        }) as HTMLAttributes<HTMLElement>
      }
      locale={{ emptyText: empty }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === "paginate") {
          const pageSize = pagination.pageSize ?? params.pageSize;
          onChange({ page: pageSize === params.pageSize ? (pagination.current ?? 1) : 1, pageSize });
        }
        if (extra.action === "sort" && !Array.isArray(sorter)) {
          const key = sorter.columnKey as SortKey | undefined;
          if (key && sorter.order) onChange({ sort: key, order: sorter.order === "ascend" ? "asc" : "desc" });
          else onChange({ sort: "householdNumber", order: "asc" });
        }
      }}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total,
        showSizeChanger: !isMobile,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (count) =>
          totalIsExact
            ? t("common.total", { total: count })
            : t("households.totalMore", { total: count.toLocaleString() }),
        simple: isMobile,
      }}
    />
  );
}
