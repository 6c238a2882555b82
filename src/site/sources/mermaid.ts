/**
 * Mermaid sources (the `mermaid` generator's `.mmd` files and the document's ```mermaid
 * blocks) rendered to SVG with the shared engine: one browser page, one bundle load.
 */
import type { Browser } from 'puppeteer-core';
import type { MermaidDiagram } from '../types.js';

export interface MermaidSource {
  readonly name: string;
  readonly title: string;
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
export const mermaidBody = (text: string): string => text.replace(/^---\s*\n[\s\S]*?\n---\s*\n/, '').trim();

/** Renders each source; a diagram that fails keeps its error message instead of an SVG. */
export async function renderMermaid(browser: Browser, sources: readonly MermaidSource[]): Promise<MermaidDiagram[]> {
  if (!sources.length) return [];
  const { MermaidPage } = await import('../../render/mermaid-engine.js');
  const page = await MermaidPage.open(browser);
  try {
    const out: MermaidDiagram[] = [];
    for (const source of sources) {
      try {
        out.push({ ...source, svg: await page.render(`m-${source.name}`, source.source) });
      } catch (error) {
        out.push({ ...source, svg: '', error: error instanceof Error ? error.message : String(error) });
      }
    }
    return out;
  } finally {
    await page.close();
  }
}
