import { describe, expect, it } from "vitest";
import { batched, batchedPer } from "./batch.js";

describe("batched calls", () => {
  it("gathers the calls of one turn into one run, answering each with its own result", async () => {
    const runs: number[][] = [];
    const double = batched(async (inputs: number[]) => {
      runs.push(inputs);
      return inputs.map((n) => n * 2);
    });
    const together = await Promise.all([1, 2, 3].map(double));
    expect(together).toEqual([2, 4, 6]);
    expect(runs).toEqual([[1, 2, 3]]);
    // A later turn is a batch of its own.
    expect(await double(5)).toBe(10);
    expect(runs).toEqual([[1, 2, 3], [5]]);
  });

  it("splits a large turn into batches of at most maxBatch", async () => {
    const sizes: number[] = [];
    const echo = batched(async (inputs: number[]) => {
      sizes.push(inputs.length);
      return inputs;
    }, 4);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => echo(i)));
    expect(answers).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sizes).toEqual([4, 4, 2]);
  });

  it("rejects every call of a failed batch, and only those", async () => {
    const fails = batched(async (inputs: string[]) => {
      if (inputs.includes("bad")) throw new Error("refused");
      return inputs;
    }, 2);
    const settled = await Promise.allSettled(["a", "bad", "c", "d"].map(fails));
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected", "fulfilled", "fulfilled"]);
    expect((settled[0] as PromiseRejectedResult).reason).toEqual(new Error("refused"));
  });

  it("rejects when a run answers the wrong number of results (never a result meant for another)", async () => {
    const short = batched(async (inputs: number[]) => inputs.slice(1));
    const settled = await Promise.allSettled([1, 2].map(short));
    expect(settled.map((s) => s.status)).toEqual(["rejected", "rejected"]);
  });

  it("keeps one batch per key (two databases never share a statement)", async () => {
    const runs: string[][] = [];
    const perKey = batchedPer((key: { name: string }) =>
      batched(async (inputs: string[]) => {
        runs.push(inputs.map((input) => `${key.name}:${input}`));
        return inputs;
      }),
    );
    const a = { name: "a" };
    const b = { name: "b" };
    await Promise.all([perKey(a, "1"), perKey(b, "2"), perKey(a, "3")]);
    expect(runs).toEqual([["a:1", "a:3"], ["b:2"]]);
  });
});
