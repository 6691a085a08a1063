import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirBusyError, lockDataDir } from "./data-dir-lock.js";

describe("data directory lock", () => {
  it("refuses a second holder while the first process lives", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bangfu-lock-"));
    // Another live process holds the directory.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    writeFileSync(join(dir, "bangfu.lock"), String(holder.pid));
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
      expect(() => lockDataDir(dir)).toThrow(/stop the server first/);
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left by a process that died, and releases it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bangfu-lock-"));
    const dead = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => dead.once("exit", resolve));
    writeFileSync(join(dir, "bangfu.lock"), String(dead.pid));
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, "bangfu.lock"))).toBe(true);
    release();
    expect(existsSync(join(dir, "bangfu.lock"))).toBe(false);
  });
});
