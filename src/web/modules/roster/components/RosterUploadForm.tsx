import { Alert, App, Button, Flex, Form, Progress, Typography, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useUploadRoster } from "../hooks/useUploadRoster.js";
import { CountyPicker } from "./CountyPicker.js";

/** The largest file the server takes (ROSTER_UPLOAD_LIMIT); checked here first to spare the upload. */
const MAX_BYTES = 100 * 1024 * 1024;
const ACCEPTED = /\.(xlsx|csv)$/i;

interface RosterUploadFormProps {
  /** Whether the user's scope spans several counties, so that they must say which one. */
  needsCounty: boolean;
  initialCountyCode: string | undefined;
}

/** Files a roster may come as: the whole roster, or a household sheet (户表) and a person sheet (人表). */
const MAX_FILES = 2;

/**
 * Chooses a roster file, or two (a household file and a person file; picked or dropped, nothing is
 * sent until the button is pressed) and the county, uploads them, and opens the import, whose
 * address carries its id while it is checked.
 */
export function RosterUploadForm({ needsCounty, initialCountyCode }: RosterUploadFormProps) {
  const t = useT();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const upload = useUploadRoster();
  const [files, setFiles] = useState<(File & { uid: string })[]>([]);
  const [countyCode, setCountyCode] = useState(initialCountyCode);
  const [isSubmitted, setIsSubmitted] = useState(false);

  const fileList: UploadFile[] = files.map((file) => ({
    uid: file.uid,
    name: file.name,
    size: file.size,
    status: "done",
  }));
  const isCountyMissing = needsCounty && countyCode === undefined;

  const handleChoose = (chosen: File & { uid: string }) => {
    const problem = !ACCEPTED.test(chosen.name)
      ? t("roster.upload.wrongType")
      : chosen.size > MAX_BYTES
        ? t("roster.upload.tooLarge")
        : chosen.size === 0
          ? t("roster.upload.emptyFile")
          : undefined;
    if (problem) {
      message.error(problem);
      return Upload.LIST_IGNORE;
    }
    // A third file replaces the older of the two.
    setFiles((chosenBefore) => [...chosenBefore, chosen].slice(-MAX_FILES));
    upload.reset();
    return false;
  };

  const handleSubmit = async () => {
    setIsSubmitted(true);
    if (files.length === 0 || isCountyMissing) return;
    try {
      const started = await upload.mutateAsync({ files, countyCode: needsCounty ? countyCode : undefined });
      navigate(`/roster/imports/${started.id}`);
    } catch {
      // Shown below the form from upload.error.
    }
  };

  return (
    <Form layout="vertical" component="div" requiredMark={false}>
      {needsCounty ? (
        <Form.Item
          label={t("roster.upload.county")}
          htmlFor="roster-county"
          extra={t("roster.upload.countyHint")}
          validateStatus={isSubmitted && isCountyMissing ? "error" : undefined}
          help={isSubmitted && isCountyMissing ? t("roster.upload.countyRequired") : undefined}
        >
          <CountyPicker
            id="roster-county"
            testId="roster-county"
            value={countyCode}
            onChange={setCountyCode}
            status={isSubmitted && isCountyMissing ? "error" : undefined}
          />
        </Form.Item>
      ) : null}
      <Form.Item
        label={t("roster.upload.file")}
        validateStatus={isSubmitted && files.length === 0 ? "error" : undefined}
        help={isSubmitted && files.length === 0 ? t("roster.upload.fileRequired") : undefined}
        extra={t("roster.upload.twoFilesHint")}
      >
        <div data-testid="roster-upload">
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple
            maxCount={MAX_FILES}
            fileList={fileList}
            beforeUpload={handleChoose}
            onRemove={(removed) => {
              setFiles((chosen) => chosen.filter((f) => f.uid !== removed.uid));
              upload.reset();
            }}
            disabled={upload.isPending}
          >
            <Flex vertical gap={4} style={{ padding: "8px 12px" }}>
              <Typography.Text strong>{t("roster.upload.dropTitle")}</Typography.Text>
              <Typography.Text type="secondary">{t("roster.upload.dropHint")}</Typography.Text>
            </Flex>
          </Upload.Dragger>
        </div>
      </Form.Item>
      {upload.isPending ? (
        <Progress percent={upload.percent} status="active" data-testid="roster-upload-progress" />
      ) : null}
      {upload.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorText(upload.error)}
          style={{ marginBottom: 16 }}
          data-testid="roster-upload-error"
        />
      ) : null}
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t("roster.upload.safeHint")}</Typography.Text>
        <div>
          <Button
            type="primary"
            data-testid="roster-submit"
            loading={upload.isPending}
            onClick={handleSubmit}
          >
            {upload.isPending ? t("roster.upload.sending") : t("roster.upload.submit")}
          </Button>
        </div>
      </Flex>
    </Form>
  );
}
