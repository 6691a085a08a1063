/**
 * Gathers the calls made in one turn of the event loop into one call of `run`: many requests
 * served by one set-based statement instead of a statement each (the visit endpoint under load).
 * `run` gets the inputs in call order and answers one result per input, in the same order; when
 * it throws, every call of that batch rejects with its error. A call never waits longer than the
 * current turn plus the batch before it.
 */
export function batched<I, O>(run: (inputs: I[]) => Promise<O[]>, maxBatch = 128): (input: I) => Promise<O> {
  let pending: { input: I; resolve: (output: O) => void; reject: (error: unknown) => void }[] = [];
  let isScheduled = false;

  const flush = () => {
    isScheduled = false;
    const calls = pending;
    pending = [];
    for (let start = 0; start < calls.length; start += maxBatch) {
      const slice = calls.slice(start, start + maxBatch);
      run(slice.map((call) => call.input)).then(
        (outputs) => {
          if (outputs.length !== slice.length) {
            const error = new Error(`batch answered ${outputs.length} results for ${slice.length} inputs`);
            for (const call of slice) call.reject(error);
            return;
          }
          for (const [i, call] of slice.entries()) call.resolve(outputs[i]!);
        },
        (error: unknown) => {
          for (const call of slice) call.reject(error);
        },
      );
    }
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ input, resolve, reject });
      if (!isScheduled) {
        isScheduled = true;
        setImmediate(flush);
      }
    });
}

/** One batcher per database handle (batches never mix two databases, e.g. in tests). */
export function batchedPer<K extends object, I, O>(
  make: (key: K) => (input: I) => Promise<O>,
): (key: K, input: I) => Promise<O> {
  const byKey = new WeakMap<K, (input: I) => Promise<O>>();
  return (key, input) => {
    let call = byKey.get(key);
    if (!call) {
      call = make(key);
      byKey.set(key, call);
    }
    return call(input);
  };
}
