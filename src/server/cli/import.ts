import { writeFile } from "node:fs/promises";
import { isDivisionCode, levelOfCode } from "../../shared/division-code.js";
import { CountyUnknownError, importRosterFiles, limitHeapGrowth } from "../modules/roster/roster-run.js";
import { parseOptions, runCommand, UsageError } from "./cli-support.js";

const USAGE = `Usage: npm run import -- FILE [FILE2] [--county CODE] [--dry-run] [--only-valid] [--report PATH]
Imports households and members from a roster in the national system's person layout (.xlsx, or
.csv in UTF-8 or GBK) in one transaction. The roster may come as one sheet of people, or as a
household sheet (户表, one row per household) and a person sheet (人表): two sheets of one
workbook, or two files. Without --county the county is read from the file's 县(市、区、旗)
column. A file with any error imports nothing unless --only-valid is given (then a household with
a bad member is skipped whole). --report writes the rows with an added error column.
Prints a JSON summary on its last line; exits 1 when the file is rejected.
With the embedded database, stop the server first (the command refuses while it runs).`;

limitHeapGrowth();

/** For the atomicity test only: pauses inside the transaction after this many chunks, to be killed there. */
const PAUSE_AFTER_CHUNK = Number(process.env.BANGFU_TEST_PAUSE_IMPORT_AFTER_CHUNK ?? 0);

await runCommand(USAGE, async (db, args) => {
  const { positionals, values } = parseOptions(args, {
    county: { type: "string" },
    "dry-run": { type: "boolean" },
    "only-valid": { type: "boolean" },
    report: { type: "string" },
  });
  if (positionals.length === 0 || positionals.length > 2) {
    throw new UsageError("Give one file, or two (a household sheet and a person sheet)");
  }
  const countyCode = values.county?.trim();
  if (countyCode !== undefined && (!isDivisionCode(countyCode) || levelOfCode(countyCode) !== "county")) {
    throw new UsageError("--county needs a 12-digit county code");
  }
  const isDryRun = values["dry-run"] === true;
  const isOnlyValid = values["only-valid"] === true;
  let chunks = 0;
  const imported = await importRosterFiles(db, positionals, {
    countyCode,
    isDryRun,
    isOnlyValid,
    wantsReport: values.report !== undefined,
    onProgress: ({ phase, done, total }) => {
      process.stderr.write(
        `\r${phase === "reading" ? "读取" : phase === "checking" ? "检查" : "写入"} ${done}${total ? `/${total}` : ""}   `,
      );
    },
    afterChunk: PAUSE_AFTER_CHUNK
      ? async (written) => {
          chunks += 1;
          if (chunks < PAUSE_AFTER_CHUNK) return;
          process.stderr.write(`\nPAUSED INSIDE THE TRANSACTION after ${written} households\n`);
          await new Promise(() => undefined);
        }
      : undefined,
  }).catch((error: unknown) => {
    if (error instanceof CountyUnknownError) throw new UsageError(error.message);
    throw error;
  });
  process.stderr.write("\n");
  const { summary } = imported;
  const { problems, ...rest } = summary;
  if (values.report && imported.report) await writeFile(values.report, imported.report);
  for (const problem of problems.slice(0, 50)) {
    const sheet = summary.householdSheet ? `［${problem.sheet}］` : "";
    console.log(`${sheet}第${problem.row}行 【${problem.column}】“${problem.value}”：${problem.reason}`);
  }
  if (summary.problemCount > 50) console.log(`……共 ${summary.problemCount} 处问题`);
  if (summary.message) console.log(summary.message);
  console.log(
    JSON.stringify({
      ...rest,
      countyCode: imported.countyCode,
      importId: imported.importId,
      isDryRun,
      isOnlyValid,
      errors: summary.problemCount,
    }),
  );
  // runCommand exits 1 on a throw; the summary above stays the last line of standard output.
  if (summary.status === "rejected") throw new Error(`导入被拒绝：${summary.message ?? ""}`);
});
