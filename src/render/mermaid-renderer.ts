/** Mermaid as a {@link DiagramRenderer}: `output/<model>/diagrams/*.mmd` → `<stem>.svg` (+ `.png`). */
import type { Browser } from 'puppeteer-core';
import { MermaidPage, mermaidVersion } from './mermaid-engine.js';
import { stemOf, type DiagramRenderer, type RenderedImage, type RenderOptions, type RenderSource } from './renderer.js';

/** Renders Mermaid sources one after another in one page of `browser`. */
export async function renderMermaidSources(
  browser: Browser,
  sources: readonly RenderSource[],
  options: RenderOptions,
  onRendered?: (source: RenderSource, index: number) => void,
): Promise<RenderedImage[][]> {
  const page = await MermaidPage.open(browser);
  try {
    const results: RenderedImage[][] = [];
    for (const [index, source] of sources.entries()) {
      results.push(await renderOne(page, source, options));
      onRendered?.(source, index);
    }
    return results;
  } finally {
    await page.close();
  }
}

async function renderOne(page: MermaidPage, source: RenderSource, options: RenderOptions): Promise<RenderedImage[]> {
  const stem = stemOf(source.path);
  // The root id is the file stem, so an SVG is byte-stable and ids never clash when several are inlined in one page.
  const svg = await page.render(`mmd-${stem.replace(/[^A-Za-z0-9_-]/g, '_')}`, source.content);
  const images: RenderedImage[] = [{ name: `${stem}.svg`, content: svg }];
  if (options.png) images.push({ name: `${stem}.png`, content: await page.png(svg) });
  return images;
}

export const mermaidRenderer: DiagramRenderer = {
  name: 'mermaid',
  accepts: (path) => /^output\/[^/]+\/diagrams\/[^/]+\.mmd$/.test(path),
  version: mermaidVersion,
  async open(browser: Browser, options: RenderOptions) {
    const page = await MermaidPage.open(browser);
    return {
      render: (source) => renderOne(page, source, options),
      close: () => page.close(),
    };
  },
};
