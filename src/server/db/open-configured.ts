import type { Config } from "../config.js";
import { lockDataDir } from "./data-dir-lock.js";
import { type Db, openDb } from "./db.js";
import { migrate } from "./migrate.js";

/**
 * Opens and migrates the configured database; for the embedded one, first claims its data
 * directory (throws DataDirBusyError when a server or another command holds it).
 */
export async function openConfiguredDb(config: Pick<Config, "databaseUrl" | "dataDir">): Promise<Db> {
  const release = config.databaseUrl ? () => undefined : lockDataDir(config.dataDir);
  try {
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrate(db);
    return {
      ...db,
      close: async () => {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
