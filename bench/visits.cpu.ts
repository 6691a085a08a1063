// CPU time by whom, from /proc (Linux; elsewhere every figure is null): this process's main thread
// (the servers), its other threads (the load generator) and every PostgreSQL process on this
// machine (the backends serving the pool, the writer, the WAL writer...). In clock ticks, 1/100 s.
import { readdirSync, readFileSync } from "node:fs";

export interface CpuSnapshot {
  mainMs: number;
  processMs: number;
  postgresMs: number;
}

const TICK_MS = 10;

/** utime + stime of a /proc/.../stat line, in ms (the fields after the parenthesised name). */
function statMs(path: string): number {
  const text = readFileSync(path, "utf8");
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

function postgresMs(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres")
        total += statMs(`/proc/${entry}/stat`);
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

export function cpuSnapshot(): CpuSnapshot | null {
  try {
    return {
      mainMs: statMs(`/proc/self/task/${process.pid}/stat`),
      processMs: statMs("/proc/self/stat"),
      postgresMs: postgresMs(),
    };
  } catch {
    return null;
  }
}

/** CPU µs per request between two snapshots: the servers' thread, the load generator, PostgreSQL. */
export function cpuPerRequest(before: CpuSnapshot | null, after: CpuSnapshot | null, requests: number) {
  if (before === null || after === null || requests === 0) return null;
  const us = (ms: number) => (ms * 1000) / requests;
  const main = after.mainMs - before.mainMs;
  return {
    server: us(main),
    load: us(after.processMs - before.processMs - main),
    postgres: us(after.postgresMs - before.postgresMs),
  };
}
