// Medians of wall time, after warm-up, in nanoseconds. Calls are batched so that timer resolution
// does not dominate sub-microsecond work; `next` cycles through varied inputs.

export function medianNs(fn: () => void, { warmup = 2_000, samples = 101, batch = 200 } = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    times.push(Number(process.hrtime.bigint() - start) / batch);
  }
  return median(times);
}

/** The same for an asynchronous evaluation, awaited one at a time (no overlap between calls). */
export async function medianNsAsync(fn: () => Promise<unknown>, { warmup = 300, samples = 31, batch = 50 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) await fn();
    times.push(Number(process.hrtime.bigint() - start) / batch);
  }
  return median(times);
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

/** A function that returns the items in turn, round and round. */
export function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}
