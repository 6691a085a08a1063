// EXPLAIN (ANALYZE, BUFFERS) of the statements a request sent, boiled down to what matters for the
// benchmark: execution time, buffers, and which scans ran (index name, or Seq Scan) with their rows.
import type { Db } from "../src/server/db/db.js";

export interface RecordedQuery {
  sql: string;
  params: readonly unknown[] | undefined;
}

/** A database handle that records the statements sent through it while `recording` is on. */
export function recordingDb(db: Db): { db: Db; start(): void; stop(): RecordedQuery[] } {
  let log: RecordedQuery[] | undefined;
  const wrapped: Db = {
    engine: db.engine,
    query: (sql, params) => {
      log?.push({ sql, params });
      return db.query(sql, params);
    },
    exec: (script) => db.exec(script),
    transaction: (work) => db.transaction(work),
    close: () => db.close(),
  };
  return {
    db: wrapped,
    start: () => {
      log = [];
    },
    stop: () => {
      const taken = log ?? [];
      log = undefined;
      return taken;
    },
  };
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Alias?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Actual Total Time"?: number;
  "Rows Removed by Filter"?: number;
  "Heap Fetches"?: number;
  "Subplan Name"?: string;
  "Parent Relationship"?: string;
  Plans?: PlanNode[];
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Workers?: unknown[];
  "Workers Launched"?: number;
}

interface ExplainResult {
  Plan: PlanNode;
  JIT?: { Timing?: { Total?: number } };
  "Execution Time": number;
  "Planning Time": number;
}

export interface PlanSummary {
  label: string;
  executionMs: number;
  planningMs: number;
  /** Time spent compiling with JIT, included in executionMs (0 when JIT did not run). */
  jitMs: number;
  sharedHit: number;
  sharedRead: number;
  /** One entry per scan node: "Index Scan household_region_idx (household) 21 rows". */
  scans: string[];
  /** The plan as an indented tree, for --plans. */
  tree: string[];
  seqScans: string[];
}

const SCAN_TYPES = /Scan$/;

function describe(node: PlanNode): string {
  const loops = node["Actual Loops"] ?? 1;
  const rows = node["Actual Rows"] ?? 0;
  const target = node["Index Name"]
    ? `${node["Index Name"]}${node["Relation Name"] ? ` on ${node["Relation Name"]}` : ""}`
    : (node["Relation Name"] ?? "");
  const removed = node["Rows Removed by Filter"] ? ` removed=${node["Rows Removed by Filter"]}` : "";
  const rowText = loops > 1 ? `${rows}×${loops}` : `${rows}`;
  return `${node["Node Type"]}${target ? ` ${target}` : ""} rows=${rowText}${removed}`;
}

/** Runs EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) of a recorded statement and summarises it. */
export async function explain(db: Db, label: string, query: RecordedQuery): Promise<PlanSummary> {
  const rows = await db.query<{ "QUERY PLAN": ExplainResult[] | string }>(
    `explain (analyze, buffers, format json) ${query.sql}`,
    query.params,
  );
  const raw = rows[0]!["QUERY PLAN"];
  const result = (typeof raw === "string" ? JSON.parse(raw) : raw)[0] as ExplainResult;
  const scans: string[] = [];
  const seqScans: string[] = [];
  const tree: string[] = [];
  const walk = (node: PlanNode, depth: number) => {
    const time = node["Actual Total Time"] !== undefined ? ` ${node["Actual Total Time"].toFixed(2)}ms` : "";
    const sub = node["Subplan Name"] ? `[${node["Subplan Name"]}] ` : "";
    tree.push(`${"  ".repeat(depth)}${sub}${describe(node)}${time}`);
    if (SCAN_TYPES.test(node["Node Type"]) && (node["Relation Name"] || node["Index Name"])) {
      scans.push(describe(node));
      if (node["Node Type"] === "Seq Scan") seqScans.push(node["Relation Name"] ?? "?");
    }
    for (const child of node.Plans ?? []) walk(child, depth + 1);
  };
  walk(result.Plan, 0);
  return {
    label,
    executionMs: result["Execution Time"],
    planningMs: result["Planning Time"],
    jitMs: result.JIT?.Timing?.Total ?? 0,
    sharedHit: result.Plan["Shared Hit Blocks"] ?? 0,
    sharedRead: result.Plan["Shared Read Blocks"] ?? 0,
    scans,
    tree,
    seqScans,
  };
}

/** A short label for a statement: its first table after "from", or its first words. */
export function labelOf(sql: string): string {
  const compact = sql.replace(/\s+/g, " ").trim();
  if (/^(with .* )?select count\(\*\)::int as total from/i.test(compact)) return "count";
  if (/ as caseworkers from household h/i.test(compact)) return "page";
  const from = /\bfrom (\w+)/i.exec(compact);
  return from ? `from ${from[1]}` : compact.slice(0, 30);
}
