import { App, Button, Flex, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useRevealPersonalField } from "../hooks/useRevealPersonalField.js";

interface RevealableValueProps {
  householdId: string;
  field: "idNumber" | "phone" | "bankAccount";
  memberId?: string;
  masked: string | null;
  /** False for roles that may not reveal, and for past versions (the server reveals the current value). */
  canReveal: boolean;
  testId: string;
}

/**
 * A masked ID number, phone or bank account with a "show" button. Showing asks the server, which
 * records the reveal in the audit trail; the full value lives only in this component's state.
 */
export function RevealableValue({
  householdId,
  field,
  memberId,
  masked,
  canReveal,
  testId,
}: RevealableValueProps) {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const revealMutation = useRevealPersonalField(householdId);
  const [revealed, setRevealed] = useState<string | null>();

  if (!masked) return <Typography.Text type="secondary">—</Typography.Text>;

  const handleReveal = async () => {
    try {
      const answer = await revealMutation.mutateAsync({ field, ...(memberId ? { memberId } : {}) });
      setRevealed(answer.value);
      message.info(t("households.reveal.done"));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const isShown = revealed !== undefined;
  return (
    <Flex wrap="nowrap" align="center" gap={4}>
      <Typography.Text
        data-testid={testId}
        style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}
      >
        {isShown ? (revealed ?? "—") : masked}
      </Typography.Text>
      {canReveal ? (
        <Button
          type="link"
          size="small"
          data-testid={`reveal-${testId}`}
          loading={revealMutation.isPending}
          onClick={isShown ? () => setRevealed(undefined) : handleReveal}
          style={{ paddingInline: 4 }}
        >
          {isShown ? t("households.reveal.hide") : t("households.reveal.show")}
        </Button>
      ) : null}
    </Flex>
  );
}
