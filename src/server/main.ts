import { join } from "node:path";
import { buildApp } from "./app.js";
import { bootstrap } from "./bootstrap.js";
import { readConfig } from "./config.js";
import { DataDirBusyError } from "./db/data-dir-lock.js";
import { openConfiguredDb } from "./db/open-configured.js";
import { startAuditSealing } from "./modules/audit/audit-seal.js";
import { startRollupCompaction } from "./modules/dashboard/dashboard.service.js";
import { ensureDemoCounty } from "./modules/demo/demo.service.js";
import { startEvaluationDrain } from "./modules/monitoring/monitoring-queue.js";
import { markInterruptedImports } from "./modules/roster/roster.queries.js";
import { limitHeapGrowth } from "./modules/roster/roster-run.js";
import { removeStaleWorkDirs } from "./modules/roster/roster-upload.js";
import { projectRoot } from "./paths.js";

async function main(): Promise<void> {
  const config = readConfig();
  const db = await openConfiguredDb(config);
  const firstStart = await bootstrap(db, config.demoCountyCode);
  // Imports that were running when the server last stopped never committed: say so in their history,
  // and remove what a killed process left in the temporary directory.
  await markInterruptedImports(db);
  await removeStaleWorkDirs();
  // A roster import reads and plans 350,000 rows in this process: keep the heap near what it holds.
  limitHeapGrowth();
  // The dashboard's sums: fold what writers appended, so reads stay short.
  startRollupCompaction(db);
  // The audit trail: link what writers appended (unsealed, with no chain lock) into each county's chain.
  startAuditSealing(db);
  // Monitoring rules for households changed by imports and visits: evaluated in the background.
  startEvaluationDrain(db);
  if (firstStart.adminPassword)
    await ensureDemoCounty(db, { countyCode: config.demoCountyCode, seed: 2020, withMonitoring: true });
  const app = await buildApp({ db, config, webDir: join(projectRoot, "dist", "web"), isLogging: true });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.dataDir}`;
  console.log(`\nBangfu 帮扶 is running at ${url}\nDatabase: ${where}`);
  if (firstStart.adminPassword) {
    console.log(
      `\nFirst start: sign in as\n  username: admin\n  password: ${firstStart.adminPassword}\n` +
        "This one-time password is shown only now; you will be asked to change it at first sign-in.\n" +
        "Lost it? Stop the server and run: npm run user -- reset-password --username admin\n",
    );
  }
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof DataDirBusyError ? error.message : error);
  process.exit(1);
});
