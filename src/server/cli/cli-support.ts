import { parseArgs } from "node:util";
import { readConfig } from "../config.js";
import { DataDirBusyError } from "../db/data-dir-lock.js";
import type { Db } from "../db/db.js";
import { openConfiguredDb } from "../db/open-configured.js";

/** Thrown for a wrong command line; printed with the usage text. */
export class UsageError extends Error {}

/** Parses `--name value` options; unknown options are a UsageError. */
export function parseOptions<T extends Record<string, { type: "string" | "boolean"; multiple?: boolean }>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Reads all of standard input (for passwords piped in); undefined when stdin is a terminal. */
export async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0];
}

/**
 * Runs a command against the configured database and exits: 0 on success, 1 on failure,
 * 2 for usage errors or when a running server holds the embedded data directory.
 */
export async function runCommand(
  usage: string,
  command: (db: Db, args: string[]) => Promise<void>,
): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    return;
  }
  let db: Db | undefined;
  try {
    db = await openConfiguredDb(readConfig());
    await command(db, args);
    await db.close();
    process.exit(0);
  } catch (error) {
    await db?.close().catch(() => undefined);
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${usage}`);
      process.exit(2);
    }
    if (error instanceof DataDirBusyError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
