/** `npm run bench`: runs every benchmark (or those named as arguments) and prints a table. */
import { benchmarks } from './index.js';

const wanted = process.argv.slice(2);
let failed = false;
for (const benchmark of benchmarks) {
  if (wanted.length && !wanted.includes(benchmark.name)) continue;
  process.stdout.write(`\n## ${benchmark.name}\n`);
  for (const result of await benchmark.run()) {
    const budget = result.budgetMs === undefined ? '' : result.ms <= result.budgetMs ? `  ✓ budget ${result.budgetMs} ms` : `  ✗ over budget ${result.budgetMs} ms`;
    if (result.budgetMs !== undefined && result.ms > result.budgetMs) failed = true;
    const notes = result.notes?.length ? `  (${result.notes.join('; ')})` : '';
    process.stdout.write(`${result.name.padEnd(58)} ${result.ms.toFixed(1).padStart(10)} ms${budget}${notes}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
