/**
 * Every draw.io file of a model in draw.io's own viewer (pan, zoom, page tabs, layers), fully
 * offline: the viewer and the AWS stencils are site assets (see `drawio-assets.ts`).
 */
import { html, type SafeHtml } from '../html.js';
import { unavailable } from '../layout.js';
import type { DrawioFile, SiteModel } from '../types.js';

/** Scripts the draw.io page loads in `<head>` (configuration must precede the viewer). */
export const DRAWIO_HEAD_SCRIPTS = ['assets/drawio/setup.js', 'assets/drawio/viewer-static.min.js'] as const;
/** Scripts loaded after the content: stencils, then the code that starts the viewers. */
export const DRAWIO_BODY_SCRIPTS = ['assets/drawio/aws4-stencils.js', 'assets/drawio/start.js'] as const;

/** Site path of a copy of the `.drawio` file, relative to the model folder. */
export const drawioDownloadPath = (projectPath: string): string => `drawio/${projectPath.split('/').pop()!}`;

export function drawioBody(site: SiteModel): SafeHtml {
  if (site.drawio.status !== 'ok') return unavailable('draw.io diagrams', site.drawio.reason);
  if (!site.drawio.value.length) return unavailable('draw.io diagrams', 'The draw.io generator produced no diagram for this model.');
  return html`<div class="page-head"><h1>draw.io diagrams</h1><p class="muted">The toolbar switches pages and zooms; drag the diagram or use the arrow keys to pan. Download a file to edit it in draw.io.</p></div>
${site.drawio.value.map((file, index) => viewer(file, index))}`;
}

function viewer(file: DrawioFile, index: number): SafeHtml {
  const pages = pageNames(file.xml);
  const config = {
    highlight: '#0066cc',
    nav: true,
    resize: true,
    toolbar: 'pages zoom layers',
    // Always shown (not only on hover), so it works with keyboard and touch; panning is
    // the scroll box around the viewer (drag or arrow keys), see start.js.
    'toolbar-nohide': true,
    edit: null,
    lightbox: false,
    center: true,
    'auto-fit': true,
    'allow-zoom-in': false,
    xml: file.xml,
  };
  return html`<section class="diagram drawio-file" aria-labelledby="drawio-${index}">
<h2 id="drawio-${index}"><code>${file.path}</code></h2>
<p class="muted">${pages.length} page${pages.length === 1 ? '' : 's'} · <a href="${drawioDownloadPath(file.path)}" download>download the .drawio file</a></p>
<div class="page-tabs" role="group" aria-label="Pages of ${file.path}">${pages.map((name, page) => html`<button type="button" data-viewer="${index}" data-page="${page}" aria-pressed="${page === 0 ? 'true' : 'false'}">${name}</button>`)}</div>
<div class="drawio-scroll" tabindex="0" role="region" aria-label="Diagram ${file.path}: drag or use the arrow keys to pan"><div class="mxgraph drawio-viewer" data-drawio-index="${index}" data-mxgraph="${JSON.stringify(config)}"></div></div>
</section>`;
}

/** Page names of an `mxfile`, for the summary line (the viewer shows them as tabs). */
export function pageNames(xml: string): string[] {
  const names: string[] = [];
  for (const match of xml.matchAll(/<diagram\b[^>]*?\bname="([^"]*)"/g)) names.push(decodeXmlEntities(match[1]!));
  return names.length ? names : ['Page 1'];
}

function decodeXmlEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()]!;
    const code = name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
  });
}
