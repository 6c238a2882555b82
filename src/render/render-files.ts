/**
 * `archgen render`'s engine: finds each model's diagram sources under `output/<model>/`,
 * renders all of them with ONE Chromium (each renderer opens its page once), writes the images
 * to `output/<model>/rendered/` (only those whose bytes change) and records the source hashes in
 * `rendered/manifest.json`. A source that fails is reported by path with the tool's message;
 * the others are still rendered.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { UserError } from '../diagnostics/diagnostic.js';
import { readIfExists, writeAtomic } from '../output/write.js';
import { launchBrowser } from './browser.js';
import { drawioRenderer, drawioSourceOf } from './drawio-renderer.js';
import { mermaidRenderer } from './mermaid-renderer.js';
import {
  parseRenderManifest, RENDER_MANIFEST_NAME, renderManifestContent, sha256,
  type RenderManifest, type RenderManifestEntry,
} from './render-manifest.js';
import type { DiagramRenderer, RenderSource } from './renderer.js';

/** Every diagram format `render` knows; add a renderer here to render its sources too. */
export const RENDERERS: readonly DiagramRenderer[] = [mermaidRenderer, drawioRenderer];

/** Whether a project-relative path is a source some renderer takes (for `check`). */
export const isRenderSource = (file: string, renderers: readonly DiagramRenderer[] = RENDERERS): boolean => renderers.some((r) => r.accepts(file));

/** Folder of a model's rendered images and manifest, project-relative. */
export const renderedDir = (modelId: string): string => `output/${modelId}/rendered`;

export interface RenderRequest {
  readonly root: string;
  readonly modelIds: readonly string[];
  readonly png: boolean;
  /** Write to `<out>/<model>/` instead of `output/<model>/rendered/` (relative to root). */
  readonly out?: string;
  readonly renderers?: readonly DiagramRenderer[];
  /** A shared browser (tests, benchmarks); otherwise one is launched and closed. */
  readonly browser?: Browser;
  /** Called as each source finishes (`done` counts finished sources). */
  readonly onProgress?: (done: number, total: number, source: string) => void;
}

export interface RenderFailure {
  readonly source: string;
  readonly message: string;
}

export interface RenderedFile {
  readonly path: string;
  readonly status: 'new' | 'changed' | 'unchanged' | 'removed';
}

export interface RenderSummary {
  readonly sources: number;
  readonly files: readonly RenderedFile[];
  readonly failures: readonly RenderFailure[];
}

interface ModelSources {
  readonly modelId: string;
  readonly byRenderer: Map<DiagramRenderer, RenderSource[]>;
}

