import { Alert, App, Button, Card, Form, Input, Modal, Skeleton, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import {
  type BriefingDetail,
  downloadBriefingDocx,
  downloadBriefingPdf,
} from "../../../../shared/api/briefings.api.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useFileDownload } from "../../../ui/useFileDownload.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";
import { useBriefing, useBriefingWrites } from "../hooks/useBriefings.js";
import { useIssueLabel } from "./BriefingsPage.js";

/** One briefing: a draft's text to edit and issue, an issued one to read and download. */
export function BriefingPage() {
  const t = useT();
  const { id = "" } = useParams();
  const errorText = useApiErrorText();
  const query = useBriefing(id);
  const user = useCurrentUser();
  const canWrite = permissionsOf(user.role).canWriteBriefings;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error)} />;
  if (!query.data) return <Skeleton active />;
  const briefing = query.data;
  return (
    <>
      <Link to="/briefings">{t("briefings.back")}</Link>
      {briefing.status === "draft" && canWrite ? (
        <DraftEditor briefing={briefing} />
      ) : (
        <IssuedView briefing={briefing} />
      )}
    </>
  );
}

function Downloads({ briefing }: { briefing: BriefingDetail }) {
  const t = useT();
  const { download, isDownloading } = useFileDownload();
  return (
    <>
      <Button
        loading={isDownloading}
        data-testid="briefing-pdf"
        onClick={() => download(downloadBriefingPdf, { params: { id: briefing.id } })}
      >
        {t("briefings.downloadPdf")}
      </Button>
      <Button
        loading={isDownloading}
        data-testid="briefing-docx"
        onClick={() => download(downloadBriefingDocx, { params: { id: briefing.id } })}
      >
        {t("briefings.downloadDocx")}
      </Button>
    </>
  );
}

function IssuedView({ briefing }: { briefing: BriefingDetail }) {
  const t = useT();
  const issueLabel = useIssueLabel();
  return (
    <>
      <PageHeader
        title={
          <Space>
            {briefing.title}
            <Tag color={briefing.status === "issued" ? "red" : "default"} data-testid="briefing-status">
              {t(`briefings.status.${briefing.status}`)}
            </Tag>
          </Space>
        }
        extra={<Downloads briefing={briefing} />}
      />
      <Card>
        {briefing.status === "issued" ? (
          <Typography.Paragraph strong data-testid="briefing-issue-line">
            {t("briefings.issuedNote", {
              number: issueLabel(briefing),
              office: briefing.issuingOffice ?? "",
              date: briefing.issuedOn ?? "",
            })}
          </Typography.Paragraph>
        ) : null}
        <Typography.Paragraph type="secondary">
          {t("briefings.period", { start: briefing.periodStart, end: briefing.periodEnd })}
        </Typography.Paragraph>
        {briefing.sections.map((section) => (
          <section key={section.key}>
            <Typography.Title level={5}>{section.heading}</Typography.Title>
            {section.text.split(/\n\s*\n/).map((paragraph) => (
              <Typography.Paragraph key={paragraph} style={{ textIndent: "2em" }}>
                {paragraph}
              </Typography.Paragraph>
            ))}
          </section>
        ))}
        {briefing.distribution ? (
          <Typography.Paragraph type="secondary">
            {t("briefings.distributionLine", { distribution: briefing.distribution })}
          </Typography.Paragraph>
        ) : null}
      </Card>
    </>
  );
}

