/**
 * The scale benchmark's report: medians per model size and command, each as a multiple of a
 * bare `node -e 0` start-up, and the growth between consecutive sizes. Pure formatting.
 */

/** Timings of one command on one model: wall milliseconds of each run, or why it failed. */
export interface Measurement {
  readonly runs: readonly number[];
  readonly median: number;
  /** Set when the command did not exit 0 (or timed out); the median is then meaningless. */
  readonly failure?: string;
}

export interface ScaleRow {
  readonly label: string;
  readonly components: number;
  readonly yamlKiB: number;
  /** Command column → measurement (absent: not run). */
  readonly cells: Readonly<Record<string, Measurement | undefined>>;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const ms = (value: number): string => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);

function cell(m: Measurement | undefined, unit: number): string {
  if (!m) return '–';
  if (m.failure) return `✗ ${m.failure}`;
  return `${ms(m.median)} (${(m.median / unit).toFixed(1)}×) n=${m.runs.length}`;
}

/** Ratio of two cells' medians, or `–` when either is missing or failed. */
function growth(later: Measurement | undefined, earlier: Measurement | undefined): string {
  if (!later || !earlier || later.failure || earlier.failure || earlier.median <= 0) return '–';
  return `${(later.median / earlier.median).toFixed(2)}×`;
}

/** Markdown: the medians table, then the growth table between consecutive synthetic sizes. */
export function scaleMarkdown(options: { unit: Measurement; columns: readonly string[]; seed: readonly ScaleRow[]; sizes: readonly ScaleRow[]; notes: readonly string[] }): string {
  const { unit, columns, seed, sizes } = options;
  const out: string[] = [];
  out.push(`Unit: bare \`node -e 0\` start-up, median ${ms(unit.median)} of ${unit.runs.length} runs. Cells: median wall time (multiple of the unit), n = runs.`, '');
  out.push(`| model | components | YAML | ${columns.join(' | ')} |`);
  out.push(`| --- | ---: | ---: | ${columns.map(() => '---:').join(' | ')} |`);
  for (const row of [...seed, ...sizes]) {
    out.push(`| ${row.label} | ${row.components} | ${row.yamlKiB.toFixed(0)} KiB | ${columns.map((c) => cell(row.cells[c], unit.median)).join(' | ')} |`);
  }
  out.push('', 'Growth between consecutive sizes (median of the larger ÷ median of the smaller):', '');
  out.push(`| sizes | components × | ${columns.join(' | ')} |`);
  out.push(`| --- | ---: | ${columns.map(() => '---:').join(' | ')} |`);
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1]!, sizes[i]!];
    out.push(`| ${b.components}/${a.components} | ${(b.components / a.components).toFixed(0)}× | ${columns.map((c) => growth(b.cells[c], a.cells[c])).join(' | ')} |`);
  }
  const at = (n: number) => sizes.find((r) => r.components === n);
  const [k1, k5] = [at(1000), at(5000)];
  if (k1 && k5) {
    out.push('', `5000/1000 explicitly (issue 11 target: ≤ 6×): ${columns.map((c) => `${c} ${growth(k5.cells[c], k1.cells[c])}`).join(', ')}.`);
  }
  if (options.notes.length) out.push('', ...options.notes.map((n) => `- ${n}`));
  return `${out.join('\n')}\n`;
}
