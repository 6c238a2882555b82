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

/** What `npm run bench` hands a benchmark besides the clock. */
export interface BenchContext {
  /** Progress for the person waiting (stderr). */
  progress(message: string): void;
  /**
   * A fuller report than the result lines: printed after them, and with `--save` written to
   * `output/bench/<name>.md` (markdown) and `output/bench/<name>.json` (data).
   */
  attach(report: { readonly markdown: string; readonly data: unknown }): void;
}

export interface Benchmark {
  readonly name: string;
  run(context: BenchContext): Promise<readonly BenchResult[]>;
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
