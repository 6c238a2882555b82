/**
 * Generator `docs`: `output/<model>/architecture.<ko|en>.md` from the Handlebars templates in
 * `templates/doc/` and the locale files in `templates/locales/`, plus an HTML version of each
 * that shows the rendered diagrams.
 */
import { renderHtmlPage } from '../docs/html.js';
import { LOCALES, loadMessages, type Messages } from '../docs/locale.js';
import { compileDocument, type DocumentRenderer } from '../docs/templates.js';
import { buildDocView } from '../docs/view/index.js';
import { PRICING_DIR } from '../docs/view/cost.js';
import type { ArchitectureModel, Locale } from '../model/types.js';
import type { GeneratedFile, Generator, GeneratorContext } from './types.js';

/** Project-relative path of a model's document in one locale. */
export const documentPath = (modelId: string, locale: string, ext: 'md' | 'html' = 'md'): string => `output/${modelId}/architecture.${locale}.${ext}`;

/** Compiled templates per inputs (one generate run shares one inputs map) and locale. */
const compiled = new WeakMap<ReadonlyMap<string, string>, Map<Locale, { messages: Messages; render: DocumentRenderer }>>();

function templatesFor(inputs: ReadonlyMap<string, string>, locale: Locale): { messages: Messages; render: DocumentRenderer } {
  let byLocale = compiled.get(inputs);
  if (!byLocale) compiled.set(inputs, (byLocale = new Map()));
  let entry = byLocale.get(locale);
  if (!entry) {
    const messages = loadMessages(inputs, locale);
    entry = { messages, render: compileDocument(inputs, 'architecture', messages) };
    byLocale.set(locale, entry);
  }
  return entry;
}

export function documentFiles(model: ArchitectureModel, ctx: GeneratorContext): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const locale of LOCALES) {
    const { messages, render } = templatesFor(ctx.inputs, locale);
    const view = buildDocView(model, locale, messages, { models: ctx.models, inputs: ctx.inputs });
    const markdown = render(view);
    files.push({ path: documentPath(model.id, locale), content: markdown });
    files.push({
      path: documentPath(model.id, locale, 'html'),
      content: renderHtmlPage(ctx.inputs, {
        lang: locale,
        title: `${view.overview.title} — ${view.overview.systemName}`,
        markdown,
        diagrams: view.diagrams.all.map((d) => ({ title: d.title, mermaid: d.mermaid, svg: d.svg })),
        markdownFile: `architecture.${locale}.md`,
      }),
    });
  }
  return files;
}

export const docsGenerator: Generator = {
  name: 'docs',
  description: 'Architecture documents in Korean and English, Markdown and HTML (output/<model>/architecture.<locale>.md|html)',
  reads: ['templates/', PRICING_DIR],
  generate: (model, ctx) => documentFiles(model, ctx),
};
