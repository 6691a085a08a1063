import type { RosterSource } from "./roster-source.js";

// An .xlsx is a zip archive. Before any of it is inflated, its central directory (the index at the
// end of the file) is read to reject what would hurt the server: truncated archives, absurd entry
// counts, and zip bombs, whose entries declare many times more bytes than they occupy.

/** Limits on what an uploaded workbook may unpack to. */
export const ZIP_LIMITS = {
  maxEntries: 2_000,
  /** All entries together, as declared (a 350,000-row sheet is about 300 MB of XML). */
  maxTotalUncompressed: 1_500 * 1024 * 1024,
  /** Spreadsheet XML compresses about 10–30×; a bomb's deflate streams reach ~1000×. */
  maxRatio: 200,
  /** Entries smaller than this may have any ratio (tiny files compress oddly). */
  ratioFloorBytes: 1024 * 1024,
} as const;

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** Where its local header starts in the file, and how it is compressed (0 stored, 8 deflated). */
  offset: number;
  method: number;
}

export type ZipInspection = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;

/** Whether the bytes start like a zip archive (PK\3\4). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

const BROKEN = {
  ok: false as const,
  reason: "文件不完整或已损坏（压缩包目录缺失），请重新保存或重新下载后再上传",
};

/** The longest the end-of-central-directory record and the comment after it can be. */
const TAIL_BYTES = 22 + 65_535;

/**
 * Reads the central directory and checks the declared sizes against ZIP_LIMITS. Only the end of
 * the file and the directory itself are read: nothing is inflated, nothing else is loaded.
 */
export async function inspectZipSource(source: RosterSource, limits = ZIP_LIMITS): Promise<ZipInspection> {
  const size = await source.size();
  const tailStart = Math.max(0, size - TAIL_BYTES);
  const tail = await source.read(tailStart, size - tailStart);
  // The end-of-central-directory record sits in the last 22 bytes plus up to 64 KB of comment.
  let found = -1;
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === EOCD) {
      found = i;
      break;
    }
  }
  if (found < 0) return BROKEN;
  const eocd = tailStart + found;
  if (found >= 20 && tail.readUInt32LE(found - 20) === ZIP64_EOCD_LOCATOR) {
    return { ok: false, reason: "文件使用了ZIP64格式（超过4GB或65535个部件），不是正常的Excel工作簿" };
  }
  const count = tail.readUInt16LE(found + 10);
  const directorySize = tail.readUInt32LE(found + 12);
  const directoryOffset = tail.readUInt32LE(found + 16);
  if (directoryOffset + directorySize > eocd) return BROKEN;
  if (count > limits.maxEntries)
    return { ok: false, reason: `压缩包内有 ${count} 个部件，不是正常的Excel工作簿` };
  const directory = await source.read(directoryOffset, directorySize);
  return checkDirectory(directory, directoryOffset, count, limits);
}

/** The entries of a central directory (its bytes, found at `directoryOffset` in the file), checked. */
function checkDirectory(
  directory: Buffer,
  directoryOffset: number,
  count: number,
  limits: typeof ZIP_LIMITS,
): ZipInspection {
  const entries: ZipEntry[] = [];
  let offset = 0;
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > directory.length || directory.readUInt32LE(offset) !== CENTRAL) return BROKEN;
    const method = directory.readUInt16LE(offset + 10);
    const compressedSize = directory.readUInt32LE(offset + 20);
    const uncompressedSize = directory.readUInt32LE(offset + 24);
    const nameLength = directory.readUInt16LE(offset + 28);
    const extraLength = directory.readUInt16LE(offset + 30);
    const commentLength = directory.readUInt16LE(offset + 32);
    const localOffset = directory.readUInt32LE(offset + 42);
    const name = directory.toString("utf8", offset + 46, offset + 46 + nameLength);
    if (localOffset + compressedSize > directoryOffset) return BROKEN;
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff) {
      return { ok: false, reason: "文件使用了ZIP64格式（超过4GB），不是正常的Excel工作簿" };
    }
    total += uncompressedSize;
    const ratio = uncompressedSize / Math.max(compressedSize, 1);
    if (uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      return {
        ok: false,
        reason: `文件疑似“压缩炸弹”：部件 ${name} 声明解压后 ${Math.round(uncompressedSize / 1048576)} MB，是压缩大小的 ${Math.round(ratio)} 倍；已拒绝`,
      };
    }
    entries.push({ name, compressedSize, uncompressedSize, offset: localOffset, method });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  if (total > limits.maxTotalUncompressed) {
    return {
      ok: false,
      reason: `文件解压后共 ${Math.round(total / 1048576)} MB，超过上限 ${Math.round(limits.maxTotalUncompressed / 1048576)} MB；请分成几个文件导入`,
    };
  }
  return { ok: true, entries };
}
