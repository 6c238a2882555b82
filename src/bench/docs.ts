/**
 * Document speed: both locales (Markdown + HTML) of every bundled model, split into the view
 * (figures from the model, security and cost) and the rest (templates, HTML); plus the comparison.
 */
import { compareGenerator } from '../generators/compare.js';
import { docsGenerator, documentFiles } from '../generators/docs.js';
import { loadMessages } from '../docs/locale.js';
import { buildDocView } from '../docs/view/index.js';
import { loadInputs, loadModels, resolveModelFiles } from '../pipeline/project.js';
import { timeMedian, type Benchmark } from './types.js';

export const docsBenchmark: Benchmark = {
  name: 'docs',
  async run() {
    const root = process.cwd();
    const { models } = await loadModels(root, await resolveModelFiles(root, []));
    const inputs = await loadInputs(root, [docsGenerator]);
    const ctx = { models, inputs };
    let bytes = 0;
    // A fresh inputs map per run, as in one `archgen generate`: what is remembered per inputs map
    // (cost estimates, the cost pie) is computed again; the bundled templates are precompiled.
    const allMs = await timeMedian(5, () => {
      bytes = 0;
      const fresh = { models, inputs: new Map(inputs) };
      for (const model of models) for (const file of documentFiles(model, fresh)) bytes += String(file.content).length;
    });
    const warmMs = await timeMedian(5, () => {
      for (const model of models) documentFiles(model, ctx);
    });
    const viewMs = await timeMedian(5, () => {
      for (const model of models) for (const locale of ['ko', 'en'] as const) buildDocView(model, locale, loadMessages(inputs, locale), ctx);
    });
    const compareMs = await timeMedian(5, () => compareGenerator.generateProject!(ctx));
    return [
      { name: `documents: ${models.length} models × ko/en × md/html`, ms: allMs, notes: [`${(bytes / 1024).toFixed(0)} KiB`, `view (model, security, cost): ${viewMs.toFixed(1)} ms = ${((viewMs / allMs) * 100).toFixed(0)}%`] },
      { name: 'documents again, same inputs map', ms: warmMs, notes: [`work remembered per inputs map: ${(allMs - warmMs).toFixed(0)} ms of ${allMs.toFixed(0)} ms`] },
      { name: `comparison of ${models.length} models (ko + en)`, ms: compareMs },
    ];
  },
};
