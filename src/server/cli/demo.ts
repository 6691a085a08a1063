import { isDivisionCode, levelOfCode } from "../../shared/division-code.js";
import { DEFAULT_DEMO_HOUSEHOLDS, ensureDemoCounty } from "../modules/demo/demo.service.js";
import { MAX_DEMO_HOUSEHOLDS } from "../modules/demo/demo-households.js";
import { parseOptions, runCommand, UsageError } from "./cli-support.js";

const USAGE = `Usage: npm run demo -- --county CODE [--households N] [--seed S]
Loads the county's townships and villages from the official division data and fills it with clearly
marked synthetic data:
- staff: usernames d<county>.*, names tagged 演示, random passwords (reset one to sign in);
- N registered households (default ${DEFAULT_DEMO_HOUSEHOLDS}, at most ${MAX_DEMO_HOUSEHOLDS}) with members, income,
  causes and status drawn from realistic distributions, a few with data-quality warnings, the
  village's demo caseworker assigned. Household numbers are <village code>9<5-digit index>, each
  household's first version has the reason 演示数据, addresses end in （演示）, phones are in the 170
  block and bank accounts start 629999;
- last year's default monitoring rules (unless the county has rules of that year) and a sweep with
  them, so the monitoring screens open on the alerts those households raise.
Reproducible from the seed (default 2020; ages are counted from 1 January of the current year).
Running it again creates nothing twice; a larger N adds only the households not yet there.`;

await runCommand(USAGE, async (db, args) => {
  const { values } = parseOptions(args, {
    county: { type: "string" },
    seed: { type: "string" },
    households: { type: "string" },
  });
  const county = values.county?.trim() ?? "";
  if (!isDivisionCode(county) || levelOfCode(county) !== "county")
    throw new UsageError("--county needs a 12-digit county code");
  const seed = Number(values.seed ?? 2020);
  if (!Number.isInteger(seed)) throw new UsageError("--seed must be a whole number");
  const households = Number(values.households ?? DEFAULT_DEMO_HOUSEHOLDS);
  if (!Number.isInteger(households) || households < 0 || households > MAX_DEMO_HOUSEHOLDS)
    throw new UsageError(`--households must be a whole number from 0 to ${MAX_DEMO_HOUSEHOLDS}`);
  const started = Date.now();
  const summary = await ensureDemoCounty(db, { countyCode: county, seed, households, withMonitoring: true });
  const h = summary.households;
  console.log(
    `${summary.countyName} (${summary.countyCode}): ${summary.townships} townships, ${summary.villages} villages, ` +
      `${summary.usersCreated.length} demo users created; ${h.created} demo households (${h.members} members, ` +
      `${h.withWarnings} with warnings, ${h.assigned} with a caseworker) created, ${h.existing} already there` +
      `${h.skipped > 0 ? `, ${h.skipped} skipped (a member is already in another household)` : ""}, ` +
      `${summary.openAlerts ?? 0} monitoring alerts open, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  console.log(JSON.stringify({ ...summary, usersCreated: summary.usersCreated.length }));
});
