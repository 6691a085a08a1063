import { Button, Card, Flex, Typography } from "antd";
import { Link, useSearchParams } from "react-router";
import { countyCodeOf, isDivisionCode } from "../../../../shared/division-code.js";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { RosterTemplateButton } from "./RosterTemplateButton.js";
import { RosterUploadForm } from "./RosterUploadForm.js";

/**
 * Starts a roster import: the layout the file should have (with the template), the file, and the
 * county when the user's scope spans several. `?countyCode=` preselects the county (fix and re-upload).
 */
export function RosterImportPage() {
  const t = useT();
  const user = useCurrentUser();
  const [search] = useSearchParams();
  const needsCounty = countyCodeOf(user.regionCode) === undefined;
  const requested = search.get("countyCode") ?? "";
  const initialCountyCode = isDivisionCode(requested) ? countyCodeOf(requested) : undefined;

  return (
    <>
      <PageHeader
        title={t("roster.importTitle")}
        extra={
          <Link to="/roster/imports">
            <Button data-testid="roster-history-link">{t("roster.history")}</Button>
          </Link>
        }
      />
      <Card style={{ maxWidth: 760 }}>
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t("roster.layoutHint")}
          </Typography.Paragraph>
          <div>
            <RosterTemplateButton />
          </div>
        </Flex>
        <RosterUploadForm needsCounty={needsCounty} initialCountyCode={initialCountyCode} />
      </Card>
    </>
  );
}
