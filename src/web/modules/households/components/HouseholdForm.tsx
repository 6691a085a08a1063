import { Alert, App, Button, Card, Flex, Form, Input, List, theme } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import type { HouseholdDetail } from "../../../../shared/api/households.api.js";
import { FINDING_MESSAGES_EN } from "../../../../shared/household-findings.js";
import { ApiError, type ApiErrorDetail } from "../../../api/ApiError.js";
import { useI18n } from "../../../i18n/useI18n.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useIsMobile } from "../../../ui/useIsMobile.js";
import { useCreateHousehold } from "../hooks/useCreateHousehold.js";
import { useUpdateHousehold } from "../hooks/useUpdateHousehold.js";
import { describeFieldPath } from "../utils/describeFieldPath.js";
import { draftOfFormValues } from "../utils/draftOfFormValues.js";
import { emptyHouseholdFormValues } from "../utils/emptyHouseholdFormValues.js";
import { formValuesOfHousehold } from "../utils/formValuesOfHousehold.js";
import type { HouseholdFormValues } from "../utils/HouseholdFormValues.js";
import { placeErrorDetails } from "../utils/placeErrorDetails.js";
import { HouseholdBasicFields } from "./HouseholdBasicFields.js";
import { HouseholdConditionFields } from "./HouseholdConditionFields.js";
import { IncomeFields } from "./IncomeFields.js";
import { MembersEditor } from "./MembersEditor.js";

interface HouseholdFormProps {
  /** The saved household being edited, as loaded when the form opened; a new one when absent. */
  household: HouseholdDetail | undefined;
  initialOpenMember: number | undefined;
  onReload: () => void;
}

const memberIndexOf = (name: (string | number)[]) =>
  name[0] === "members" && typeof name[1] === "number" ? name[1] : undefined;

/**
 * Registers or edits a household with its members and the year's income. The version the editor
 * started from goes with the save; the server's field-by-field refusals are shown at their inputs.
 */
