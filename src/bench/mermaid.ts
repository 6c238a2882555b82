/**
 * `archgen render` (one Chromium, Mermaid loaded once, `mermaid.render()` per diagram) versus
 * one `mmdc` process per diagram, on 8 and 32 of the seed's diagrams, side by side in one run.
 * Both write SVG files; the engine run includes launching Chromium and writing the manifest.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mermaidFiles } from '../generators/mermaid/index.js';
import { loadModelOrThrow } from '../load/load-model.js';
import { renderWithMmdc, writeMmdcConfig } from '../render/mermaid-cli.js';
import { renderModels } from '../render/render-files.js';
import type { Benchmark, BenchResult } from './types.js';

const SIZES = [8, 32] as const;
/** The issue's target: `archgen render` at least 10× faster than one `mmdc` per diagram at 32 diagrams. */
const TARGET_SPEEDUP = 10;

export const mermaidBenchmark: Benchmark = {
  name: 'mermaid',
  async run() {
    const model = await loadModelOrThrow(path.join(process.cwd(), 'model/point-system.yaml'), process.cwd());
    const diagrams = mermaidFiles(model);
    const work = await mkdtemp(path.join(os.tmpdir(), 'archgen-bench-mermaid-'));
    const results: BenchResult[] = [];
    try {
      const mmdcConfig = await writeMmdcConfig(path.join(work, 'config'));
      for (const size of SIZES) {
        const modelId = `bench-${size}`;
        const dir = path.join(work, 'output', modelId, 'diagrams');
        await mkdir(dir, { recursive: true });
        for (let i = 0; i < size; i++) {
          const source = diagrams[i % diagrams.length]!;
          await writeFile(path.join(dir, `d${String(i).padStart(2, '0')}-${path.basename(source.path)}`), source.content);
        }

        let start = performance.now();
        const summary = await renderModels({ root: work, modelIds: [modelId], png: false });
        const engineMs = performance.now() - start;
        if (summary.failures.length) throw new Error(`archgen render failed: ${summary.failures.map((f) => `${f.source}: ${f.message}`).join('; ')}`);

        const mmdcOut = path.join(work, 'mmdc', modelId);
        await mkdir(mmdcOut, { recursive: true });
        start = performance.now();
        for (const name of (await readdir(dir)).sort()) {
          await renderWithMmdc(path.join(dir, name), path.join(mmdcOut, name.replace(/\.mmd$/, '.svg')), mmdcConfig);
        }
        const mmdcMs = performance.now() - start;

        const speedup = mmdcMs / engineMs;
        results.push({
          name: `archgen render, ${size} diagrams (one Chromium)`,
          ms: engineMs,
          ...(size === 32 ? { budgetMs: Math.round(mmdcMs / TARGET_SPEEDUP) } : {}),
          notes: [`${(engineMs / size).toFixed(0)} ms/diagram`, `speedup vs mmdc: ${speedup.toFixed(1)}x${size === 32 ? ` (target ≥${TARGET_SPEEDUP}x)` : ''}`],
        });
        results.push({ name: `mmdc per diagram, ${size} diagrams`, ms: mmdcMs, notes: [`${(mmdcMs / size).toFixed(0)} ms/diagram`] });
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
    return results;
  },
};
