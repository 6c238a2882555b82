/** The comparison document in one locale, from `templates/doc/compare.md.hbs`. */
import { loadMessages } from '../docs/locale.js';
import { compileDocument } from '../docs/templates.js';
import type { Locale } from '../model/types.js';
import type { Comparison } from './comparison.js';
import { compareView } from './view.js';

/**
 * @param linkBase folder the document's links to each model's architecture document start from
 *   (`''` next to `output/`, `output/` from the project root).
 */
export function renderComparison(comparison: Comparison, inputs: ReadonlyMap<string, string>, locale: Locale, linkBase = ''): string {
  const messages = loadMessages(inputs, locale);
  const view = compareView(comparison, locale, messages);
  return compileDocument(inputs, 'compare', messages)({ ...view, linkBase });
}
