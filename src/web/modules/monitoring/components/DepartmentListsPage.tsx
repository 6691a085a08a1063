import { Alert, App, Button, Card, Flex, Select, Table, Typography, Upload } from "antd";
import { useState } from "react";
import type { departmentListDetail } from "../../../../shared/api/monitoring.api.js";
import {
  MONITORING_DEPARTMENT_CODES,
  type MonitoringDepartment,
} from "../../../../shared/monitoring-rules.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useDepartmentLists } from "../hooks/useDepartmentLists.js";
import { useUploadDepartmentList } from "../hooks/useUploadDepartmentList.js";
import { MonitoringLinks } from "./MonitoringLinks.js";

type ListDetail = import("zod").infer<typeof departmentListDetail>;

/** Upload a department's screening list, see what matched and what did not, and earlier uploads. */
export function DepartmentListsPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const [department, setDepartment] = useState<MonitoringDepartment>();
  const [file, setFile] = useState<File>();
  const [result, setResult] = useState<ListDetail>();
  const [page, setPage] = useState(1);
  const upload = useUploadDepartmentList();
  const listsQuery = useDepartmentLists(page);

  const handleUpload = async () => {
    if (!file || !department) return;
    try {
      setResult(await upload.mutateAsync({ file, department }));
    } catch (error) {
      setResult(undefined);
      message.error(errorText(error));
    }
  };

  return (
    <>
      <PageHeader title={t("monitoring.listsTitle")} extra={<MonitoringLinks />} />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <Select<MonitoringDepartment>
            placeholder={t("monitoring.lists.department")}
            style={{ width: 180 }}
            value={department}
            onChange={setDepartment}
            options={MONITORING_DEPARTMENT_CODES.map((code) => ({
              value: code,
              label: t(`monitoring.lists.departments.${code}`),
            }))}
            data-testid="list-department"
          />
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              return false;
            }}
            onRemove={() => setFile(undefined)}
          >
            <Button data-testid="list-file">{t("monitoring.lists.choose")}</Button>
          </Upload>
          <Button
            type="primary"
            disabled={!file || !department}
            loading={upload.isPending}
            onClick={handleUpload}
            data-testid="list-upload"
          >
            {t("monitoring.lists.upload")}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t("monitoring.lists.fileHint")}
        </Typography.Paragraph>
      </Card>
      {result ? (
        <Card style={{ marginBottom: 16 }} data-testid="list-result">
          <Typography.Paragraph strong>
            {t("monitoring.lists.result", {
              rows: result.rowCount,
              matched: result.matchedCount,
              unmatched: result.unmatchedCount,
              alerts: result.alertCount,
            })}
          </Typography.Paragraph>
          {result.isRuleSwitchedOff ? (
            <Alert type="warning" title={t("monitoring.lists.switchedOff")} />
          ) : null}
          {result.unmatched.length > 0 ? (
            <Table
              size="small"
              rowKey="row"
              pagination={false}
              title={() => t("monitoring.lists.unmatched")}
              dataSource={result.unmatched}
              columns={[
                { title: t("monitoring.lists.row"), dataIndex: "row", width: 70 },
                { title: t("monitoring.lists.idNumber"), dataIndex: "idNumber", width: 200 },
                { title: t("monitoring.lists.name"), dataIndex: "name", width: 100 },
                { title: t("monitoring.lists.reason"), dataIndex: "reason" },
                { title: t("monitoring.lists.why"), dataIndex: "why" },
              ]}
            />
          ) : null}
        </Card>
      ) : null}
      <Card title={t("monitoring.lists.history")}>
        <Table
          size="small"
          rowKey="id"
          loading={listsQuery.isPending}
          dataSource={listsQuery.data?.rows ?? []}
          pagination={{ current: page, pageSize: 20, total: listsQuery.data?.total ?? 0, onChange: setPage }}
          columns={[
            {
              title: t("monitoring.lists.uploadedAt"),
              dataIndex: "uploadedAt",
              width: 170,
              render: formatDateTime,
            },
            { title: t("monitoring.lists.uploadedBy"), dataIndex: "uploadedBy", width: 120 },
            {
              title: t("monitoring.lists.department"),
              dataIndex: "department",
              width: 120,
              render: (code: MonitoringDepartment) => t(`monitoring.lists.departments.${code}`),
            },
            { title: t("monitoring.lists.file"), dataIndex: "fileName" },
            {
              title: t("monitoring.lists.counts"),
              key: "counts",
              width: 180,
              render: (_, row) => `${row.rowCount} / ${row.matchedCount} / ${row.alertCount}`,
            },
          ]}
        />
      </Card>
    </>
  );
}
