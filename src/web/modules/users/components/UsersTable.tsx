import { Empty, Flex, Table, type TableColumnsType, Typography } from "antd";
import type { UserRow } from "../../../../shared/api/users.api.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import type { OneTimePassword } from "./OneTimePasswordModal.js";
import { UserRowActions } from "./UserRowActions.js";
import { UserStatusTags } from "./UserStatusTags.js";

interface UsersTableProps {
  rows: UserRow[];
  total: number;
  page: number;
  pageSize: number;
  isLoading: boolean;
  isFiltered: boolean;
  isMobile: boolean;
  /** The signed-in administrator's id, or undefined for a read-only table. */
  managerId: string | undefined;
  onPageChange: (page: number, pageSize: number) => void;
  onEdit: (user: UserRow) => void;
  onHistory: (user: UserRow) => void;
  onPasswordReset: (password: OneTimePassword) => void;
}

/** One page of users; administrators get the row actions, township officers a read-only table. */
export function UsersTable(props: UsersTableProps) {
  const t = useT();
  const { managerId } = props;
  const columns: TableColumnsType<UserRow> = [
    {
      title: t("users.user"),
      key: "user",
      width: 170,
      render: (_, row) => (
        <Flex vertical>
          <span>{row.displayName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.username}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t("users.role"), dataIndex: "role", width: 120, render: (_, row) => t(`roles.${row.role}`) },
    {
      title: t("users.region"),
      dataIndex: "regionName",
      width: 150,
      render: (_, row) => (
        <Flex vertical>
          <span>{row.regionName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.regionCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t("users.phone"),
      dataIndex: "phone",
      width: 120,
      render: (phone: string | null) => phone ?? "—",
    },
    {
      title: t("users.status"),
      key: "status",
      width: 150,
      render: (_, row) => <UserStatusTags user={row} />,
    },
    {
      title: t("users.lastLogin"),
      dataIndex: "lastLoginAt",
      width: 110,
      render: (at: string | null) => (at ? formatDateTime(at) : t("users.neverSignedIn")),
    },
  ];
  if (managerId) {
    columns.push({
      title: t("common.actions"),
      key: "actions",
      width: 210,
      // Pinned on a wide screen; on a phone it would cover most of the table.
      fixed: props.isMobile ? undefined : "right",
      render: (_, row) => (
        <UserRowActions
          user={row}
          isSelf={row.id === managerId}
          onEdit={props.onEdit}
          onHistory={props.onHistory}
          onPasswordReset={props.onPasswordReset}
        />
      ),
    });
  }

  return (
    <Table<UserRow>
      data-testid="users-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={props.rows}
      loading={props.isLoading}
      scroll={{ x: managerId ? 1030 : 820 }}
      locale={{
        emptyText: <Empty description={props.isFiltered ? t("users.emptyFiltered") : t("users.empty")} />,
      }}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t("common.total", { total }),
        onChange: props.onPageChange,
      }}
    />
  );
}
