import { App, Form, Input, Modal, Radio, Select } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { HouseholdDetail, HouseholdListRow } from "../../../../shared/api/households.api.js";
import { RELATIONS } from "../../../../shared/household-codes.js";
import type { MemberDraft } from "../../../../shared/household-draft.js";
import { ApiError } from "../../../api/ApiError.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useCodeLabels } from "../hooks/useCodeLabels.js";
import { useMoveMember } from "../hooks/useMoveMember.js";
import { HouseholdPicker } from "./HouseholdPicker.js";

type Member = HouseholdDetail["members"][number];

interface MoveFormValues {
  mode: "existing" | "split";
  targetId?: string;
  newHouseholdNumber?: string;
  relation?: MemberDraft["relation"];
  newHeadMemberId?: string;
  reason: string;
}

const FIELD_OF_PATH: Record<string, keyof MoveFormValues> = {
  "body.target.householdId": "targetId",
  "body.target.newHouseholdNumber": "newHouseholdNumber",
  "body.relation": "relation",
  "body.newHeadMemberId": "newHeadMemberId",
  "body.reason": "reason",
};

/**
 * Moves a member out (marriage into another household, or a split into a household of their own)
 * as one operation: the member keeps their history, and both households get a new version.
 */
export function MoveMemberModal({
  household,
  member,
  onClose,
}: {
  household: HouseholdDetail;
  member: Member | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useApiErrorText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { options } = useCodeLabels();
  const [form] = Form.useForm<MoveFormValues>();
  const [target, setTarget] = useState<HouseholdListRow>();
  const moveMutation = useMoveMember();
  const mode = Form.useWatch("mode", form);
  const heirs = household.members.filter((m) => m.status === "active" && m.id !== member?.id);

  const handleFinish = (values: MoveFormValues) => {
    if (!member) return;
    const isSplit = values.mode === "split";
    if (!isSplit && !target) return;
    moveMutation.mutate(
      {
        id: household.id,
        memberId: member.id,
        version: household.version,
        target: isSplit
          ? { newHouseholdNumber: values.newHouseholdNumber?.trim() ?? "" }
          : { householdId: target?.id ?? "", version: target?.version ?? 1 },
        relation: isSplit ? "head" : (values.relation ?? "other"),
        ...(member.relation === "head" && values.newHeadMemberId
          ? { newHeadMemberId: values.newHeadMemberId }
          : {}),
        reason: values.reason.trim(),
      },
      {
        onSuccess: (result) => {
          message.success(t("households.move.done", { name: member.name }));
          onClose();
          if (isSplit) navigate(`/households/${result.target.id}`);
        },
        onError: (error) => {
          message.error(errorText(error));
          if (!(error instanceof ApiError)) return;
          if (error.code === "STALE_VERSION") onClose();
          form.setFields(
            error.details
              .filter((detail) => FIELD_OF_PATH[detail.path])
              .map((detail) => ({ name: FIELD_OF_PATH[detail.path]!, errors: [detail.message] })),
          );
        },
      },
    );
  };

  const required = { required: true, message: t("households.form.choose") };
  return (
    <Modal
      title={member ? t("households.move.title", { name: member.name }) : ""}
      open={member !== undefined}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("households.move.submit")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: moveMutation.isPending }}
      destroyOnHidden
    >
      <Form<MoveFormValues>
        form={form}
        layout="vertical"
        initialValues={{ mode: "existing", reason: "" }}
        onFinish={handleFinish}
        disabled={moveMutation.isPending}
      >
        <Form.Item name="mode">
          <Radio.Group
            options={[
              { value: "existing", label: t("households.move.toExisting") },
              { value: "split", label: t("households.move.split") },
            ]}
          />
        </Form.Item>
        {mode === "split" ? (
          <Form.Item
            name="newHouseholdNumber"
            label={t("households.move.newHouseholdNumber")}
            extra={t("households.move.splitHint")}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t("households.form.required", { field: t("households.fields.householdNumber") }),
              },
            ]}
          >
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="targetId" label={t("households.move.target")} rules={[required]}>
              <HouseholdPicker excludeId={household.id} onPick={setTarget} testId="member-move-target" />
            </Form.Item>
            <Form.Item name="relation" label={t("households.move.relation")} rules={[required]}>
              <Select options={options(RELATIONS)} placeholder={t("households.form.choose")} />
            </Form.Item>
          </>
        )}
        {member?.relation === "head" ? (
          <Form.Item name="newHeadMemberId" label={t("households.move.newHead")} rules={[required]}>
            <Select
              placeholder={t("households.form.choose")}
              options={heirs.map((heir) => ({ value: heir.id, label: heir.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t("households.form.reason")}
          rules={[{ required: true, whitespace: true, message: t("households.form.reasonRequired") }]}
        >
          <Input maxLength={200} placeholder={t("households.move.reasonPlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
