// Imports run as background jobs inside the server process, one at a time (a big roster holds a
// few hundred MB while it is read and planned, and PGlite serialises writers anyway), so they
// survive the browser tab closing. Status and counts live in roster_import; the progress of the running job
// is also kept here, because while its one write transaction is open nothing else can reach the
// embedded database, and a poll must still be answered from somewhere.

export interface JobProgress {
  phase: "reading" | "checking" | "writing";
  done: number;
  total?: number;
}

/** The server's import jobs: a queue of one, and the progress of the job running. */
export class ImportJobs {
  private tail: Promise<void> = Promise.resolve();
  private readonly progressById = new Map<string, JobProgress>();
  private readonly pendingById = new Map<string, Promise<void>>();

  /**
   * Queues `work` for import `id`. It must record its own outcome (and failures) in the database;
   * whatever it throws is passed to `onFailure`, which must not throw.
   */
  run(
    id: string,
    work: (report: (progress: JobProgress) => void) => Promise<void>,
    onFailure: (error: unknown) => Promise<void>,
  ): void {
    const job = this.tail.then(async () => {
      this.progressById.set(id, { phase: "reading", done: 0 });
      try {
        await work((progress) => this.progressById.set(id, progress));
      } catch (error) {
        await onFailure(error).catch(() => undefined);
      } finally {
        this.progressById.delete(id);
        this.pendingById.delete(id);
      }
    });
    this.tail = job;
    this.pendingById.set(id, job);
  }

  /** The running job's progress, if `id` is running now. */
  progressOf(id: string): JobProgress | undefined {
    return this.progressById.get(id);
  }

  /** Resolves when import `id` has finished (at once when it is not queued). */
  async settled(id: string): Promise<void> {
    await this.pendingById.get(id);
  }

  /** Resolves when every queued job has finished (server shutdown, tests). */
  async idle(): Promise<void> {
    await this.tail;
  }
}
