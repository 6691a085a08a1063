// COPY TO STDOUT / FROM STDIN with node-postgres, without pg-copy-streams: pg accepts any object
// with a submit(connection) method as a query and hands it the copy messages of the protocol
// (CopyInResponse, CopyData), so a few lines do what the benchmark needs. Whole tables are held in
// memory on the way through; fine for a benchmark, not for the application.
import type pg from "pg";

interface Connection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

/** One COPY statement as a pg "submittable". */
class CopyStatement {
  private error: Error | undefined;
  readonly received: Buffer[] = [];
  readonly done: Promise<void>;
  private settle!: (error?: Error) => void;

  constructor(
    private readonly text: string,
    private readonly sending: readonly Buffer[] = [],
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve());
    });
  }

  submit(connection: Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: Connection): void {
    for (const chunk of this.sending) connection.sendCopyFromChunk(chunk);
    connection.endCopyFrom();
  }

  handleCopyData(message: { chunk: Buffer }): void {
    // The parser reuses its buffer: keep a copy.
    this.received.push(Buffer.from(message.chunk));
  }

  handleError(error: Error): void {
    // pg forgets the statement on an error: no ReadyForQuery reaches it afterwards.
    this.error = error;
    this.settle(error);
  }

  handleReadyForQuery(): void {
    this.settle(this.error);
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}

/** Runs `copy … to stdout` and returns what the server sent. */
export async function copyOut(client: pg.Client, text: string): Promise<Buffer[]> {
  const statement = new CopyStatement(text);
  client.query(statement as unknown as pg.QueryConfig);
  await statement.done;
  // One CopyData message per row: sent back in blocks of about a megabyte.
  const blocks: Buffer[] = [];
  let pending: Buffer[] = [];
  let size = 0;
  for (const chunk of statement.received) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= 1024 * 1024) {
      blocks.push(Buffer.concat(pending));
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) blocks.push(Buffer.concat(pending));
  return blocks;
}

/** Runs `copy … from stdin` with the given data. */
export async function copyIn(client: pg.Client, text: string, chunks: readonly Buffer[]): Promise<void> {
  const statement = new CopyStatement(text, chunks);
  client.query(statement as unknown as pg.QueryConfig);
  await statement.done;
}
