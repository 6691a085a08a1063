import { type FileHandle, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The rows of a file being imported, parked on disk between reading and planning. Reading a
// workbook is one pass in file order, but planning goes household by household, and a household's
// rows may be anywhere in the file (or in two sheets): instead of holding 350,000 rows in memory
// the reader appends each as one line here and keeps only its position, and the planner reads a
// batch of households' rows back (one read per run of neighbouring rows: a file sorted by household
// is read straight through).

const FLUSH_BYTES = 1024 * 1024;
/** Rows this close together are read in one go rather than one by one. */
const RUN_GAP = 32;

export class RowSpill {
  private offsets = new Float64Array(1024);
  private count = 0;
  private written = 0;
  private pending = "";
  private pendingBytes = 0;
  /** The writes sent to the file, one after another; the first failure is kept for flush and read. */
  private writing: Promise<void> = Promise.resolve();
  private failure: unknown;

  private constructor(
    private readonly dir: string,
    private readonly handle: FileHandle,
  ) {}

  /** A new spill file in its own directory under `parent` (default: the system's temporary directory). */
  static async create(parent = tmpdir()): Promise<RowSpill> {
    const dir = await mkdtemp(join(parent, "bangfu-roster-rows-"));
    const handle = await open(join(dir, "rows"), "w+", 0o600);
    return new RowSpill(dir, handle);
  }

  /** How many rows were appended. */
  get size(): number {
    return this.count;
  }

  /**
   * Appends one row (its text); returns its index. Synchronous: a full block is handed to the file
   * in the background (flush and read wait for it), so appending a row costs no promise.
   */
  append(text: string): number {
    const length = Buffer.byteLength(text, "utf8");
    if (this.count + 1 >= this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    const index = this.count;
    this.offsets[index] = this.written + this.pendingBytes;
    this.count += 1;
    this.pending += text;
    this.pendingBytes += length;
    this.offsets[this.count] = this.written + this.pendingBytes;
    if (this.pendingBytes >= FLUSH_BYTES) this.send();
    return index;
  }

  /** Hands the buffered rows to the file, in the background. */
  private send(): void {
    if (this.pendingBytes === 0) return;
    const block = Buffer.from(this.pending, "utf8");
    const at = this.written;
    this.pending = "";
    this.written += block.length;
    this.pendingBytes = 0;
    this.writing = this.writing.then(async () => {
      if (this.failure !== undefined) return;
      try {
        await this.handle.write(block, 0, block.length, at);
      } catch (error) {
        this.failure = error;
      }
    });
  }

  /** Writes out what is buffered and waits for every write; call once after the last append. */
  async flush(): Promise<void> {
    this.send();
    await this.writing;
    if (this.failure !== undefined) throw this.failure;
  }

  /** The rows at these indexes, in the order asked. */
  async read(indexes: readonly number[]): Promise<string[]> {
    await this.flush();
    const sorted = [...new Set(indexes)].sort((a, b) => a - b);
    const texts = new Map<number, string>();
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && sorted[j + 1]! - sorted[j]! <= RUN_GAP) j += 1;
      const first = sorted[i]!;
      const last = sorted[j]!;
      const start = this.offsets[first]!;
      const length = this.offsets[last + 1]! - start;
      const block = Buffer.alloc(length);
      await this.handle.read(block, 0, length, start);
      for (let k = i; k <= j; k += 1) {
        const index = sorted[k]!;
        texts.set(
          index,
          block.toString("utf8", this.offsets[index]! - start, this.offsets[index + 1]! - start),
        );
      }
      i = j + 1;
    }
    return indexes.map((index) => texts.get(index)!);
  }

  /** Deletes the spill file. */
  async close(): Promise<void> {
    await this.writing;
    await this.handle.close().catch(() => undefined);
    await rm(this.dir, { recursive: true, force: true });
  }
}
