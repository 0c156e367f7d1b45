// Median wall time of a function, after warm-up, in nanoseconds. Batches calls so that timer
// resolution does not dominate sub-microsecond work.

export function medianNs(fn: () => void, { warmup = 2_000, samples = 101, batch = 200 } = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) fn();
    times.push(Number(process.hrtime.bigint() - start) / batch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
