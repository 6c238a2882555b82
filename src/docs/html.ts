/**
 * The HTML version of a document: the Markdown converted by the site's safe converter (model text
 * is never passed through as markup), Mermaid blocks of known diagrams replaced by their rendered
 * images (`archgen render` writes them next to the document), and links to sibling Markdown
 * documents pointed at their HTML versions, inside the page template.
 */
import Handlebars from 'handlebars';
import { UserError } from '../diagnostics/diagnostic.js';
import { markdownToHtml as convert } from '../site/markdown.js';
import { escapeHtml } from './escape.js';
import { trimTrailingNewlines } from './text.js';
import { TEMPLATE_DIR } from './templates.js';

export const PAGE_TEMPLATE = `${TEMPLATE_DIR}/page.html.hbs`;

/** A diagram whose Mermaid block becomes an image in HTML. */
export interface HtmlDiagram {
  readonly title: string;
  readonly mermaid: string;
  /** Image path relative to the document. */
  readonly svg: string;
}

export interface HtmlPage {
  readonly lang: string;
  readonly title: string;
  readonly markdown: string;
  readonly diagrams: readonly HtmlDiagram[];
  /** Source Markdown file name, linked from the page. */
  readonly markdownFile: string;
}

const SAFE_LINK = /^(https?:|mailto:|#|\.{0,2}\/|[\w\-.~%]+(?:[/#?]|$))/i;

/** Markdown → HTML body, with rendered images for known diagrams. Pure and deterministic. */
export function markdownToHtml(markdown: string, diagrams: readonly HtmlDiagram[]): string {
  return convert(markdown, {
    code: (lang, code) => {
      if (lang !== 'mermaid') return undefined;
      const trimmed = trimTrailingNewlines(code);
      const diagram = diagrams.find((d) => d.mermaid === trimmed);
      if (!diagram) return undefined;
      return [
        '<figure class="diagram">',
        `<img src="${escapeHtml(diagram.svg)}" alt="${escapeHtml(diagram.title)}">`,
        `<figcaption>${escapeHtml(diagram.title)}</figcaption>`,
        `<details><summary>Mermaid</summary><pre><code class="language-mermaid">${escapeHtml(code)}</code></pre></details>`,
        '</figure>',
      ].join('\n');
    },
    link: (href) => {
      let target: string;
      try {
        target = decodeURI(href);
      } catch {
        target = href;
      }
      if (!SAFE_LINK.test(target) && !/^[^:]+$/.test(target)) return undefined;
      return target.replace(/(architecture\.(?:ko|en))\.md$/, '$1.html');
    },
  }).html;
}

/** The full page from `templates/doc/page.html.hbs` (HTML-escaped by Handlebars except the body). */
export function renderHtmlPage(inputs: ReadonlyMap<string, string>, page: HtmlPage): string {
  const template = inputs.get(PAGE_TEMPLATE);
  if (template === undefined) {
    throw new UserError(`the HTML page template is missing: ${PAGE_TEMPLATE} does not exist`, [
      { file: PAGE_TEMPLATE, line: 1, col: 1, rule: 'docs/missing-template', severity: 'error', message: `${PAGE_TEMPLATE} not found`, hint: 'restore it from the archgen package, or provide it with --templates' },
    ]);
  }
  const body = new Handlebars.SafeString(markdownToHtml(page.markdown, page.diagrams));
  return pageTemplate(template)({ lang: page.lang, title: page.title, body, markdownFile: page.markdownFile });
}

/** The page template compiled once per source text (every page of a run uses the same one). */
const pageTemplates = new Map<string, HandlebarsTemplateDelegate>();

function pageTemplate(source: string): HandlebarsTemplateDelegate {
  let template = pageTemplates.get(source);
  if (!template) {
    if (pageTemplates.size >= 4) pageTemplates.delete(pageTemplates.keys().next().value!);
    template = Handlebars.create().compile(source, { strict: false });
    pageTemplates.set(source, template);
  }
  return template;
}
