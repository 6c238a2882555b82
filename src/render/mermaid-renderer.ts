/** Mermaid as a {@link DiagramRenderer}: `output/<model>/diagrams/*.mmd` → `<stem>.svg` (+ `.png`). */
import os from 'node:os';
import type { Browser } from 'puppeteer-core';
import { MermaidPage, mermaidVersion } from './mermaid-engine.js';
import { stemOf, type DiagramRenderer, type RenderedImage, type RenderOptions, type RendererSession, type RenderSource } from './renderer.js';

/**
 * Pages rendering in parallel: one per core, at most 2. Each page is its own renderer process
 * with Mermaid loaded once; layout is single-threaded, so a second page uses the second core.
 */
export const MERMAID_PAGES = Math.max(1, Math.min(2, os.availableParallelism()));

/** Runs one task at a time: only the tab in front is painted, so screenshots take turns. */
function serial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function renderOne(page: MermaidPage, source: RenderSource, options: RenderOptions, screenshot = serial()): Promise<RenderedImage[]> {
  const stem = stemOf(source.path);
  // The root id is the file stem, so an SVG is byte-stable and ids never clash when several are inlined in one page.
  const svg = await page.render(`mmd-${stem.replace(/[^A-Za-z0-9_-]/g, '_')}`, source.content);
  const images: RenderedImage[] = [{ name: `${stem}.svg`, content: svg }];
  if (options.png) images.push({ name: `${stem}.png`, content: await screenshot(() => page.png(svg)) });
  return images;
}

/** Opens `pages` Mermaid pages in `browser` and hands each render to a free one. */
export async function openMermaidSession(browser: Browser, options: RenderOptions, pages = MERMAID_PAGES): Promise<RendererSession> {
  const free = await Promise.all(Array.from({ length: pages }, () => MermaidPage.open(browser)));
  const all = [...free];
  const screenshot = serial();
  const waiting: ((page: MermaidPage) => void)[] = [];
  const acquire = () => new Promise<MermaidPage>((resolve) => {
    const page = free.pop();
    if (page) resolve(page);
    else waiting.push(resolve);
  });
  const release = (page: MermaidPage) => {
    const next = waiting.shift();
    if (next) next(page);
    else free.push(page);
  };
  return {
    concurrency: pages,
    async render(source) {
      const page = await acquire();
      try {
        return await renderOne(page, source, options, screenshot);
      } finally {
        release(page);
      }
    },
    close: async () => {
      await Promise.all(all.map((page) => page.close()));
    },
  };
}

export const mermaidRenderer: DiagramRenderer = {
  name: 'mermaid',
  accepts: (path) => /^output\/[^/]+\/diagrams\/[^/]+\.mmd$/.test(path),
  version: mermaidVersion,
  open: (browser, options) => openMermaidSession(browser, options),
};
