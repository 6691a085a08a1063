import { Button, Card, Collapse, Form, Typography } from "antd";
import { useT } from "../../../i18n/useT.js";
import { emptyMemberFormValues } from "../utils/emptyMemberFormValues.js";
import { MemberFields } from "./MemberFields.js";
import { MemberPanelLabel } from "./MemberPanelLabel.js";

interface MembersEditorProps {
  /** Members saved before (they have an id); their masked numbers are kept when left unchanged. */
  savedCount: number;
  openMembers: number[];
  onOpenMembersChange: (indexes: number[]) => void;
  membersWithErrors: ReadonlySet<number>;
}

/**
 * The members as a folded list: tap one to edit it, "add member" for a newcomer. There is no delete:
 * a member who left or died stays on the record with that status.
 */
export function MembersEditor({
  savedCount,
  openMembers,
  onOpenMembersChange,
  membersWithErrors,
}: MembersEditorProps) {
  const t = useT();
  return (
    <Form.List name="members">
      {(fields, { add }) => (
        <Card
          size="small"
          title={t("households.detail.tabs.members")}
          extra={
            <Button
              data-testid="member-add"
              onClick={() => {
                add(emptyMemberFormValues(fields.length === 0));
                onOpenMembersChange([...openMembers, fields.length]);
              }}
              disabled={fields.length >= 30}
            >
              {t("households.members.add")}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
            {t("households.members.noDeleteHint")}
          </Typography.Paragraph>
          <Collapse
            activeKey={openMembers.map(String)}
            onChange={(keys) => onOpenMembersChange((Array.isArray(keys) ? keys : [keys]).map(Number))}
            items={fields.map((field) => ({
              key: String(field.name),
              forceRender: true,
              label: <MemberPanelLabel index={field.name} hasErrors={membersWithErrors.has(field.name)} />,
              children: <MemberFields index={field.name} isExisting={field.name < savedCount} />,
            }))}
          />
        </Card>
      )}
    </Form.List>
  );
}