function DraftEditor({ briefing }: { briefing: BriefingDetail }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const errorText = useApiErrorText();
  const { update, issue } = useBriefingWrites();
  const [title, setTitle] = useState(briefing.title);
  const [texts, setTexts] = useState(briefing.sections.map((s) => s.text));
  const [isIssuing, setIsIssuing] = useState(false);
  useEffect(() => {
    setTitle(briefing.title);
    setTexts(briefing.sections.map((s) => s.text));
  }, [briefing]);
  const isChanged = title !== briefing.title || texts.some((text, i) => text !== briefing.sections[i]?.text);
  const save = async () => {
    const saved = await update
      .mutateAsync({
        id: briefing.id,
        title,
        sections: briefing.sections.map((s, i) => ({ ...s, text: texts[i] ?? s.text })),
        version: briefing.version,
      })
      .catch(() => undefined);
    if (saved) message.success(t("briefings.saved"));
    return saved;
  };
  return (
    <>
      <PageHeader
        title={
          <Space>
            {briefing.title}
            <Tag data-testid="briefing-status">{t("briefings.status.draft")}</Tag>
          </Space>
        }
        extra={
          <>
            <Downloads briefing={briefing} />
            <Button
              onClick={save}
              disabled={!isChanged}
              loading={update.isPending}
              data-testid="briefing-save"
            >
              {t("briefings.save")}
            </Button>
            <Button type="primary" danger onClick={() => setIsIssuing(true)} data-testid="briefing-issue">
              {t("briefings.issue")}
            </Button>
          </>
        }
      />
      {update.isError ? (
        <Alert type="error" showIcon title={errorText(update.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t("briefings.draftNote", { time: formatDateTime(briefing.countedAt) })}
      />
      <Card>
        <Form layout="vertical">
          <Form.Item label={t("briefings.form.title")}>
            <Input
              value={title}
              maxLength={100}
              onChange={(e) => setTitle(e.target.value)}
              data-testid="briefing-edit-title"
            />
          </Form.Item>
          {briefing.sections.map((section, i) => (
            <Form.Item key={section.key} label={section.heading}>
              <Input.TextArea
                value={texts[i]}
                autoSize={{ minRows: 3 }}
                maxLength={5000}
                data-testid={`briefing-text-${section.key}`}
                onChange={(e) => setTexts((all) => all.map((text, j) => (j === i ? e.target.value : text)))}
              />
            </Form.Item>
          ))}
        </Form>
      </Card>
      {isIssuing ? (
        <IssueModal
          briefing={briefing}
          onClose={() => setIsIssuing(false)}
          onIssue={async (values) => {
            // Unsaved edits are saved first: what is issued is what the editor shows.
            const current = isChanged ? await save() : briefing;
            if (!current) return;
            await new Promise<void>((resolve) =>
              modal.confirm({
                title: t("briefings.issueTitle"),
                content: t("briefings.issueConfirm"),
                okButtonProps: { danger: true, "data-testid": "briefing-issue-confirm" },
                onOk: async () => {
                  const issued = await issue
                    .mutateAsync({ id: briefing.id, ...values, version: current.version })
                    .catch(() => undefined);
                  if (issued) setIsIssuing(false);
                  resolve();
                },
                onCancel: () => resolve(),
              }),
            );
          }}
          error={issue.isError ? errorText(issue.error) : undefined}
        />
      ) : null}
    </>
  );
}

interface IssueValues {
  issuedOn: string;
  issuingOffice: string;
  distribution: string;
}

function IssueModal({
  briefing,
  onClose,
  onIssue,
  error,
}: {
  briefing: BriefingDetail;
  onClose: () => void;
  onIssue: (values: IssueValues) => Promise<void>;
  error: string | undefined;
}) {
  const t = useT();
  const [form] = Form.useForm<IssueValues>();
  return (
    <Modal
      open
      title={t("briefings.issueTitle")}
      onCancel={onClose}
      okText={t("briefings.issue")}
      okButtonProps={{ danger: true, "data-testid": "briefing-issue-submit" }}
      onOk={() => form.submit()}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<IssueValues>
        form={form}
        layout="vertical"
        initialValues={{
          issuedOn: new Date().toISOString().slice(0, 10),
          issuingOffice: "",
          distribution: "",
        }}
        onFinish={onIssue}
      >
        <Form.Item name="issuedOn" label={t("briefings.issuedOn")} rules={[{ required: true }]}>
          <Input type="date" data-testid="briefing-issued-on" />
        </Form.Item>
        <Form.Item
          name="issuingOffice"
          label={t("briefings.issuingOffice")}
          rules={[{ required: true, whitespace: true, message: t("briefings.form.required") }]}
        >
          <Input
            maxLength={60}
            placeholder={t("briefings.issuingOfficePlaceholder")}
            data-testid="briefing-office"
          />
        </Form.Item>
        <Form.Item
          name="distribution"
          label={t("briefings.distribution")}
          rules={[{ required: true, whitespace: true, message: t("briefings.form.required") }]}
        >
          <Input.TextArea
            maxLength={500}
            placeholder={t("briefings.distributionPlaceholder")}
            data-testid="briefing-distribution"
          />
        </Form.Item>
        <Typography.Text type="secondary">{briefing.title}</Typography.Text>
      </Form>
    </Modal>
  );
}
