/** Shared helpers of the Mermaid tests: the project's models, and readable text of a rendered SVG. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModelOrThrow } from '../../src/load/load-model.js';
import type { ArchitectureModel } from '../../src/model/types.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every model in model/ (the seed and the alternatives that exist in the tree). */
export async function projectModels(): Promise<ArchitectureModel[]> {
  const files = readdirSync(path.join(ROOT, 'model')).filter((f) => /\.ya?ml$/.test(f)).sort();
  return Promise.all(files.map((f) => loadModelOrThrow(path.join(ROOT, 'model', f), ROOT)));
}

export const seedModel = (): Promise<ArchitectureModel> => loadModelOrThrow(path.join(ROOT, 'model/point-system.yaml'), ROOT);

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * The text a reader sees in an SVG from Mermaid: styles and tags dropped, entities decoded,
 * whitespace collapsed. Lines of one label are joined by a space.
 */
export function svgText(svg: string): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return NAMED[name] ?? whole;
    })
    .replace(/\s+/g, ' ');
}
