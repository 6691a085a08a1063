import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { isUnsent } from "../../../../shared/visit-outbox.js";
import { useT } from "../../../i18n/useT.js";
import { formatDateTime } from "../../../ui/formatDateTime.js";
import { usePhone } from "../hooks/usePhone.js";
import { PhoneSpinner } from "./PhoneSpinner.js";

/**
 * "My households": what is due first (campaigns waiting, overdue in red), with a search. A QR code
 * for a village opens this list narrowed to it (?village=code). Plain HTML (phone.css): the first
 * screen of the phone mode loads no Ant Design.
 */
export function MyHouseholdsPage() {
  const t = useT();
  const [params] = useSearchParams();
  const { households, meta, isLoading, outbox, user, isSyncing, refresh } = usePhone();
  const [text, setText] = useState("");
  const village = params.get("village") ?? undefined;
  const forCaseworker = params.get("caseworker");

  const unsentByHousehold = useMemo(() => {
    const counts = new Map<string, number>();
    for (const record of outbox.filter(isUnsent))
      counts.set(record.householdId, (counts.get(record.householdId) ?? 0) + 1);
    return counts;
  }, [outbox]);

  // Due first, then by number: the same order online and from IndexedDB (which keeps them by id).
  const shown = households
    .filter(
      (h) =>
        (!village || h.regionCode.startsWith(village)) &&
        (text === "" || h.headName.includes(text) || h.householdNumber.includes(text)),
    )
    .sort(
      (a, b) =>
        Number(b.due.length > 0) - Number(a.due.length > 0) ||
        a.householdNumber.localeCompare(b.householdNumber),
    );
  const campaigns = (meta?.campaigns ?? []).map((campaign) => ({
    ...campaign,
    due: households.filter((h) => h.due.some((d) => d.campaignId === campaign.id)).length,
  }));

  return (
    <div className="phone-content" style={{ padding: 0 }}>
      {forCaseworker && forCaseworker !== user.id ? (
        <div className="phone-alert phone-alert-warning" role="status">
          {t("visits.phone.otherCaseworker")}
        </div>
      ) : null}
      {meta?.isTruncated ? (
        <div className="phone-alert" role="status">
          {t("visits.phone.truncated")}
        </div>
      ) : null}
      {campaigns.map((campaign) => (
        <div key={campaign.id} className="phone-card">
          <div className="phone-between">
            <span className="phone-strong">{campaign.name}</span>
            <span className="phone-secondary">{t("visits.phone.deadline", { date: campaign.deadline })}</span>
          </div>
          <span>
            {t("visits.phone.dueCount")}
            <span data-testid="due-count" style={{ fontWeight: 600, fontSize: 18, marginInline: 4 }}>
              {campaign.due}
            </span>
            {t("visits.phone.households")}
          </span>
        </div>
      ))}
      <div className="phone-row">
        <input
          type="search"
          className="phone-input"
          aria-label={t("visits.phone.search")}
          placeholder={t("visits.phone.search")}
          value={text}
          onChange={(event) => setText(event.target.value.trim())}
          style={{ flex: 1, minWidth: 0 }}
        />
        <button type="button" className="phone-button" onClick={() => void refresh()} disabled={isSyncing}>
          {t("visits.phone.refresh")}
        </button>
      </div>
      {meta ? (
        <span className="phone-secondary phone-small">
          {t("visits.phone.loadedAt", { time: formatDateTime(meta.loadedAt) })}
        </span>
      ) : null}
      {isLoading && households.length === 0 ? <PhoneSpinner /> : null}
      {!isLoading && shown.length === 0 ? <div className="phone-empty">{t("visits.phone.none")}</div> : null}
      {shown.map((household) => {
        const unsent = unsentByHousehold.get(household.id) ?? 0;
        return (
          <Link
            key={household.id}
            to={`/phone/households/${household.id}`}
            data-testid="phone-household"
            className="phone-card"
          >
            <div className="phone-between">
              <span className="phone-strong" style={{ fontSize: 16 }}>
                {household.headName || household.householdNumber}
              </span>
              <span className="phone-secondary">{household.regionName}</span>
            </div>
            <span className="phone-secondary phone-small">
              {household.householdNumber} · {t("visits.phone.members", { count: household.members.length })} ·{" "}
              {household.lastVisitedOn
                ? t("visits.phone.lastVisit", { date: household.lastVisitedOn })
                : t("visits.phone.neverVisited")}
            </span>
            {household.due.length > 0 || unsent > 0 ? (
              <div className="phone-row" style={{ flexWrap: "wrap", gap: 4, marginTop: 4 }}>
                {household.due.map((due) => (
                  <span key={due.campaignId} className={`phone-tag${due.isOverdue ? " phone-tag-red" : ""}`}>
                    {due.isOverdue ? t("visits.phone.overdue") : t("visits.phone.due")} · {due.name}
                  </span>
                ))}
                {unsent > 0 ? (
                  <span className="phone-tag phone-tag-orange">
                    {t("visits.phone.unsentHere", { count: unsent })}
                  </span>
                ) : null}
              </div>
            ) : null}
          </Link>
        );
      })}
    </div>
  );
}
