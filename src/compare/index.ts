/**
 * Comparing architectures side by side (`archgen compare`, `output/compare.md`).
 *
 * @example
 *   const comparison = compareModels([seed, serverless, eks], inputs);
 *   renderComparison(comparison, inputs, 'ko');
 */
export { compareModels, type Comparison, type ComparedModel, type Operations } from './comparison.js';
export { renderComparison } from './render.js';
export { compareView } from './view.js';
