// Runs a command (the database test suite) against a real PostgreSQL server when one is reachable.
// Each test file creates and drops its own database there. Without a server the run is skipped
// with a note, except in CI (CI=true), where a missing server is a failure.
import { spawnSync } from "node:child_process";
import pg from "pg";

const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  const { rows } = await client.query("show server_version_num");
  await client.end();
  if (Number(rows[0].server_version_num) < 150000) {
    console.error("PostgreSQL 15 or newer is required for the PostgreSQL test run.");
    process.exit(1);
  }
} catch (error) {
  const message = `PostgreSQL is not reachable at ${url.replace(/\/\/[^@]*@/, "//")}: ${error.message}`;
  if (process.env.CI === "true") {
    console.error(message);
    process.exit(1);
  }
  console.warn(`${message}\nSkipping the PostgreSQL run of the database tests (PGlite run still counts).`);
  process.exit(0);
}
const [command, ...args] = process.argv.slice(2);
const result = spawnSync("npx", [command, ...args], {
  stdio: "inherit",
  env: { ...process.env, TEST_DB: "postgres", TEST_DATABASE_URL: url },
});
process.exit(result.status ?? 1);
