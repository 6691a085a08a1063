import { verifyAuditTrail } from "../modules/audit/audit-verify.js";
import { runCommand } from "./cli-support.js";

const USAGE = `Usage: npm run audit:verify
Recomputes every audit chain and reports entries that were changed, removed or reordered.
Exits 0 when the whole trail is intact, 1 otherwise.`;

await runCommand(USAGE, async (db) => {
  const result = await verifyAuditTrail(db);
  if (result.sealingError) console.log(`sealing the entries not yet chained failed: ${result.sealingError}`);
  for (const problem of result.problems) {
    console.log(`chain ${problem.chainCode} entry ${problem.seq}: ${problem.problem}`);
  }
  console.log(
    JSON.stringify({ chains: result.chains, events: result.events, problems: result.problems.length }),
  );
  if (result.problems.length > 0 || result.sealingError)
    throw new Error("The audit trail has been tampered with.");
  console.log("Audit trail intact.");
});
