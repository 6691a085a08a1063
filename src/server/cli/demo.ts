import { isDivisionCode, levelOfCode } from "../../shared/division-code.js";
import { ensureDemoCounty } from "../modules/demo/demo.service.js";
import { parseOptions, runCommand, UsageError } from "./cli-support.js";

const USAGE = `Usage: npm run demo -- --county CODE [--seed N]
Loads the county's townships and villages from the official division data and fills it with clearly
marked synthetic staff (usernames d<county>.*, names tagged 演示). Reproducible from the seed; running
it again creates nothing twice. Households arrive with the registry module.`;

await runCommand(USAGE, async (db, args) => {
  const { values } = parseOptions(args, { county: { type: "string" }, seed: { type: "string" } });
  const county = values.county?.trim() ?? "";
  if (!isDivisionCode(county) || levelOfCode(county) !== "county")
    throw new UsageError("--county needs a 12-digit county code");
  const seed = Number(values.seed ?? 2020);
  if (!Number.isInteger(seed)) throw new UsageError("--seed must be a whole number");
  const summary = await ensureDemoCounty(db, { countyCode: county, seed });
  console.log(
    `${summary.countyName} (${summary.countyCode}): ${summary.townships} townships, ${summary.villages} villages, ` +
      `${summary.usersCreated.length} demo users created.`,
  );
  console.log(JSON.stringify({ ...summary, usersCreated: summary.usersCreated.length }));
});
