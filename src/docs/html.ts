/**
 * The HTML version of a document: the Markdown rendered with marked (GFM), Mermaid blocks of known
 * diagrams replaced by their rendered images (`archgen render` writes them next to the document),
 * links to sibling Markdown documents pointed at their HTML versions, inside the page template.
 */
import Handlebars from 'handlebars';
import { marked } from 'marked';
import { UserError } from '../diagnostics/diagnostic.js';
import { escapeHtml } from './escape.js';
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

const decode = (text: string): string =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Markdown → HTML body, with rendered images for known diagrams. Pure and deterministic. */
export function markdownToHtml(markdown: string, diagrams: readonly HtmlDiagram[]): string {
  const html = marked.parse(markdown, { gfm: true, mangle: false, headerIds: true, headerPrefix: '' });
  return html
    .replace(/<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g, (whole, code: string) => {
      const source = decode(code).replace(/\n+$/, '');
      const diagram = diagrams.find((d) => d.mermaid === source);
      if (!diagram) return `<pre class="mermaid">${code}</pre>`;
      return [
        '<figure class="diagram">',
        `<img src="${escapeHtml(diagram.svg)}" alt="${escapeHtml(diagram.title)}">`,
        `<figcaption>${escapeHtml(diagram.title)}</figcaption>`,
        `<details><summary>Mermaid</summary><pre><code class="language-mermaid">${code}</code></pre></details>`,
        '</figure>',
      ].join('\n');
    })
    .replace(/href="([^"]*?architecture\.(?:ko|en))\.md"/g, 'href="$1.html"');
}

/** The full page from `templates/doc/page.html.hbs` (HTML-escaped by Handlebars except the body). */
export function renderHtmlPage(inputs: ReadonlyMap<string, string>, page: HtmlPage): string {
  const template = inputs.get(PAGE_TEMPLATE);
  if (template === undefined) {
    throw new UserError(`the HTML page template is missing: ${PAGE_TEMPLATE} does not exist`, [
      { file: PAGE_TEMPLATE, line: 1, col: 1, rule: 'docs/missing-template', severity: 'error', message: `${PAGE_TEMPLATE} not found`, hint: 'restore it from the archgen package, or provide it with --templates' },
    ]);
  }
  const env = Handlebars.create();
  const body = new env.SafeString(markdownToHtml(page.markdown, page.diagrams));
  return env.compile(template, { strict: false })({ lang: page.lang, title: page.title, body, markdownFile: page.markdownFile });
}
