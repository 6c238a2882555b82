/**
 * Renders Mermaid diagrams in one Chromium page: Mermaid's browser bundle is loaded once and
 * `mermaid.render()` is called per diagram, instead of one `mmdc` process (and one browser,
 * one bundle load) per diagram. The page makes no network requests: the bundle is injected as
 * text and every request the page attempts is aborted.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';

/** Mermaid settings shared by the fast engine and the `mmdc` baseline, so both draw the same. */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  deterministicIds: true,
  deterministicIDSeed: 'archgen',
  // Some shapes are drawn with rough.js even in the classic look; a fixed seed keeps their paths byte-stable.
  handDrawnSeed: 1,
  theme: 'default',
  fontFamily: '"Noto Sans CJK KR", "Noto Sans KR", "Noto Sans", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif',
  flowchart: { htmlLabels: true, curve: 'basis', useMaxWidth: false },
  sequence: { useMaxWidth: false, mirrorActors: false },
  pie: { useMaxWidth: false },
} as const;

/** A Mermaid syntax error: the message is Mermaid's own parse error. */
export class MermaidSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MermaidSyntaxError';
  }
}

let bundleText: Promise<string> | undefined;

/**
 * Sequence diagrams number their lifelines and participants (`id="actor7"`, `root-7`, `i7`) with
 * counters Mermaid never resets, so those ids depend on what the page rendered before.
 * Renumbering them per prefix in order of appearance makes an SVG depend only on its source.
 * Only id attributes and `#` references are touched, never text.
 */
export function renumberCounters(svg: string): string {
  const numbers = new Map<string, Map<string, number>>();
  return svg.replace(/(id="|#)(actor-man-arms|actor-man-torso|actor|root-|i)(\d+)(?=["_)\s])/g, (_, lead: string, prefix: string, n: string) => {
    const map = numbers.get(prefix) ?? new Map<string, number>();
    numbers.set(prefix, map);
    if (!map.has(n)) map.set(n, map.size);
    return `${lead}${prefix}${map.get(n)}`;
  });
}

/** Path of Mermaid's UMD browser bundle (`mermaid/dist/mermaid.min.js`) in node_modules. */
export function mermaidBundlePath(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('mermaid');
  return path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`)), 'dist', 'mermaid.min.js');
}

/** Version of the Mermaid bundle the engine loads, recorded in render manifests. */
export async function mermaidVersion(): Promise<string> {
  const pkg = path.join(path.dirname(path.dirname(mermaidBundlePath())), 'package.json');
  return (JSON.parse(await readFile(pkg, 'utf8')) as { version: string }).version;
}

const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #ffffff; }
#stage { display: inline-block; padding: 16px; background: #ffffff; }
</style></head><body><div id="stage"></div></body></html>`;

type MermaidApi = {
  initialize(config: unknown): void;
  parse(text: string): Promise<{ diagramType: string }>;
  render(id: string, text: string): Promise<{ svg: string }>;
};

/** One page with Mermaid loaded; render diagrams one after another with {@link MermaidPage.render}. */
export class MermaidPage {
  private constructor(private readonly page: Page, readonly blockedRequests: string[]) {}

  /** Opens a page in `browser`, blocks all network access and loads Mermaid's bundle once. */
  static async open(browser: Browser, options: { scale?: number } = {}): Promise<MermaidPage> {
    bundleText ??= readFile(mermaidBundlePath(), 'utf8');
    const page = await browser.newPage();
    const blocked: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url === 'about:blank' || url.startsWith('data:')) void request.continue();
      else {
        blocked.push(url);
        void request.abort('blockedbyclient');
      }
    });
    await page.setViewport({ width: 1600, height: 1200, deviceScaleFactor: options.scale ?? 1 });
    await page.setContent(PAGE_HTML);
    await page.addScriptTag({ content: await bundleText });
    await page.evaluate((config) => {
      (globalThis as unknown as { mermaid: MermaidApi }).mermaid.initialize(config);
    }, MERMAID_CONFIG as unknown as Record<string, unknown>);
    return new MermaidPage(page, blocked);
  }

  /** Parses `text` with Mermaid's own parser: the diagram type, or Mermaid's error message. */
  async parse(text: string): Promise<{ diagramType: string } | { error: string }> {
    return this.page.evaluate(async (source) => {
      try {
        return { diagramType: (await (globalThis as unknown as { mermaid: MermaidApi }).mermaid.parse(source)).diagramType };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    }, text);
  }

  /**
   * Renders `text` to an SVG document. `id` becomes the root element id (keep it stable for
   * byte-stable output); Mermaid's ids inside are deterministic. Throws {@link MermaidSyntaxError}.
   */
  async render(id: string, text: string): Promise<string> {
    const result = await this.page.evaluate(async (diagramId, source, config) => {
      const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
      // Re-initializing resets Mermaid's id counter, so a diagram's SVG does not depend on
      // how many diagrams this page rendered before it.
      mermaid.initialize(config);
      try {
        const { svg } = await mermaid.render(diagramId, source);
        // Mermaid serializes through innerHTML, leaving HTML-only markup (`<br>`, `&nbsp;`) in
        // its labels: not XML, so the file would not open as an image. Re-serialize as XML.
        const holder = document.createElement('div');
        holder.innerHTML = svg;
        const root = holder.querySelector('svg');
        return { svg: root ? new XMLSerializer().serializeToString(root) : svg, error: undefined };
      } catch (error) {
        return { svg: undefined, error: error instanceof Error ? error.message : String(error) };
      } finally {
        document.getElementById(diagramId)?.remove();
        document.getElementById(`d${diagramId}`)?.remove();
      }
    }, id, text, MERMAID_CONFIG as unknown as Record<string, unknown>);
    if (result.svg === undefined) throw new MermaidSyntaxError(result.error ?? 'Mermaid rendered nothing');
    return renumberCounters(result.svg);
  }

  /** Rasterizes an SVG produced by {@link MermaidPage.render} to PNG (white background, 1× scale unless opened with `scale`). */
  async png(svg: string): Promise<Uint8Array> {
    // Headless Chromium does not paint background tabs, so a screenshot there would wait forever.
    await this.page.bringToFront();
    await this.page.evaluate((markup) => {
      document.getElementById('stage')!.innerHTML = markup;
    }, svg);
    await this.page.evaluate(() => document.fonts.ready);
    const stage = await this.page.$('#stage');
    const image = await stage!.screenshot({ type: 'png' });
    await this.page.evaluate(() => {
      document.getElementById('stage')!.innerHTML = '';
    });
    return image;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
