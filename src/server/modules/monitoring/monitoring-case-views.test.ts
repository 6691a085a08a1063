import { describe, expect, it } from "vitest";
import type { CaseDetail } from "../../../shared/api/monitoring-cases.api.js";
import {
  agents,
  openFromAlert,
  otherCadre,
  outsider,
  setUpCases,
  step,
  TOWNSHIP,
  t,
  take,
} from "../../test/monitoring-case-fixture.js";
import { JING_COUNTY } from "../../test/test-app.js";

// Case deadlines (configurable, overdue flags, late steps recorded), scoped lists, the inbox of
// cases awaiting a role, and the county view adding up to the cases stored.

setUpCases();

describe("deadlines", () => {
  it("are configurable, flag overdue cases and record steps taken late", async () => {
    const bad = await agents.administrator.request("PUT", "/api/monitoring/settings", {
      countyCode: JING_COUNTY,
      deadlines: {
        verification: 0,
        village_review: 4,
        township_review: 4,
        county_decision: 4,
        elimination_village_review: 5,
        elimination_township_review: 5,
        elimination_county_decision: 5,
      },
      watchMonths: 12,
      version: 0,
    });
    expect(bad.statusCode).toBe(400);
    const saved = await agents.administrator.request("PUT", "/api/monitoring/settings", {
      countyCode: JING_COUNTY,
      deadlines: {
        verification: 2,
        village_review: 4,
        township_review: 4,
        county_decision: 5,
        elimination_village_review: 5,
        elimination_township_review: 5,
        elimination_county_decision: 5,
      },
      watchMonths: 24,
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      (
        await agents.township_officer.request("PUT", "/api/monitoring/settings", {
          ...(saved.json() as Record<string, unknown>),
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    const { case: opened } = await openFromAlert();
    const inTwoDays = new Date();
    inTwoDays.setUTCDate(inTwoDays.getUTCDate() + 2);
    expect(opened.stageDueOn).toBe(inTwoDays.toISOString().slice(0, 10));
    expect(opened.isOverdue).toBe(false);
    await t.db.query("update monitoring_case set stage_due_on = current_date - 1 where id = $1", [opened.id]);
    const overdue = await agents.administrator.request("GET", "/api/monitoring/cases?isOverdue=true");
    expect((overdue.json() as { rows: { id: string }[] }).rows.map((r) => r.id)).toContain(opened.id);
    const verified = await step(agents.caseworker, opened.id, "verify", opened.version);
    expect((verified.json() as CaseDetail).steps.at(-1)!.wasOverdue).toBe(true);
  });

  it("lists cases to those in scope only", async () => {
    const mine = await agents.caseworker.request("GET", "/api/monitoring/cases");
    expect((mine.json() as { total: number }).total).toBeGreaterThan(0);
    const theirs = await otherCadre.request("GET", "/api/monitoring/cases");
    expect((theirs.json() as { total: number }).total).toBe(0);
    const pengxi = await outsider.request("GET", "/api/monitoring/cases");
    expect((pengxi.json() as { total: number }).total).toBe(0);
  });
});

describe("views", () => {
  it("an inbox of cases awaiting the user's role, and a county view that adds up", async () => {
    // One case identified as marginal (边缘易致贫户), for the view by type.
    const { case: first } = await openFromAlert();
    let c = await take(first, "verify", "village_cadre", "village_review");
    c = await take(c, "approve", "village_cadre", "township_review");
    c = await take(c, "approve", "township_officer", "county_decision");
    await take(c, "identify", "administrator", "monitored");
    const { case: opened } = await openFromAlert();
    const village = await step(agents.village_cadre, opened.id, "verify", opened.version);
    expect(village.statusCode).toBe(200);
    const forCadre = await agents.village_cadre.request(
      "GET",
      "/api/monitoring/cases?awaitingMe=true&pageSize=200",
    );
    const cadreRows = (forCadre.json() as { rows: { id: string; stage: string }[] }).rows;
    expect(cadreRows.map((r) => r.id)).toContain(opened.id);
    expect(new Set(cadreRows.map((r) => r.stage)).has("county_decision")).toBe(false);
    const forTownship = await agents.township_officer.request(
      "GET",
      "/api/monitoring/cases?awaitingMe=true&pageSize=200",
    );
    expect((forTownship.json() as { rows: { id: string }[] }).rows.map((r) => r.id)).not.toContain(opened.id);

    const response = await agents.administrator.request("GET", "/api/monitoring/overview");
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json() as {
      byStage: { stage: string; count: number; overdue: number }[];
      byRegion: { regionCode: string; active: number; overdue: number; openAlerts: number }[];
      byType: { monitoringType: string; count: number }[];
      trend: { month: string; opened: number }[];
      openAlerts: number;
    };
    const [counts] = await t.db.query<{ cases: number; overdue: number; alerts: number; active: number }>(
      `select count(*)::int as cases, count(*) filter (where stage_due_on < current_date)::int as overdue,
         count(*) filter (where stage not in ('closed', 'rejected'))::int as active,
         (select count(*)::int from monitoring_alert where status = 'open') as alerts
       from monitoring_case`,
    );
    expect(overview.byStage.reduce((n, r) => n + r.count, 0)).toBe(counts!.cases);
    expect(overview.byStage.reduce((n, r) => n + r.overdue, 0)).toBe(counts!.overdue);
    expect(overview.byRegion).toEqual([
      expect.objectContaining({ regionCode: TOWNSHIP, active: counts!.active, openAlerts: counts!.alerts }),
    ]);
    expect(overview.openAlerts).toBe(counts!.alerts);
    expect(overview.trend).toHaveLength(12);
    expect(overview.trend.at(-1)!.opened).toBe(counts!.cases);
    expect(overview.byType).toEqual([{ monitoringType: "marginal", count: 1, overdue: 0 }]);
    expect((await agents.caseworker.request("GET", "/api/monitoring/overview")).statusCode).toBe(403);
    expect(
      (await outsider.request("GET", `/api/monitoring/overview?regionCode=${JING_COUNTY}`)).statusCode,
    ).toBe(403);
  });
});
