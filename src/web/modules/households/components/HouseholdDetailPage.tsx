import { Alert, Badge, Button, Flex, Result, Spin, Tabs } from "antd";
import { useParams, useSearchParams } from "react-router";
import { ApiError } from "../../../api/ApiError.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useCurrentUser } from "../../session/hooks/useCurrentUser.js";
import { permissionsOf } from "../../session/permissionsOf.js";
import { useHousehold } from "../hooks/useHousehold.js";
import { asOfTimestamp } from "../utils/asOfTimestamp.js";
import { localDateOf } from "../utils/localDateOf.js";
import { CaseworkersPanel } from "./CaseworkersPanel.js";
import { FindingsList } from "./FindingsList.js";
import { GuaranteesPanel } from "./GuaranteesPanel.js";
import { HouseholdHeader } from "./HouseholdHeader.js";
import { HouseholdOverview } from "./HouseholdOverview.js";
import { HouseholdTimeline } from "./HouseholdTimeline.js";
import { IncomeTable } from "./IncomeTable.js";
import { MembersTable } from "./MembersTable.js";

const TABS = ["overview", "members", "income", "guarantees", "findings", "caseworkers", "timeline"] as const;
type Tab = (typeof TABS)[number];

/**
 * One household: its fields, members, income, guarantees, data-quality warnings, caseworkers and
 * timeline. `?asOf=` shows it as it stood then (read-only); `?tab=` opens a tab, so links reproduce the view.
 */
export function HouseholdDetailPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const user = useCurrentUser();
  const permissions = permissionsOf(user.role);
  const id = useParams().id ?? "";
  const [search, setSearch] = useSearchParams();
  const asOf = asOfTimestamp(search.get("asOf"));
  const isPast = asOf !== undefined;
  const tab: Tab = TABS.find((name) => name === search.get("tab")) ?? "overview";
  const householdQuery = useHousehold(id, asOf);

  const setParam = (name: string, value: string | undefined) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: name === "tab" },
    );

  if (householdQuery.isError) {
    const isNotFound = householdQuery.error instanceof ApiError && householdQuery.error.status === 404;
    return (
      <Result
        status={isNotFound ? "404" : "warning"}
        title={errorText(householdQuery.error)}
        extra={
          <Flex wrap gap={8} justify="center">
            {isPast ? (
              <Button onClick={() => setParam("asOf", undefined)}>
                {t("households.detail.backToCurrent")}
              </Button>
            ) : null}
            <Button onClick={() => householdQuery.refetch()}>{t("common.retry")}</Button>
          </Flex>
        }
      />
    );
  }
  const household = householdQuery.data;
  if (!household) return <Spin size="large" style={{ display: "block", margin: "80px auto" }} />;

  const canEdit = permissions.canEditHouseholds;
  const canReveal = permissions.canRevealPersonalData && !isPast;
  const tabLabel = (name: Tab, count?: number, isWarning = false) => (
    <span data-testid={`household-tab-${name}`}>
      {t(`households.detail.tabs.${name}`)}
      {count ? (
        <Badge
          count={count}
          color={isWarning ? "orange" : "blue"}
          size="small"
          style={{ marginInlineStart: 6 }}
        />
      ) : null}
    </span>
  );
  const items = [
    {
      key: "overview",
      label: tabLabel("overview"),
      children: <HouseholdOverview household={household} canReveal={canReveal} />,
    },
    {
      key: "members",
      label: tabLabel("members", household.members.filter((m) => m.status === "active").length),
      children: <MembersTable household={household} canReveal={canReveal} canEdit={canEdit && !isPast} />,
    },
    { key: "income", label: tabLabel("income"), children: <IncomeTable incomes={household.incomes} /> },
    {
      key: "guarantees",
      label: tabLabel("guarantees"),
      children: <GuaranteesPanel guarantees={household.guarantees} />,
    },
    {
      key: "findings",
      label: tabLabel("findings", household.findings.length, true),
      children: <FindingsList household={household} />,
    },
    {
      key: "caseworkers",
      label: tabLabel("caseworkers"),
      children: (
        <CaseworkersPanel household={household} canAssign={permissions.canAssignCaseworkers && !isPast} />
      ),
    },
    {
      key: "timeline",
      label: tabLabel("timeline"),
      children: (
        <HouseholdTimeline
          householdId={household.id}
          onViewAsOf={(changedAt) =>
            setSearch((current) => {
              const next = new URLSearchParams(current);
              next.set("asOf", changedAt);
              next.set("tab", "overview");
              return next;
            })
          }
        />
      ),
    },
  ];

  return (
    <>
      <HouseholdHeader
        household={household}
        canEdit={canEdit}
        asOfDate={asOf ? localDateOf(asOf) : ""}
        isPast={isPast}
        onAsOfChange={(date) => setParam("asOf", date || undefined)}
      />
      {isPast ? (
        <Alert
          type="info"
          showIcon
          data-testid="household-as-of-notice"
          title={t("households.detail.asOfNotice", {
            date: formatDateTime(asOf),
            version: household.version,
          })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam("tab", key === "overview" ? undefined : key)}
        items={items}
      />
    </>
  );
}
