/**
 * `drawio` generator: `resource/<model>.drawio` with the Architecture (one per environment whose
 * drawing differs), Network, Security groups and CI/CD pages, laid out by ELK.
 */
import type { ArchitectureModel } from '../../model/types.js';
import type { Generator } from '../types.js';
import { buildPages } from './pages.js';
import { layoutPage } from './layout.js';
import { MxfileWriter } from './mxfile.js';

/** The `.drawio` XML of a model (async: ELK lays out in a worker-less promise). */
export async function drawioXml(model: ArchitectureModel): Promise<string> {
  const pages = buildPages(model);
  const writer = new MxfileWriter(pages.length);
  for (const page of pages) writer.page(await layoutPage(page));
  return writer.end();
}

export const drawioGenerator: Generator = {
  name: 'drawio',
  description: 'draw.io diagrams with AWS icons (resource/<model>.drawio)',
  generate: async (model) => [{ path: `resource/${model.id}.drawio`, content: await drawioXml(model) }],
};
