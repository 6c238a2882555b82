/**
 * Mermaid sources (the `mermaid` generator's `.mmd` files and the document's ```mermaid
 * blocks) rendered to SVG with the project's Mermaid renderer on the shared browser.
 * Renders are reused by source hash: from `archgen render`'s committed output when its
 * manifest says it was rendered from the same text, and from memory across watch rebuilds,
 * so only diagrams whose source changed are rendered again.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { parseRenderManifest, sha256 } from '../../render/render-manifest.js';
import type { MermaidDiagram } from '../types.js';

export interface MermaidSource {
  readonly name: string;
  readonly title: string;
  /** Project-relative path (`output/<model>/diagrams/<name>.mmd`, or the document's path). */
  readonly sourcePath: string;
  readonly source: string;
}

/** Title from the front matter `title:` the generator writes, else the file stem. */
export function mermaidTitle(text: string, fallback: string): string {
  const front = /^---\s*\n([\s\S]*?)\n---/.exec(text);
  const title = front ? /^title:\s*(.+)$/m.exec(front[1]!)?.[1] : undefined;
  return title ? title.replace(/^(['"])(.*)\1$/, '$2').trim() : fallback;
}

/** Mermaid text without front matter, for matching document blocks with generated files. */
export const stripFrontMatter = (text: string): string => text.replace(/^---\s*\n[\s\S]*?\n---\s*\n/, '').trim();

/**
 * Mermaid serializes HTML labels the HTML way (`<br>`, `&nbsp;`), which is not XML: such an
 * SVG shows nothing when loaded as an image. Close void elements and use numeric entities.
 */
export function wellFormedSvg(svg: string): string {
  return svg
    .replace(/<(br|hr|img|wbr|input)\b([^>]*?)\s*\/?>/gi, (_, tag: string, attrs: string) => `<${tag}${attrs}/>`)
    .replace(/&nbsp;/g, '&#160;');
}

/** SVG by source hash, kept for the life of the process (watch mode). */
const memory = new Map<string, string>();

export interface RenderStats {
  rendered: number;
  reused: number;
}

/** Forgets renders kept in memory (benchmarks measure a cold build with it). */
export const clearRenderCache = (): void => memory.clear();

/**
 * Renders each source; a diagram that fails keeps its error message instead of an SVG.
 * @param reuse reuse earlier renders of the same source (memory, then `archgen render`'s output)
 */
export async function renderMermaid(browser: Browser, sources: readonly MermaidSource[], root: string, stats?: RenderStats, reuse = true): Promise<MermaidDiagram[]> {
  const out: MermaidDiagram[] = [];
  let session: { render(source: { path: string; content: string }): Promise<readonly { name: string; content: string | Uint8Array }[]>; close(): Promise<void> } | undefined;
  try {
    for (const source of sources) {
      const hash = sha256(`${source.name}\n${source.source}`);
      const cached = reuse ? memory.get(hash) ?? (await committedRender(root, source)) : undefined;
      if (cached !== undefined) {
        memory.set(hash, cached);
        if (stats) stats.reused++;
        out.push({ ...source, svg: wellFormedSvg(cached) });
        continue;
      }
      try {
        if (!session) {
          const { mermaidRenderer } = await import('../../render/mermaid-renderer.js');
          session = await mermaidRenderer.open(browser, { png: false });
        }
        const images = await session.render({ path: `output/site/diagrams/${source.name}.mmd`, content: source.source });
        const svg = images.find((image) => image.name.endsWith('.svg'))?.content;
        if (svg === undefined) throw new Error('the renderer produced no SVG');
        const text = typeof svg === 'string' ? svg : Buffer.from(svg).toString('utf8');
        memory.set(hash, text);
        if (stats) stats.rendered++;
        out.push({ ...source, svg: wellFormedSvg(text) });
      } catch (error) {
        out.push({ ...source, svg: '', error: error instanceof Error ? error.message : String(error) });
      }
    }
    return out;
  } finally {
    await session?.close();
  }
}

/** The SVG `archgen render` wrote for this exact source text, if the project has one. */
async function committedRender(root: string, source: MermaidSource): Promise<string | undefined> {
  const match = /^output\/([^/]+)\/diagrams\/([^/]+)\.mmd$/.exec(source.sourcePath);
  if (!match) return undefined;
  const dir = path.join(root, 'output', match[1]!, 'rendered');
  const manifest = parseRenderManifest(await readFile(path.join(dir, 'manifest.json'), 'utf8').catch(() => undefined));
  const entry = manifest?.sources[source.sourcePath];
  const svgName = `${match[2]}.svg`;
  if (!entry || entry.sha256 !== sha256(source.source) || !entry.outputs.includes(svgName)) return undefined;
  return readFile(path.join(dir, svgName), 'utf8').catch(() => undefined);
}
