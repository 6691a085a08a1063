import { isDivisionCode, levelOfCode } from "../../shared/division-code.js";
import { loadOfficialRegions } from "../modules/regions/regions.loader.js";
import { parseOptions, runCommand, UsageError } from "./cli-support.js";

const USAGE = `Usage: npm run regions -- load --county CODE [--county CODE ...]
Loads the townships and villages of more counties from the official division-code data package.
Existing regions (and local additions or renames) are left as they are.`;

await runCommand(USAGE, async (db, args) => {
  const { positionals, values } = parseOptions(args, { county: { type: "string", multiple: true } });
  if (positionals[0] !== "load") throw new UsageError(`Unknown command: ${positionals[0] ?? "(none)"}`);
  const counties = values.county ?? [];
  if (counties.length === 0) throw new UsageError("Name at least one --county");
  for (const code of counties) {
    if (!isDivisionCode(code) || levelOfCode(code) !== "county")
      throw new UsageError(`Not a county code: ${code}`);
  }
  const inserted = await loadOfficialRegions(db, counties);
  console.log(JSON.stringify({ counties, inserted }));
});
