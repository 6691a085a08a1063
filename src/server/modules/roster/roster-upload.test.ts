import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { receiveUpload, removeStaleWorkDirs } from "./roster-upload.js";

// Uploads go to a temporary directory as they arrive: the raw body as one file, or the file fields
// of a multipart form, however the network cuts the stream.

const BOUNDARY = "----bangfu7MA4YWxkTrZu0gW";

/** A multipart/form-data body as a browser sends it for a FormData with these parts. */
function formOf(parts: { name: string; fileName?: string; content: Buffer }[]): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.fileName
      ? `form-data; name="${part.name}"; filename="${part.fileName}"`
      : `form-data; name="${part.name}"`;
    pieces.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      part.content,
      Buffer.from("\r\n"),
    );
  }
  pieces.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(pieces);
}

/** The body as a stream of pieces of `size` bytes. */
const streamOf = (body: Buffer, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(body.length / size) }, (_, i) => body.subarray(i * size, (i + 1) * size)),
  );

describe("receiving an upload", () => {
  // Contents that look like the form's own syntax near the edges of a part.
  const households = Buffer.concat([
    Buffer.from("户编号,户主姓名\r\n--"),
    Buffer.alloc(3000, 0x41),
    Buffer.from(`\r\n-${BOUNDARY}`),
  ]);
  const members = Buffer.from(`\r\n--${BOUNDARY.slice(0, 10)}人表\r\n\r\n`);
  const body = formOf([
    { name: "note", content: Buffer.from("两个文件") },
    { name: "file", fileName: "户表.csv", content: households },
    { name: "file", fileName: "C:\\fakepath\\人表.csv", content: members },
  ]);
  const type = `multipart/form-data; boundary=${BOUNDARY}`;

  it("writes each file of a multipart form to its own file, however the stream is cut", async () => {
    for (const size of [1, 2, 7, 64, 1000, body.length]) {
      const upload = await receiveUpload(streamOf(body, size), type, "", 1024 * 1024);
      try {
        expect(upload.files.map((f) => [f.name, f.size])).toEqual([
          ["户表.csv", households.length],
          ["人表.csv", members.length],
        ]);
        expect(await readFile(upload.files[0]!.path)).toEqual(households);
        expect(await readFile(upload.files[1]!.path)).toEqual(members);
      } finally {
        await upload.discard();
      }
    }
  });

  it("writes a raw body as one file, and refuses what is too large or not a complete form", async () => {
    const upload = await receiveUpload(streamOf(households, 100), "text/csv", "户表.csv", 1024 * 1024);
    expect(upload.files).toMatchObject([{ name: "户表.csv", size: households.length }]);
    await upload.discard();
    await expect(receiveUpload(streamOf(households, 100), "text/csv", "a.csv", 1000)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    await expect(
      receiveUpload(streamOf(body.subarray(0, 500), 64), type, "", 1024 * 1024),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    const three = formOf(
      ["a", "b", "c"].map((name) => ({ name, fileName: `${name}.xlsx`, content: Buffer.from(name) })),
    );
    await expect(receiveUpload(streamOf(three, 50), type, "", 1024 * 1024)).rejects.toMatchObject({
      details: [{ message: expect.stringContaining("最多上传两个文件") }],
    });
  });
});

describe("work directories a killed process left behind", () => {
  it("are removed once a day old; younger ones may still be in use", async () => {
    const parent = await mkdtemp(join(tmpdir(), "stale-test-"));
    try {
      const old = join(parent, "bangfu-roster-old");
      const young = join(parent, "bangfu-roster-young");
      const other = join(parent, "someone-else");
      for (const dir of [old, young, other]) await mkdir(dir);
      const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3_600_000);
      await utimes(old, twoDaysAgo, twoDaysAgo);
      await utimes(other, twoDaysAgo, twoDaysAgo);
      expect(await removeStaleWorkDirs(parent)).toBe(1);
      expect([old, young, other].map(existsSync)).toEqual([false, true, true]);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
