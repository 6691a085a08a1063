import { App, Button, type ButtonProps, Checkbox, Flex, Modal, Typography } from "antd";
import { useState } from "react";
import type { RosterImportView } from "../../../../shared/api/roster.api.js";
import { useT } from "../../../i18n/useT.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useCommitRosterImport } from "../hooks/useCommitRosterImport.js";

const CONFIRM_BUTTON_PROPS: ButtonProps & Record<`data-${string}`, string> = {
  "data-testid": "roster-commit-confirm",
};

/**
 * The clerk's confirmation. A file with errors imports nothing unless "only the valid households" is
 * ticked; the dialog says what will be written and how many households will be skipped.
 */
export function RosterCommitPanel({ view }: { view: RosterImportView }) {
  const t = useT();
  const errorText = useApiErrorText();
  const { message } = App.useApp();
  const commitMutation = useCommitRosterImport(view.id);
  const [isOnlyValid, setIsOnlyValid] = useState(false);
  const [isConfirmOpen, setIsConfirmOpen] = useState(false);
  const hasErrors = view.problems > 0;
  const importable = view.created + view.updated + view.unchanged;
  const isBlocked = importable === 0 || (hasErrors && !isOnlyValid);

  const handleConfirm = async () => {
    try {
      await commitMutation.mutateAsync(hasErrors && isOnlyValid);
      setIsConfirmOpen(false);
      message.success(t("roster.commit.started"));
    } catch (error) {
      setIsConfirmOpen(false);
      message.error(errorText(error));
    }
  };

  return (
    <Flex vertical gap={12} align="flex-start">
      {hasErrors && importable > 0 ? (
        <Checkbox
          data-testid="roster-only-valid"
          checked={isOnlyValid}
          onChange={(event) => setIsOnlyValid(event.target.checked)}
        >
          {t("roster.commit.onlyValid")}
        </Checkbox>
      ) : null}
      {importable === 0 ? (
        <Typography.Text type="danger">{t("roster.commit.nothingToImport")}</Typography.Text>
      ) : hasErrors && !isOnlyValid ? (
        <Typography.Text type="secondary" data-testid="roster-commit-blocked">
          {t("roster.commit.blockedByErrors")}
        </Typography.Text>
      ) : null}
      <Button
        type="primary"
        data-testid="roster-commit"
        disabled={isBlocked}
        onClick={() => setIsConfirmOpen(true)}
      >
        {t("roster.commit.submit")}
      </Button>
      <Modal
        open={isConfirmOpen}
        title={t("roster.commit.confirmTitle")}
        okText={t("roster.commit.confirmOk")}
        cancelText={t("common.cancel")}
        confirmLoading={commitMutation.isPending}
        okButtonProps={CONFIRM_BUTTON_PROPS}
        onOk={handleConfirm}
        onCancel={() => setIsConfirmOpen(false)}
      >
        <Flex vertical gap={8} data-testid="roster-commit-dialog">
          <span>
            {t("roster.commit.confirmText", {
              created: view.created.toLocaleString(),
              updated: view.updated.toLocaleString(),
              unchanged: view.unchanged.toLocaleString(),
            })}
          </span>
          {hasErrors ? (
            <Typography.Text type="warning" strong>
              {t("roster.commit.confirmSkip", { rejected: view.rejected.toLocaleString() })}
            </Typography.Text>
          ) : null}
          <Typography.Text type="secondary">{t("roster.commit.confirmAtomic")}</Typography.Text>
        </Flex>
      </Modal>
    </Flex>
  );
}
