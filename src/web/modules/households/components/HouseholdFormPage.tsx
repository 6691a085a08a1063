import { Button, Result, Spin } from "antd";
import { useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { useT } from "../../../i18n/useT.js";
import { PageHeader } from "../../../ui/PageHeader.js";
import { useApiErrorText } from "../../../ui/useApiErrorText.js";
import { useHousehold } from "../hooks/useHousehold.js";
import { HouseholdForm } from "./HouseholdForm.js";

/** /households/new and /households/:id/edit; `?member=N` opens member N for editing. */
export function HouseholdFormPage() {
  const t = useT();
  const errorText = useApiErrorText();
  const id = useParams().id;
  const [search] = useSearchParams();
  const householdQuery = useHousehold(id);
  // The form keeps what it was opened with (values and version) while the cache refreshes behind it;
  // "reload" after a stale save bumps this to open it afresh on the newest version.
  const [generation, setGeneration] = useState(0);
  const memberParam = Number(search.get("member") ?? Number.NaN);

  if (id === undefined) {
    return (
      <>
        <PageHeader title={t("households.form.createTitle")} />
        <HouseholdForm household={undefined} initialOpenMember={undefined} onReload={() => undefined} />
      </>
    );
  }
  if (householdQuery.isError) {
    return (
      <Result
        status="warning"
        title={errorText(householdQuery.error)}
        extra={<Button onClick={() => householdQuery.refetch()}>{t("common.retry")}</Button>}
      />
    );
  }
  const household = householdQuery.data;
  if (!household) {
    return <Spin size="large" style={{ display: "block", margin: "80px auto" }} />;
  }
  const initialOpenMember =
    Number.isInteger(memberParam) && memberParam >= 0 && memberParam < household.members.length
      ? memberParam
      : undefined;

  return (
    <>
      <PageHeader title={t("households.form.editTitle", { number: household.householdNumber })} />
      <HouseholdForm
        key={generation}
        household={household}
        initialOpenMember={initialOpenMember}
        onReload={async () => {
          await householdQuery.refetch();
          setGeneration((n) => n + 1);
        }}
      />
    </>
  );
}
