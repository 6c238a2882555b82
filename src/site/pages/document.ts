/** The architecture document in Korean and English, with a language switch and a contents list. */
import type { Locale } from '../../model/types.js';
import { html, raw, type SafeHtml } from '../html.js';
import { unavailable } from '../layout.js';
import { markdownToHtml, type Heading } from '../markdown.js';
import type { SiteModel } from '../types.js';

const LOCALES: readonly { readonly id: Locale; readonly label: string }[] = [
  { id: 'ko', label: '한국어' },
  { id: 'en', label: 'English' },
];

/**
 * @param svgFor maps a Mermaid code block to the prerendered diagram's SVG file (relative to the page), if any
 */
export function documentBody(site: SiteModel, svgFor: (code: string) => string | undefined): SafeHtml {
  if (site.documents.status !== 'ok') return unavailable('Architecture document', site.documents.reason);
  const documents = site.documents.value;
  const switcher = html`<div class="lang-switch" role="group" aria-label="Document language">${LOCALES.map((l) => html`<button type="button" data-lang="${l.id}" aria-pressed="${l.id === 'ko' ? 'true' : 'false'}">${l.label}</button>`)}</div>`;
  const articles = LOCALES.map(({ id }) => {
    const result = markdownToHtml(documents[id], {
      idPrefix: `${id}-`,
      link: (href) => rewriteLink(href),
      image: () => undefined,
      code: (lang, code) => {
        if (lang !== 'mermaid') return undefined;
        const svg = svgFor(code);
        return svg ? `<figure class="mermaid-figure"><img src="${svg}" alt="Mermaid diagram"></figure>` : undefined;
      },
    });
    return html`<div class="doc-layout" data-lang-panel="${id}" lang="${id}"${id === 'ko' ? '' : html` hidden`}>${toc(result.headings, id)}<article class="doc">${raw(result.html)}</article></div>`;
  });
  return html`<div class="page-head"><h1>Architecture document</h1>${switcher}</div>${articles}`;
}

function toc(headings: readonly Heading[], locale: Locale): SafeHtml {
  const entries = headings.filter((h) => h.level >= 2 && h.level <= 3);
  if (!entries.length) return html``;
  return html`<nav class="toc" aria-label="${locale === 'ko' ? '목차' : 'Contents'}"><ol>${entries.map((h) => html`<li class="toc-${h.level}"><a href="#${h.id}">${h.text}</a></li>`)}</ol></nav>`;
}

/** In-page and web links stay; links to repository files cannot be followed from the site. */
function rewriteLink(href: string): string | undefined {
  if (/^(https?:|mailto:|#)/i.test(href)) return href;
  if (/\.ya?ml(#L\d+)?$/i.test(href)) return 'model.html' + (/#L\d+$/.exec(href)?.[0] ?? '');
  return undefined;
}
