import { Alert, Button } from "antd";
import { useCallback, useState } from "react";
import type { UserRow } from "../../../../shared/api/users.api.js";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useIsMobile } from "../../../ui/useIsMobile.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";
import { useUsers } from "../hooks/useUsers.js";
import { type OneTimePassword, OneTimePasswordModal } from "./OneTimePasswordModal.js";
import { UserFilters, type UserFilterValues } from "./UserFilters.js";
import { UserFormModal } from "./UserFormModal.js";
import { UserHistoryDrawer } from "./UserHistoryDrawer.js";
import { UsersTable } from "./UsersTable.js";

/** User accounts within the user's scope: administrators manage them, township officers only look. */
export function UsersPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const currentUser = useCurrentUser();
  const isMobile = useIsMobile();
  const canManage = permissionsOf(currentUser.role).canManageUsers;
  const [filter, setFilter] = useState<UserFilterValues>({ q: "" });
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [form, setForm] = useState<{ isOpen: boolean; user?: UserRow }>({ isOpen: false });
  const [oneTimePassword, setOneTimePassword] = useState<OneTimePassword>();
  const [historyOf, setHistoryOf] = useState<UserRow>();
  const usersQuery = useUsers({ ...filter, ...paging });

  const handleFilterChange = useCallback((next: UserFilterValues) => {
    setFilter(next);
    setPaging((current) => ({ ...current, page: 1 }));
  }, []);

  const isFiltered = Boolean(filter.q || filter.role || filter.status || filter.regionCode);
  return (
    <>
      <PageHeader
        title={canManage ? t("users.title") : t("users.titleReadOnly")}
        extra={
          canManage ? (
            <Button type="primary" data-testid="user-create" onClick={() => setForm({ isOpen: true })}>
              {t("users.create")}
            </Button>
          ) : null
        }
      />
      <UserFilters onChange={handleFilterChange} />
      {usersQuery.isError ? (
        <Alert type="error" showIcon title={errorText(usersQuery.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <UsersTable
        rows={usersQuery.data?.rows ?? []}
        total={usersQuery.data?.total ?? 0}
        page={paging.page}
        pageSize={paging.pageSize}
        isLoading={usersQuery.isFetching}
        isFiltered={isFiltered}
        isMobile={isMobile}
        managerId={canManage ? currentUser.id : undefined}
        onPageChange={(page, pageSize) =>
          setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize })
        }
        onEdit={(user) => setForm({ isOpen: true, user })}
        onHistory={setHistoryOf}
        onPasswordReset={setOneTimePassword}
      />
      {canManage ? (
        <>
          <UserFormModal
            isOpen={form.isOpen}
            user={form.user}
            currentUserId={currentUser.id}
            onClose={() => setForm((current) => ({ ...current, isOpen: false }))}
            onCreated={setOneTimePassword}
          />
          <OneTimePasswordModal value={oneTimePassword} onClose={() => setOneTimePassword(undefined)} />
          <UserHistoryDrawer user={historyOf} onClose={() => setHistoryOf(undefined)} />
        </>
      ) : null}
    </>
  );
}
