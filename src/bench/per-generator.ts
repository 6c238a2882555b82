/**
 * Per-generator cost on synthetic models of 1000 and 5000 components (issue 11): load (parse,
 * schema, semantics, normalization) and each generator in memory, wall and CPU time, and the
 * growth from 1000 to 5000 (5× the components; near-linear means a ratio near 5, the target is
 * at most 6). Shows which generator to look at when the CLI figures grow.
 */
import { generators } from '../generators/index.js';
import { loadModelFromBytes } from '../load/load-model.js';
import { loadInputs } from '../pipeline/project.js';
import { syntheticModelYaml } from './synthetic-model.js';
import type { Benchmark, BenchResult } from './types.js';

const SIZES = [1000, 5000] as const;

const cpuMs = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** Wall and CPU milliseconds of one call. */
async function measure(fn: () => unknown): Promise<{ ms: number; cpu: number }> {
  const cpu = cpuMs();
  const start = performance.now();
  await fn();
  return { ms: performance.now() - start, cpu: cpuMs() - cpu };
}

export const perGeneratorBenchmark: Benchmark = {
  name: 'per-generator',
  async run() {
    const inputs = await loadInputs(process.cwd(), generators);
    const figures = new Map<string, Map<number, { ms: number; cpu: number }>>();
    const record = (step: string, size: number, value: { ms: number; cpu: number }) => {
      if (!figures.has(step)) figures.set(step, new Map());
      figures.get(step)!.set(size, value);
    };
    for (const size of SIZES) {
      const bytes = new TextEncoder().encode(syntheticModelYaml(size));
      let model: ReturnType<typeof loadModelFromBytes>['model'];
      record('load + validate', size, await measure(() => { model = loadModelFromBytes(`model/synthetic-${size}.yaml`, bytes).model; }));
      if (!model) throw new Error(`synthetic model of ${size} components did not load`);
      for (const generator of generators) {
        const m = model;
        record(generator.name, size, await measure(() => generator.generate(m, { models: [m], inputs })));
      }
    }
    const results: BenchResult[] = [];
    for (const [step, bySize] of figures) {
      const small = bySize.get(SIZES[0])!;
      const big = bySize.get(SIZES[1])!;
      if (big.ms < 1) continue; // generators with nothing to do per model
      results.push({
        name: `${step} @ ${SIZES[0]} / ${SIZES[1]} components`,
        ms: big.ms,
        notes: [`${SIZES[0]}: ${small.ms.toFixed(0)} ms (CPU ${small.cpu.toFixed(0)})`, `${SIZES[1]}: CPU ${big.cpu.toFixed(0)} ms`, `growth ×${(big.cpu / Math.max(1, small.cpu)).toFixed(1)} CPU`],
      });
    }
    return results;
  },
};
