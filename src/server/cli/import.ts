import { readFile, writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { isDivisionCode, levelOfCode } from "../../shared/division-code.js";
import { findCounties } from "../modules/roster/roster.queries.js";
import { recordImport } from "../modules/roster/roster.service.js";
import { importRoster } from "../modules/roster/roster-import.js";
import { readRosterFile } from "../modules/roster/roster-read.js";
import { writeErrorReport } from "../modules/roster/roster-report.js";
import { parseOptions, runCommand, UsageError } from "./cli-support.js";

const USAGE = `Usage: npm run import -- FILE [--county CODE] [--dry-run] [--only-valid] [--report PATH]
Imports households and members from a roster in the national system's person layout (.xlsx, or
.csv in UTF-8 or GBK) in one transaction. Without --county the county is read from the file's
县(市、区、旗) column. A file with any error imports nothing unless --only-valid is given (then a
household with a bad member is skipped whole). --report writes the rows with an added error column.
Prints a JSON summary on its last line; exits 1 when the file is rejected.
With the embedded database, stop the server first (the command refuses while it runs).`;

const CLI_ORIGIN = { ip: null, userAgent: "bangfu-cli" };

await runCommand(USAGE, async (db, args) => {
  const { positionals, values } = parseOptions(args, {
    county: { type: "string" },
    "dry-run": { type: "boolean" },
    "only-valid": { type: "boolean" },
    report: { type: "string" },
  });
  const [path] = positionals;
  if (!path || positionals.length > 1) throw new UsageError("Give exactly one file to import");
  const bytes = await readFile(path).catch(() => {
    throw new UsageError(`Cannot read ${path}`);
  });
  const fileName = basename(path);
  let countyCode = values.county?.trim();
  if (countyCode !== undefined && (!isDivisionCode(countyCode) || levelOfCode(countyCode) !== "county")) {
    throw new UsageError("--county needs a 12-digit county code");
  }
  const isDryRun = values["dry-run"] === true;
  const isOnlyValid = values["only-valid"] === true;
  if (!countyCode) {
    const file = await readRosterFile(bytes, fileName);
    const name = file.ok ? file.rows.find((row) => row.text.county)?.text.county : undefined;
    const counties = name ? await findCounties(db, name) : [];
    if (counties.length !== 1) {
      throw new UsageError(
        name
          ? `The file names county “${name}”, which matches ${counties.length} counties: give --county`
          : "The file has no 县(市、区、旗) column: give --county",
      );
    }
    countyCode = counties[0]!.code;
  }
  const summary = await importRoster(db, bytes, {
    countyCode,
    fileName,
    isDryRun,
    isOnlyValid,
    actor: null,
    origin: CLI_ORIGIN,
    isInScope: () => true,
    onProgress: ({ phase, done, total }) => {
      process.stderr.write(
        `\r${phase === "reading" ? "读取" : "写入"} ${done}${total ? `/${total}` : ""}   `,
      );
    },
  });
  process.stderr.write("\n");
  const { plan: _plan, problems, ...rest } = summary;
  await recordImport(db, bytes, { countyCode, fileName, summary, actorId: null, actorUsername: "cli" });
  if (values.report && problems.length > 0) {
    await writeFile(values.report, await writeErrorReport(bytes, fileName, problems));
  }
  for (const problem of problems.slice(0, 50)) {
    console.log(`第${problem.row}行 【${problem.column}】“${problem.value}”：${problem.reason}`);
  }
  if (problems.length > 50) console.log(`……共 ${problems.length} 处问题`);
  if (summary.message) console.log(summary.message);
  console.log(JSON.stringify({ ...rest, countyCode, isDryRun, isOnlyValid, errors: problems.length }));
  // runCommand exits 1 on a throw; the summary above stays the last line of standard output.
  if (summary.status === "rejected") throw new Error(`导入被拒绝：${summary.message ?? ""}`);
});
