import { App, Button, Drawer, Flex, Input, Segmented, Table, Typography } from "antd";
import { useState } from "react";
import type { z } from "zod";
import type { pendingChangeRow } from "../../../../shared/api/visits.api.js";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";
import { usePendingChange, usePendingChanges, useResolvePendingChange } from "../hooks/usePendingChanges.js";
import { VisitsNav } from "./VisitsNav.js";

type PendingChangeRow = z.infer<typeof pendingChangeRow>;

/**
 * Registry changes from visits that met a newer household version: the village cadre compares
 * them field by field (as the phone saw it, as it is now, as proposed) and applies or rejects each.
 */
export function PendingChangesPage() {
  const t = useT();
  const [status, setStatus] = useState<"open" | "applied" | "rejected">("open");
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | undefined>();
  const { data, isFetching } = usePendingChanges(status, page);

  return (
    <>
      <VisitsNav />
      <PageHeader title={t("campaigns.pending.title")} />
      <Typography.Paragraph type="secondary">{t("campaigns.pending.hint")}</Typography.Paragraph>
      <Segmented
        value={status}
        onChange={(value) => {
          setStatus(value as typeof status);
          setPage(1);
        }}
        options={[
          { value: "open", label: t("campaigns.pending.open") },
          { value: "applied", label: t("campaigns.pending.applied") },
          { value: "rejected", label: t("campaigns.pending.rejected") },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<PendingChangeRow>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.rows ?? []}
        scroll={{ x: "max-content" }}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          {
            title: t("campaigns.difficulties.household"),
            render: (_, row) => `${row.headName} ${row.householdNumber}`,
          },
          { title: t("campaigns.village"), dataIndex: "regionName" },
          { title: t("campaigns.pending.visit"), render: (_, row) => `${row.visitedOn} ${row.recordedBy}` },
          {
            title: t("campaigns.pending.versions"),
            render: (_, row) => `${row.baseVersion} → ${row.currentVersion}`,
          },
          {
            title: "",
            render: (_, row) => (
              <Button size="small" onClick={() => setOpenId(row.id)} data-testid="pending-open">
                {t("campaigns.pending.compare")}
              </Button>
            ),
          },
        ]}
      />
      <PendingChangeDrawer id={openId} onClose={() => setOpenId(undefined)} />
    </>
  );
}

const shown = (value: string | number | boolean | null) => (value === null ? "—" : String(value));

function PendingChangeDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const permissions = permissionsOf(useCurrentUser().role);
  const { data } = usePendingChange(id);
  const mutation = useResolvePendingChange();
  const [note, setNote] = useState("");

  const resolve = async (decision: "apply" | "reject") => {
    if (!data) return;
    try {
      await mutation.mutateAsync({ id: data.id, body: { decision, version: data.householdVersion, note } });
      message.success(t("campaigns.pending.done"));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      size={560}
      title={t("campaigns.pending.compare")}
      destroyOnHidden
    >
      {data ? (
        <Flex vertical gap={12}>
          <Typography.Text>
            {data.headName} {data.householdNumber} · {data.visitedOn} {data.recordedBy}
          </Typography.Text>
          <Table
            size="small"
            rowKey={(row) => `${row.path}-${row.memberName ?? ""}`}
            pagination={false}
            dataSource={data.fields}
            columns={[
              {
                title: t("campaigns.pending.field"),
                render: (_, row) => `${row.memberName ? `${row.memberName} ` : ""}${row.path}`,
              },
              { title: t("campaigns.pending.base"), render: (_, row) => shown(row.base) },
              { title: t("campaigns.pending.current"), render: (_, row) => shown(row.current) },
              {
                title: t("campaigns.pending.proposed"),
                render: (_, row) => <strong>{shown(row.proposed)}</strong>,
              },
            ]}
          />
          {data.status === "open" && permissions.canResolvePendingChanges ? (
            <>
              <Input.TextArea
                value={note}
                onChange={(event) => setNote(event.target.value)}
                placeholder={t("campaigns.pending.note")}
                maxLength={500}
              />
              <Flex gap={8}>
                <Button type="primary" loading={mutation.isPending} onClick={() => void resolve("apply")}>
                  {t("campaigns.pending.apply")}
                </Button>
                <Button danger loading={mutation.isPending} onClick={() => void resolve("reject")}>
                  {t("campaigns.pending.reject")}
                </Button>
              </Flex>
            </>
          ) : (
            <Typography.Text type="secondary">
              {data.resolvedBy} {data.resolvedAt} {data.resolutionNote}
            </Typography.Text>
          )}
        </Flex>
      ) : null}
    </Drawer>
  );
}
