import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { Readable } from "node:stream";

// An uploaded roster file, wherever it is: on disk (uploads and the CLI, so that a 40 MB workbook
// is never held in memory) or already in memory (tests, small files). Everything that reads a
// roster reads it through here: a few bytes at a position (magic numbers, the zip directory) or a
// stream of the whole.

export interface RosterSource {
  /** The file's name as the user knows it (shown in messages, recorded with the import). */
  readonly name: string;
  size(): Promise<number>;
  /** Up to `length` bytes from `position` (fewer at the end of the file). */
  read(position: number, length: number): Promise<Buffer>;
  /** The whole file, or the bytes from `start` up to (not including) `end`. */
  stream(range?: { start: number; end: number }): Readable;
}

/** A roster file on disk. */
export function fileSource(name: string, path: string): RosterSource {
  return {
    name,
    size: async () => (await stat(path)).size,
    read: async (position, length) => {
      const handle = await open(path, "r");
      try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, position);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    stream: (range) =>
      createReadStream(path, {
        highWaterMark: 256 * 1024,
        ...(range ? { start: range.start, end: range.end - 1 } : {}),
      }),
  };
}

/** A roster file held in memory. */
export function bufferSource(name: string, bytes: Buffer): RosterSource {
  return {
    name,
    size: async () => bytes.length,
    read: async (position, length) => bytes.subarray(position, Math.min(bytes.length, position + length)),
    stream: (range) => Readable.from([range ? bytes.subarray(range.start, range.end) : bytes]),
  };
}

/** The SHA-256 of files (of their concatenation, when an import has two). */
export async function sha256Of(sources: readonly RosterSource[]): Promise<string> {
  const hash = createHash("sha256");
  for (const source of sources) {
    for await (const chunk of source.stream()) hash.update(chunk as Buffer);
  }
  return hash.digest("hex");
}

/** The bytes of all the files. */
export async function sizeOf(sources: readonly RosterSource[]): Promise<number> {
  let size = 0;
  for (const source of sources) size += await source.size();
  return size;
}
