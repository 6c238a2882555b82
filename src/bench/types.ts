/** One measured figure of a benchmark, printed by `npm run bench`. */
export interface BenchResult {
  readonly name: string;
  /** Wall-clock milliseconds (median of the runs where the benchmark repeats). */
  readonly ms: number;
  /** Budget from the issue, when there is one; the run reports pass/fail against it. */
  readonly budgetMs?: number;
  /** Extra figures: counts, ratios ("speedup: 21.4x"). */
  readonly notes?: readonly string[];
}

export interface Benchmark {
  readonly name: string;
  run(): Promise<readonly BenchResult[]>;
}

/** Median wall time of `runs` calls of `fn`, in milliseconds. */
export async function timeMedian(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
