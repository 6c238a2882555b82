/**
 * `npm run bench [name…] [--save]`: runs every benchmark (or those named) and prints a table.
 * Figures differ per machine, so nothing is written unless `--save` asks for
 * `output/bench/<name>.json` and `output/bench/<name>.md`.
 */
import os from 'node:os';
import path from 'node:path';
import { writeAtomic } from '../output/write.js';
import { benchmarks } from './index.js';
import type { BenchResult } from './types.js';

const args = process.argv.slice(2);
const save = args.includes('--save');
const unknownFlags = args.filter((a) => a.startsWith('-') && a !== '--save');
const wanted = args.filter((a) => !a.startsWith('-'));
const known = new Set(benchmarks.map((b) => b.name));
const unknownNames = wanted.filter((name) => !known.has(name));
if (unknownFlags.length || unknownNames.length) {
  process.stderr.write(`unknown ${unknownFlags.length ? `option ${unknownFlags.join(' ')}` : `benchmark ${unknownNames.join(' ')}`}; benchmarks: ${[...known].join(', ')}; option: --save\n`);
  process.exit(2);
}

const line = (result: BenchResult): string => {
  const budget = result.budgetMs === undefined ? '' : result.ms <= result.budgetMs ? `  ✓ budget ${result.budgetMs.toFixed(0)} ms` : `  ✗ over budget ${result.budgetMs.toFixed(0)} ms`;
  const notes = result.notes?.length ? `  (${result.notes.join('; ')})` : '';
  return `${result.name.padEnd(58)} ${result.ms.toFixed(1).padStart(10)} ms${budget}${notes}`;
};

let failed = false;
for (const benchmark of benchmarks) {
  if (wanted.length && !wanted.includes(benchmark.name)) continue;
  process.stdout.write(`\n## ${benchmark.name}\n`);
  let report: { markdown: string; data: unknown } | undefined;
  const results = await benchmark.run({
    progress: (message) => void process.stderr.write(`  ${message}\n`),
    attach: (attached) => void (report = attached),
  });
  const lines = results.map(line);
  for (const result of results) if (result.budgetMs !== undefined && result.ms > result.budgetMs) failed = true;
  process.stdout.write(`${lines.join('\n')}\n`);
  if (report) process.stdout.write(`\n${report.markdown}`);
  if (save) {
    const dir = path.join(process.cwd(), 'output', 'bench');
    const machine = { node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))), platform: `${os.platform()} ${os.arch()}` };
    const data = { benchmark: benchmark.name, date: new Date().toISOString(), machine, results, ...(report ? { details: report.data } : {}) };
    await writeAtomic(path.join(dir, `${benchmark.name}.json`), `${JSON.stringify(data, null, 2)}\n`);
    await writeAtomic(path.join(dir, `${benchmark.name}.md`), `# Benchmark: ${benchmark.name}\n\n${data.date}, Node ${machine.node}, ${machine.cpus} CPUs, load ${machine.loadAverage.join(' ')}\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n${report ? `\n${report.markdown}` : ''}`);
    process.stdout.write(`(saved output/bench/${benchmark.name}.json and .md)\n`);
  }
}
process.exitCode = failed ? 1 : 0;
