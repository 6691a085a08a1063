import { type FileHandle, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The rows of a file being imported, parked on disk between reading and planning. Reading a
// workbook is one pass in file order, but planning goes household by household, and a household's
// rows may be anywhere in the file (or in two sheets): instead of holding 350,000 rows in memory
// the reader appends each as one line here under its index (the book numbers the rows; a row kept
// in memory for a while may be parked later, so indexes come in any order), and the planner reads
// a batch of households' rows back (one read per run of rows lying close together in the file: a
// file sorted by household is read straight through).

const FLUSH_BYTES = 1024 * 1024;
/** Rows this close together in the file (bytes apart) are read in one go rather than one by one. */
const RUN_GAP_BYTES = 16 * 1024;

export class RowSpill {
  /** Where each row starts in the file, and where it ends (-1: not parked). */
  private starts = new Float64Array(1024).fill(-1);
  private ends = new Float64Array(1024);
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

  /** How many rows were parked. */
  get size(): number {
    return this.count;
  }

  /** Whether the row with this index is parked here. */
  has(index: number): boolean {
    return index < this.starts.length && this.starts[index]! >= 0;
  }

  /**
   * Parks one row (its text) under its index, once. Synchronous: a full block is handed to the
   * file in the background (flush and read wait for it), so parking a row costs no promise.
   */
  append(index: number, text: string): void {
    if (this.has(index)) throw new Error(`row ${index} is parked already`);
    if (index >= this.starts.length) {
      let length = this.starts.length * 2;
      while (index >= length) length *= 2;
      const starts = new Float64Array(length).fill(-1);
      starts.set(this.starts);
      const ends = new Float64Array(length);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    const start = this.written + this.pendingBytes;
    this.pending += text;
    this.pendingBytes += Buffer.byteLength(text, "utf8");
    this.starts[index] = start;
    this.ends[index] = this.written + this.pendingBytes;
    this.count += 1;
    if (this.pendingBytes >= FLUSH_BYTES) this.send();
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

  /** The rows at these indexes (each parked), in the order asked. */
  async read(indexes: readonly number[]): Promise<string[]> {
    await this.flush();
    for (const index of indexes) if (!this.has(index)) throw new Error(`row ${index} is not parked`);
    const sorted = [...new Set(indexes)].sort((a, b) => this.starts[a]! - this.starts[b]!);
    const texts = new Map<number, string>();
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      let end = this.ends[sorted[i]!]!;
      while (j + 1 < sorted.length && this.starts[sorted[j + 1]!]! - end <= RUN_GAP_BYTES) {
        j += 1;
        end = Math.max(end, this.ends[sorted[j]!]!);
      }
      const start = this.starts[sorted[i]!]!;
      const block = Buffer.alloc(end - start);
      await this.handle.read(block, 0, block.length, start);
      for (let k = i; k <= j; k += 1) {
        const index = sorted[k]!;
        texts.set(index, block.toString("utf8", this.starts[index]! - start, this.ends[index]! - start));
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
