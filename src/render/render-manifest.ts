/**
 * `output/<model>/rendered/manifest.json`: which source each rendered image came from, with the
 * sha256 of the source text it was rendered from. Images depend on fonts and Chromium versions,
 * so drift is judged on source hashes: a render is stale when its source changed since, not when
 * its pixels differ. Everything here is pure (no I/O) so `check` can call it on in-memory files.
 */
import { createHash } from 'node:crypto';
import { stableJson } from '../output/stable-json.js';

export const RENDER_MANIFEST_NAME = 'manifest.json';

export interface RenderManifestEntry {
  /** sha256 (hex) of the source bytes that were rendered. */
  readonly sha256: string;
  /** Renderer that produced the outputs, e.g. `mermaid`. */
  readonly renderer: string;
  /** Rendered files, relative to the manifest's folder. */
  readonly outputs: readonly string[];
}

export interface RenderManifest {
  readonly version: 1;
  /** Renderer name → tool version (e.g. `mermaid` → `11.17.2`). */
  readonly tools: Readonly<Record<string, string>>;
  /** Project-relative source path → what was rendered from it. */
  readonly sources: Readonly<Record<string, RenderManifestEntry>>;
}

export const sha256 = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');

export const renderManifestContent = (manifest: RenderManifest): string => stableJson(manifest);

/** Parses a manifest; undefined when the text is not one (treated as "nothing rendered"). */
export function parseRenderManifest(text: string | undefined): RenderManifest | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as RenderManifest;
    return value && value.version === 1 && typeof value.sources === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

export interface RenderDrift {
  /** Sources whose text changed since they were rendered. */
  readonly stale: readonly string[];
  /** Sources that were never rendered. */
  readonly unrendered: readonly string[];
  /** Manifest entries whose source no longer exists (their images should be removed). */
  readonly orphaned: readonly string[];
}

export const hasRenderDrift = (drift: RenderDrift): boolean => drift.stale.length + drift.unrendered.length + drift.orphaned.length > 0;

/**
 * Compares a model's render manifest with its current renderable sources (project-relative
 * path → content, e.g. the `.mmd` files `generate` would write). Pure; for `check`.
 */
export function renderDrift(manifest: RenderManifest | undefined, sources: ReadonlyMap<string, string | Uint8Array>): RenderDrift {
  const recorded = manifest?.sources ?? {};
  const stale: string[] = [];
  const unrendered: string[] = [];
  for (const [path, content] of sources) {
    const entry = recorded[path];
    if (!entry) unrendered.push(path);
    else if (entry.sha256 !== sha256(content)) stale.push(path);
  }
  const orphaned = Object.keys(recorded).filter((path) => !sources.has(path));
  return { stale: stale.sort(), unrendered: unrendered.sort(), orphaned: orphaned.sort() };
}