export function HouseholdForm({ household, initialOpenMember, onReload }: HouseholdFormProps) {
  const { t, tryT, language } = useI18n();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [form] = Form.useForm<HouseholdFormValues>();
  const [initialValues] = useState(() =>
    household ? formValuesOfHousehold(household) : emptyHouseholdFormValues(),
  );
  const [baseVersion] = useState(household?.version);
  const [openMembers, setOpenMembers] = useState<number[]>(
    initialOpenMember !== undefined ? [initialOpenMember] : household ? [] : [0],
  );
  const [problems, setProblems] = useState<ApiErrorDetail[]>([]);
  const [membersWithErrors, setMembersWithErrors] = useState<Set<number>>(new Set());
  const [isStale, setIsStale] = useState(false);
  const createMutation = useCreateHousehold();
  const updateMutation = useUpdateHousehold();
  const isPending = createMutation.isPending || updateMutation.isPending;
  const isEditing = household !== undefined;

  const showFieldErrors = (names: (string | number)[][]) => {
    const members = new Set(names.map(memberIndexOf).filter((index) => index !== undefined));
    setMembersWithErrors(members);
    setOpenMembers((open) => [...new Set([...open, ...members])]);
    // Let the opened panels render before scrolling to the first field in trouble.
    if (names[0]) setTimeout(() => form.scrollToField(names[0]!, { block: "center" }), 50);
  };

  const handleError = (error: unknown) => {
    if (error instanceof ApiError && error.code === "STALE_VERSION") {
      setIsStale(true);
      window.scrollTo({ top: 0, behavior: "smooth" });
      return;
    }
    if (!(error instanceof ApiError) || error.details.length === 0) {
      message.error(errorText(error));
      return;
    }
    // The server words registry checks in Chinese, naming values; English readers get the check's English sentence.
    const { fields, unplaced } = placeErrorDetails(error.details, (detail) =>
      language === "en" && detail.code && detail.code in FINDING_MESSAGES_EN
        ? FINDING_MESSAGES_EN[detail.code as keyof typeof FINDING_MESSAGES_EN]
        : detail.message,
    );
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    const placed = fields.flatMap((field) =>
      field.errors.map((text) => ({ path: field.name.join("."), message: text })),
    );
    setProblems([...unplaced, ...placed]);
    showFieldErrors(fields.map((field) => field.name));
    message.error(error.message);
  };

  const handleSaved = (result: { household: HouseholdDetail; findings: unknown[] }) => {
    const count = result.findings.length;
    if (count > 0) message.warning(t("households.form.savedWithWarnings", { count }));
    else message.success(isEditing ? t("households.form.saved") : t("households.form.created"));
    navigate(`/households/${result.household.id}${count > 0 ? "?tab=findings" : ""}`, { replace: true });
  };

  const handleFinish = () => {
    const values = form.getFieldsValue(true) as HouseholdFormValues;
    const draft = draftOfFormValues(values);
    const reason = values.reason?.trim() ?? "";
    setProblems([]);
    setMembersWithErrors(new Set());
    setIsStale(false);
    if (household && baseVersion !== undefined) {
      updateMutation.mutate(
        { id: household.id, household: draft, version: baseVersion, reason },
        { onSuccess: handleSaved, onError: handleError },
      );
    } else {
      createMutation.mutate(
        { household: draft, ...(reason ? { reason } : {}) },
        { onSuccess: handleSaved, onError: handleError },
      );
    }
  };

  const members = (Form.useWatch("members", form) ?? initialValues.members) as { name: string }[];
  return (
    <Form<HouseholdFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={handleFinish}
      onFinishFailed={({ errorFields }) => showFieldErrors(errorFields.map((field) => field.name))}
      disabled={isPending}
      scrollToFirstError={false}
    >
      <Flex vertical gap={16}>
        {isStale ? (
          <Alert
            type="error"
            showIcon
            data-testid="household-stale"
            title={t("households.form.staleTitle")}
            description={t("households.form.staleText")}
            action={
              <Button danger data-testid="household-reload" onClick={onReload}>
                {t("households.form.reload")}
              </Button>
            }
          />
        ) : null}
        {problems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            data-testid="household-problems"
            title={t("households.form.problemsTitle", { count: problems.length })}
            description={
              <List
                size="small"
                split={false}
                dataSource={problems}
                renderItem={(problem) => (
                  <List.Item style={{ paddingInline: 0, paddingBlock: 2 }}>
                    {describeFieldPath(problem.path, members, t, tryT)}：{problem.message}
                  </List.Item>
                )}
              />
            }
          />
        ) : null}
        {isEditing ? <Alert type="info" showIcon title={t("households.form.maskedNotice")} /> : null}
        <HouseholdBasicFields regionName={household?.regionName} isEditing={isEditing} />
        <HouseholdConditionFields />
        <MembersEditor
          savedCount={household?.members.length ?? 0}
          openMembers={openMembers}
          onOpenMembersChange={setOpenMembers}
          membersWithErrors={membersWithErrors}
        />
        <IncomeFields recorded={household?.incomes ?? []} />
        <Card
          size="small"
          title={isEditing ? t("households.form.reason") : t("households.form.createReason")}
        >
          <Form.Item
            name="reason"
            style={{ marginBottom: 0 }}
            rules={
              isEditing
                ? [{ required: true, whitespace: true, message: t("households.form.reasonRequired") }]
                : []
            }
          >
            <Input
              data-testid="household-reason"
              maxLength={200}
              placeholder={
                isEditing
                  ? t("households.form.reasonPlaceholder")
                  : t("households.form.createReasonPlaceholder")
              }
            />
          </Form.Item>
        </Card>
      </Flex>
      <Flex
        justify="flex-end"
        gap={8}
        style={{
          position: "sticky",
          bottom: 0,
          zIndex: 10,
          marginTop: 16,
          marginInline: isMobile ? -12 : -24,
          padding: isMobile ? "12px" : "12px 24px",
          background: token.colorBgLayout,
          borderTop: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Link to={household ? `/households/${household.id}` : "/households"}>
          <Button disabled={isPending}>{t("common.cancel")}</Button>
        </Link>
        <Button type="primary" htmlType="submit" data-testid="household-save" loading={isPending}>
          {isEditing ? t("common.save") : t("households.form.register")}
        </Button>
      </Flex>
    </Form>
  );
}
