import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../../http/app-error.js";
import { fileSource, type RosterSource } from "./roster-source.js";

// An upload, written to a temporary directory as it arrives instead of being held in memory: the
// raw file as the request body, or up to two files (户表 and 人表) as multipart/form-data. The
// directory is private to the server (0700) and removed when the import's job is done with it.

/** Files uploaded together, in a temporary directory the caller removes with `discard`. */
export interface Upload {
  dir: string;
  files: { name: string; path: string; size: number }[];
  discard(): Promise<void>;
}

/** The most files one import takes: a household sheet and a person sheet. */
export const MAX_UPLOAD_FILES = 2;

const tooLarge = (limit: number) =>
  new AppError("PAYLOAD_TOO_LARGE", [
    { path: "body", message: `文件超过 ${Math.round(limit / 1024 / 1024)} MB；请分成几个文件导入` },
  ]);

/** A private temporary directory for one import's files. */
export async function createWorkDir(parent = tmpdir()): Promise<{ dir: string; discard(): Promise<void> }> {
  const dir = await mkdtemp(join(parent, "bangfu-roster-"));
  return { dir, discard: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Removes import work directories (uploads, spill files) that a killed process left in the
 * temporary directory more than a day ago: they hold personal data. Younger ones may belong to a
 * process still running (another server, a CLI).
 */
export async function removeStaleWorkDirs(parent = tmpdir(), olderThanMs = 24 * 3_600_000): Promise<number> {
  let removed = 0;
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith("bangfu-roster-")) continue;
    const path = join(parent, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory() || Date.now() - info.mtimeMs < olderThanMs) continue;
    await rm(path, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

/** The uploaded files as sources to read. */
export function uploadSources(upload: Upload): RosterSource[] {
  return upload.files.map((f) => fileSource(f.name, f.path));
}

/**
 * Receives a request body into a temporary directory: a multipart form's file fields (at most two),
 * or the raw body as one file named `fileName`. Refuses (PAYLOAD_TOO_LARGE) past `limit` bytes.
 */
export async function receiveUpload(
  body: Readable,
  contentType: string,
  fileName: string,
  limit: number,
  parent?: string,
): Promise<Upload> {
  const work = await createWorkDir(parent);
  const upload: Upload = { dir: work.dir, files: [], discard: work.discard };
  try {
    const boundary = /^multipart\/form-data\s*;.*\bboundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
    if (boundary) await receiveMultipart(body, boundary[1] ?? boundary[2]!, upload, limit);
    else {
      const path = join(work.dir, "0");
      let size = 0;
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            size += chunk.length;
            if (size > limit) throw tooLarge(limit);
            yield chunk;
          }
        },
        createWriteStream(path, { mode: 0o600 }),
      );
      upload.files.push({ name: fileName, path, size });
    }
    return upload;
  } catch (error) {
    body.resume();
    await work.discard();
    throw error;
  }
}

/** One part's headers: its field name and, for a file, the file's name. */
function partHeaders(text: string): { field: string | undefined; fileName: string | undefined } {
  const disposition = /^content-disposition:(.*)$/im.exec(text)?.[1] ?? "";
  const param = (name: string) =>
    new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, "i").exec(disposition)?.[1]?.replace(/\\"/g, '"') ??
    new RegExp(`;\\s*${name}=([^;\\s]+)`, "i").exec(disposition)?.[1];
  const encoded = /;\s*filename\*=(?:UTF-8|utf-8)''([^;\s]+)/.exec(disposition)?.[1];
  let fileName = param("filename");
  if (encoded) {
    try {
      fileName = decodeURIComponent(encoded);
    } catch {
      // Keep the plain filename parameter.
    }
  }
  // Browsers send the path of some old systems along: C:\fakepath\人表.xlsx.
  if (fileName !== undefined) fileName = fileName.replace(/^.*[\\/]/, "").trim();
  return { field: param("name"), fileName };
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");
const MAX_HEADER_BYTES = 16 * 1024;

/**
 * RFC 7578 multipart/form-data, parsed as it streams: each file part is written to its own file;
 * other fields are read past. At most MAX_UPLOAD_FILES files.
 */
async function receiveMultipart(body: Readable, boundary: string, upload: Upload, limit: number) {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // The body starts with the first boundary line, without the CRLF before it.
  let buffer: Buffer = Buffer.from("\r\n");
  let state: "preamble" | "headers" | "body" | "done" = "preamble";
  let total = 0;
  let out: ReturnType<typeof createWriteStream> | undefined;
  let current: Upload["files"][number] | undefined;
  const write = async (bytes: Buffer) => {
    if (!out || bytes.length === 0) return;
    current!.size += bytes.length;
    if (!out.write(bytes)) await new Promise((resolve) => out!.once("drain", resolve));
  };
  const close = async () => {
    if (!out) return;
    const stream = out;
    out = undefined;
    await new Promise<void>((resolve, reject) =>
      stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  };
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw tooLarge(limit);
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      for (;;) {
        if (state === "done") break;
        if (state === "preamble" || state === "body") {
          const at = buffer.indexOf(delimiter);
          if (at < 0) {
            // Keep what could be the start of a delimiter; the rest is part of the current part.
            const keep = Math.min(buffer.length, delimiter.length - 1);
            if (state === "body") await write(buffer.subarray(0, buffer.length - keep));
            buffer = buffer.subarray(buffer.length - keep);
            break;
          }
          // What follows the delimiter: "--" ends the form, CRLF starts the next part.
          if (buffer.length < at + delimiter.length + 2) {
            if (state === "body") await write(buffer.subarray(0, at));
            buffer = buffer.subarray(at);
            break;
          }
          if (state === "body") {
            await write(buffer.subarray(0, at));
            await close();
          }
          const after = buffer.subarray(at + delimiter.length, at + delimiter.length + 2).toString("latin1");
          buffer = buffer.subarray(at + delimiter.length + 2);
          state = after === "--" ? "done" : "headers";
          continue;
        }
        // Headers of a part, up to the blank line (a part may have none: the blank line comes at once).
        if (buffer.length < 2) break;
        if (buffer.subarray(0, 2).equals(CRLF)) {
          buffer = buffer.subarray(2);
          state = "body";
          continue;
        }
        const end = buffer.indexOf(HEADER_END);
        if (end < 0) {
          if (buffer.length > MAX_HEADER_BYTES) throw badForm("表单部件的头部过长");
          break;
        }
        const { fileName } = partHeaders(buffer.subarray(0, end).toString("utf8"));
        buffer = buffer.subarray(end + HEADER_END.length);
        state = "body";
        if (fileName === undefined) continue;
        if (upload.files.length >= MAX_UPLOAD_FILES) {
          throw new AppError("VALIDATION_FAILED", [
            { path: "body", message: "一次最多上传两个文件：户表和人表（或含两张工作表的一个文件）" },
          ]);
        }
        current = {
          name: fileName || `文件${upload.files.length + 1}`,
          path: join(upload.dir, String(upload.files.length)),
          size: 0,
        };
        upload.files.push(current);
        out = createWriteStream(current.path, { mode: 0o600 });
      }
    }
    if (state !== "done") throw badForm("表单不完整（上传中断？）");
  } finally {
    await close().catch(() => undefined);
  }
}

const badForm = (message: string) => new AppError("VALIDATION_FAILED", [{ path: "body", message }]);
