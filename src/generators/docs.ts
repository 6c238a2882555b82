/**
 * Generator `docs`: `output/<model>/architecture.<ko|en>.md` from the Handlebars templates in
 * `templates/doc/` and the locale files in `templates/locales/`, plus an HTML version of each
 * that shows the rendered diagrams.
 */
import { renderHtmlPage } from '../docs/html.js';
import { LOCALES, loadMessages } from '../docs/locale.js';
import { compileDocument } from '../docs/templates.js';
import { buildDocView } from '../docs/view/index.js';
import { PRICING_DIR } from '../docs/view/cost.js';
import type { ArchitectureModel } from '../model/types.js';
import type { GeneratedFile, Generator, GeneratorContext } from './types.js';

/** Project-relative path of a model's document in one locale. */
export const documentPath = (modelId: string, locale: string, ext: 'md' | 'html' = 'md'): string => `output/${modelId}/architecture.${locale}.${ext}`;

export function documentFiles(model: ArchitectureModel, ctx: GeneratorContext): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const locale of LOCALES) {
    const messages = loadMessages(ctx.inputs, locale);
    const render = compileDocument(ctx.inputs, 'architecture', messages);
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
