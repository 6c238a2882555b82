/** The model's Mermaid diagrams, prerendered to SVG files next to the page. */
import { html, type SafeHtml } from '../html.js';
import { unavailable } from '../layout.js';
import type { SiteModel } from '../types.js';

/** Site path of a diagram's SVG, relative to the model folder. */
export const mermaidSvgPath = (name: string): string => `mermaid/${name}.svg`;

export function mermaidBody(site: SiteModel): SafeHtml {
  if (site.mermaid.status !== 'ok') return unavailable('Mermaid diagrams', site.mermaid.reason);
  const diagrams = site.mermaid.value;
  if (!diagrams.length) return unavailable('Mermaid diagrams', 'The Mermaid generator produced no diagram for this model.');
  return html`<div class="page-head"><h1>Mermaid diagrams</h1><p class="muted">${diagrams.length} diagram${diagrams.length === 1 ? '' : 's'}, rendered to SVG when the site was built.</p></div>
<nav aria-label="Diagrams"><ul>${diagrams.map((d) => html`<li><a href="#${d.name}">${d.title}</a></li>`)}</ul></nav>
${diagrams.map((d) => html`<section class="diagram mermaid-diagram" id="${d.name}" aria-labelledby="${d.name}-title">
<h2 id="${d.name}-title">${d.title}</h2>
${d.error
    ? html`<p class="notice diagram-error">Mermaid could not render this diagram: <code>${d.error}</code></p><pre><code>${d.source}</code></pre>`
    : html`<figure class="mermaid-figure"><img src="${mermaidSvgPath(d.name)}" alt="${d.title} (Mermaid diagram)" data-mermaid="${d.name}"></figure>
<p class="diagram-links"><a href="${mermaidSvgPath(d.name)}">Open the SVG</a> · source <code>${d.sourcePath}</code></p>`}
</section>`)}`;
}
