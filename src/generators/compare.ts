/**
 * Generator `compare`: `output/compare.md` (Korean) and `output/compare.en.md`, every bundled
 * model side by side. Project-wide: it writes nothing per model.
 */
import { compareModels, renderComparison } from '../compare/index.js';
import { PRICING_DIR } from '../docs/view/cost.js';
import type { Generator } from './types.js';

export const COMPARE_PATHS = { ko: 'output/compare.md', en: 'output/compare.en.md' } as const;

export const compareGenerator: Generator = {
  name: 'compare',
  description: 'Side-by-side comparison of every model (output/compare.md, output/compare.en.md)',
  reads: ['templates/', PRICING_DIR],
  generate: () => [],
  generateProject: (ctx) => {
    if (ctx.models.length < 2) return [];
    const comparison = compareModels(ctx.models, ctx.inputs);
    return (['ko', 'en'] as const).map((locale) => ({ path: COMPARE_PATHS[locale], content: renderComparison(comparison, ctx.inputs, locale) }));
  },
};