/** Renders every diagram source of the given models. */
export async function renderModels(request: RenderRequest): Promise<RenderSummary> {
  const renderers = request.renderers ?? RENDERERS;
  const models: ModelSources[] = [];
  for (const modelId of request.modelIds) models.push(await findSources(request.root, modelId, renderers));
  const total = models.reduce((n, m) => n + [...m.byRenderer.values()].reduce((k, list) => k + list.length, 0), 0);
  if (total === 0) {
    throw new UserError(`no diagram sources under ${request.modelIds.map((id) => `output/${id}/`).join(', ')}`, [
      { file: `output/${request.modelIds[0] ?? ''}`, line: 1, col: 1, rule: 'render/no-sources', severity: 'error', message: 'nothing to render', hint: 'run `archgen generate` first' },
    ]);
  }
  const browser = request.browser ?? (await launchBrowser());
  const files: RenderedFile[] = [];
  const failures: RenderFailure[] = [];
  let done = 0;
  try {
    for (const model of models) {
      const folder = request.out ? path.posix.join(request.out.split(path.sep).join('/'), model.modelId) : renderedDir(model.modelId);
      const previous = parseRenderManifest((await readIfExists(path.resolve(request.root, folder, RENDER_MANIFEST_NAME)))?.toString('utf8'));
      const entries: Record<string, RenderManifestEntry> = {};
      const tools: Record<string, string> = {};
      for (const [renderer, sources] of model.byRenderer) {
        tools[renderer.name] = await renderer.version();
        const session = await renderer.open(browser, { png: request.png });
        try {
          const outcomes = await mapConcurrent(sources, session.concurrency ?? 1, async (source) => {
            try {
              return { source, images: await session.render(source) };
            } catch (error) {
              return { source, error: error instanceof Error ? error.message : String(error) };
            } finally {
              request.onProgress?.(++done, total, source.path);
            }
          });
          // Written in source order, so the summary and the manifest do not depend on timing.
          for (const outcome of outcomes) {
            const { source } = outcome;
            if ('images' in outcome && outcome.images) {
              for (const image of outcome.images) files.push(await writeIfChanged(request.root, `${folder}/${image.name}`, image.content));
              entries[source.path] = { sha256: sha256(source.content), renderer: renderer.name, outputs: outcome.images.map((i) => i.name).sort() };
            } else {
              failures.push({ source: source.path, message: outcome.error ?? 'render failed' });
              const kept = previous?.sources[source.path];
              if (kept) entries[source.path] = kept;
            }
          }
        } finally {
          await session.close();
        }
      }
      files.push(...(await removeOrphans(request.root, folder, previous, entries)));
      const manifest: RenderManifest = { version: 1, tools, sources: entries };
      files.push(await writeIfChanged(request.root, `${folder}/${RENDER_MANIFEST_NAME}`, renderManifestContent(manifest)));
    }
  } finally {
    if (!request.browser) await browser.close();
  }
  return { sources: total, files, failures };
}

/** `fn` over `items` with at most `limit` calls in flight; results in input order. */
async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Images of sources that no longer exist, listed in the previous manifest and not produced now. */
async function removeOrphans(root: string, folder: string, previous: RenderManifest | undefined, current: Record<string, RenderManifestEntry>): Promise<RenderedFile[]> {
  const keep = new Set(Object.values(current).flatMap((e) => e.outputs));
  const removed: RenderedFile[] = [];
  for (const [source, entry] of Object.entries(previous?.sources ?? {})) {
    if (current[source]) continue;
    for (const name of entry.outputs) {
      if (keep.has(name)) continue;
      await rm(path.resolve(root, folder, name), { force: true });
      removed.push({ path: `${folder}/${name}`, status: 'removed' });
    }
  }
  return removed;
}

async function writeIfChanged(root: string, file: string, content: string | Uint8Array): Promise<RenderedFile> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const existing = await readIfExists(path.resolve(root, file));
  if (existing && Buffer.compare(existing, bytes) === 0) return { path: file, status: 'unchanged' };
  await writeAtomic(path.resolve(root, file), bytes);
  return { path: file, status: existing ? 'changed' : 'new' };
}

async function findSources(root: string, modelId: string, renderers: readonly DiagramRenderer[]): Promise<ModelSources> {
  const byRenderer = new Map<DiagramRenderer, RenderSource[]>();
  // The draw.io file lives in resource/ (the seed asks for it there), not under output/.
  const drawio = drawioSourceOf(modelId);
  const extra = (await readIfExists(path.resolve(root, drawio))) ? [drawio] : [];
  for (const file of [...(await listFiles(root, `output/${modelId}`)), ...extra]) {
    const renderer = renderers.find((r) => r.accepts(file));
    if (!renderer) continue;
    const list = byRenderer.get(renderer) ?? [];
    list.push({ path: file, content: await readFile(path.resolve(root, file), 'utf8') });
    byRenderer.set(renderer, list);
  }
  return { modelId, byRenderer };
}

/** Project-relative files under `dir`, sorted, skipping the rendered output itself. */
async function listFiles(root: string, dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(path.resolve(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const child = `${dir}/${entry.name}`;
    if (entry.isDirectory() && entry.name !== 'rendered') out.push(...(await listFiles(root, child)));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}
