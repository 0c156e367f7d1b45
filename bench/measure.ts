// Medians of wall time, after warm-up, in nanoseconds. Calls are batched so that timer resolution
// does not dominate sub-microsecond work; `next` cycles through varied inputs.
//
// Warm-up runs for a time, not a count: V8 optimises a function after enough calls *and* enough
// time, and a few thousand calls of a 0.3 µs function are over before it has (the hand-written floor
// then measured up to 3× slow, flattering everything compared with it).

export function medianNs(fn: () => void, { warmupMs = 500, samples = 101, batch = 200 } = {}): number {
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) fn();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    times.push(Number(process.hrtime.bigint() - start) / batch);
  }
  return median(times);
}

/** The same for an asynchronous evaluation, awaited one at a time (no overlap between calls). */
export async function medianNsAsync(fn: () => Promise<unknown>, { warmupMs = 500, samples = 31, batch = 50 } = {}): Promise<number> {
  const warmEnd = performance.now() + warmupMs;
  while (performance.now() < warmEnd) await fn();
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
