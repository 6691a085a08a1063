// The project's openPglite (src/server/db/db.ts) with the pg_trgm extension loaded, for measuring
// the trigram name search on PGlite (--list-query candidate-trgm). Adopting that search means
// adding `extensions: { pg_trgm }` to openPglite itself.
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { Db } from "../src/server/db/db.js";

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

export async function openPgliteWithTrgm(dataDir: string | undefined): Promise<Db> {
  const lite = new PGlite(dataDir, {
    parsers: {
      [INT8]: (value: string) => Number(value),
      [DATE]: (v: string) => v,
      [NUMERIC]: (v: string) => v,
    },
    extensions: { pg_trgm },
  });
  await lite.waitReady;
  const run = async <Row>(q: Pick<PGlite, "query">, sql: string, params?: readonly unknown[]) =>
    (await q.query<Row>(sql, params ? [...params] : undefined)).rows;
  return {
    engine: "pglite",
    query: (sql, params) => run(lite, sql, params),
    transaction: (work) =>
      lite.transaction((tx) =>
        work({
          query: (sql, params) => run(tx, sql, params),
          exec: async (script) => {
            await tx.exec(script);
          },
        }),
      ),
    exec: async (script) => {
      await lite.exec(script);
    },
    close: () => lite.close(),
  };
}
