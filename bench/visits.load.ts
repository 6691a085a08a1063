// The load generator of visits.bench.ts, in a worker thread so that it does not share the server's
// event loop: `concurrency` clients each send one request after another for `seconds`, over
// keep-alive connections, and the latency of every answer is recorded.
import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  concurrency: number;
  seconds: number;
  /** Households (with one member each) the visits go to, picked in turn. */
  targets: { householdId: string; memberId: string }[];
}

export interface LoadResult {
  latenciesMs: number[];
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
}

function visitBody(target: { householdId: string; memberId: string }): string {
  return JSON.stringify({
    id: randomUUID(),
    householdId: target.householdId,
    kind: "phone",
    visitedOn: "2020-02-10",
    metWith: "户主",
    indicators: [
      { code: "food", isMet: true, note: "" },
      { code: "housing", isMet: true, note: "" },
    ],
    problems: [{ kind: "supplies", note: "缺口罩" }],
    memberStatuses: [
      { memberId: target.memberId, status: "home_isolation", since: "2020-02-01", until: null },
    ],
    recordedAt: "2020-02-10T10:00:00+08:00",
  });
}

async function run(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const url = new URL(job.url);
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  const send = () =>
    new Promise<void>((resolve) => {
      const body = visitBody(job.targets[next++ % job.targets.length]!);
      const began = performance.now();
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            ...job.headers,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latenciesMs.push(performance.now() - began);
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < deadline) await send();
    }),
  );
  agent.destroy();
  return { latenciesMs, errors, statuses, seconds: (performance.now() - started) / 1000 };
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as LoadJob).then((result) => port.postMessage(result));
}
