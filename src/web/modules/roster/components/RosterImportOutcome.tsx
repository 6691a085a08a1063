import { Button, Flex, Result } from "antd";
import { Link } from "react-router";
import type { RosterImportView } from "../../../../shared/api/roster.api.js";
import { countyCodeOf } from "../../../../shared/division-code.js";
import { useT } from "../../../i18n/useT.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";

/** A committed import: what was written, and the way to the households. */
export function RosterImportOutcome({ view }: { view: RosterImportView }) {
  const t = useT();
  const user = useCurrentUser();
  // Above county level, the list opens on the county imported into; below it, the user's own scope.
  const householdsPath =
    countyCodeOf(user.regionCode) === undefined ? `/households?regionCode=${view.countyCode}` : "/households";

  return (
    <div data-testid="roster-outcome">
      <Result
        status="success"
        title={t("roster.outcome.title")}
        subTitle={
          <Flex vertical>
            <span>
              {t("roster.outcome.text", {
                created: view.created.toLocaleString(),
                updated: view.updated.toLocaleString(),
                unchanged: view.unchanged.toLocaleString(),
              })}
            </span>
            {view.rejected > 0 ? (
              <span>{t("roster.outcome.skipped", { rejected: view.rejected.toLocaleString() })}</span>
            ) : null}
          </Flex>
        }
        extra={
          <Flex wrap gap={8} justify="center">
            <Link to={householdsPath}>
              <Button type="primary" data-testid="roster-view-households">
                {t("roster.outcome.viewHouseholds")}
              </Button>
            </Link>
            <Link to="/roster/import">
              <Button>{t("roster.newImport")}</Button>
            </Link>
          </Flex>
        }
      />
    </div>
  );
}
